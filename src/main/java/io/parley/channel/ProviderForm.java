package io.parley.channel;

import io.parley.http.ApiProblem;
import io.parley.http.FieldError;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider's form post (Twilio's webhooks), read from the raw body within bounds before anything else looks at
 * it: a body over {@code maxBodyBytes} (announced or streamed) is refused 413 as soon as that is known, and so is a
 * form with more than {@code maxFields} fields or a field over {@code maxFieldBytes} as sent; a field that is not
 * valid URL encoding (or holds a NUL) is 400. Only then is the form handed on, decoded, so the signature (403 when
 * it does not verify) is computed over what was sent and never over a request that was too big to hold. Vert.x's
 * own form decoder never sees the request.
 */
public final class ProviderForm {
    private static final String KEY = "parley.providerForm";

    /** The bounds of one form post. */
    public record Limits(long maxBodyBytes, int maxFields, int maxFieldBytes) {
        public static final Limits DEFAULTS = new Limits(64 * 1024, 100, 8192);
    }

    private ProviderForm() {
    }

    /** A route handler that reads the form within the limits, then calls the next handler. */
    public static Handler<RoutingContext> reader(Limits limits) {
        return ctx -> {
            HttpServerRequest request = ctx.request();
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && announced(length) > limits.maxBodyBytes()) {
                tooLarge(ctx, limits);
                return;
            }
            if (request.isEnded()) {
                // nothing left to read (no body, or one a handler before this one took): an empty form
                ctx.put(KEY, Map.of());
                ctx.next();
                return;
            }
            Buffer body = Buffer.buffer();
            boolean[] refused = {false};
            request.handler(chunk -> {
                if (refused[0]) {
                    return;
                }
                if (body.length() + chunk.length() > limits.maxBodyBytes()) {
                    refused[0] = true;
                    tooLarge(ctx, limits);
                    return;
                }
                body.appendBuffer(chunk);
            });
            request.exceptionHandler(e -> {
                if (!refused[0]) {
                    refused[0] = true;
                    ctx.fail(ApiProblem.malformed("the request body could not be read"));
                }
            });
            request.endHandler(v -> {
                if (refused[0]) {
                    return;
                }
                try {
                    ctx.put(KEY, decode(body.toString(StandardCharsets.ISO_8859_1), limits));
                } catch (ApiProblem problem) {
                    ctx.fail(problem);
                    return;
                }
                ctx.next();
            });
            request.resume();
        };
    }

    /** The form read by {@link #reader}: field name to value (the last of a repeated name), in order. */
    public static Map<String, String> of(RoutingContext ctx) {
        Map<String, String> form = ctx.get(KEY);
        return form == null ? Map.of() : form;
    }

    /** Decodes an application/x-www-form-urlencoded body within the limits; an ApiProblem names what is wrong. */
    static Map<String, String> decode(String raw, Limits limits) {
        Map<String, String> form = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return Collections.unmodifiableMap(form);
        }
        String[] fields = raw.split("&", limits.maxFields() + 2);
        if (fields.length > limits.maxFields()) {
            throw problem(413, "form", "has more than " + limits.maxFields() + " fields");
        }
        for (String field : fields) {
            int eq = field.indexOf('=');
            String name = decoded(eq < 0 ? field : field.substring(0, eq), "form");
            if (field.length() > limits.maxFieldBytes()) {
                throw problem(413, name, "is longer than " + limits.maxFieldBytes() + " bytes");
            }
            form.put(name, eq < 0 ? "" : decoded(field.substring(eq + 1), name));
        }
        return Collections.unmodifiableMap(form);
    }

    private static String decoded(String text, String field) {
        String value;
        try {
            value = URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw problem(400, field.length() > 64 ? "form" : field, "is not valid form encoding");
        }
        if (value.indexOf('\0') >= 0) {
            throw problem(400, field.length() > 64 ? "form" : field, "must not contain a NUL character");
        }
        return value;
    }

    private static ApiProblem problem(int status, String field, String message) {
        List<FieldError> errors = List.of(new FieldError(field, message));
        return status == 413
                ? new ApiProblem(413, ApiProblem.type("payload-too-large"), "Payload too large",
                field + " " + message, errors)
                : ApiProblem.malformed(errors);
    }

    private static long announced(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void tooLarge(RoutingContext ctx, Limits limits) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ctx.fail(ApiProblem.payloadTooLarge(limits.maxBodyBytes()));
    }
}
