package io.parley.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.parley.http.ApiProblem;
import io.parley.http.FieldError;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Text no request may carry, refused 400 before any reader or the contract sees it: in the path (ids), a NUL or
 * another control character, or half of a UTF-16 surrogate pair; in a JSON body, the same in any string or member
 * name, and a member named twice in one object (which of the two counts would be a guess). Each refusal names the
 * field by its JSON path ({@code debtor.contactPoints[0].address}) or as {@code path}.
 */
public final class InputScreen {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private InputScreen() {
    }

    /** Screens the path of every request. */
    public static Handler<RoutingContext> paths() {
        return ctx -> {
            String problem = pathProblem(ctx.request().path());
            if (problem != null) {
                Problems.write(ctx, ApiProblem.malformed(List.of(new FieldError("path", problem))));
                return;
            }
            ctx.next();
        };
    }

    /**
     * Refuses a form post (urlencoded or multipart) with 415 before a BodyHandler would hand it to the form decoder:
     * no API operation reads a form, and the decoder fails on some of them (an empty name) in ways that are no
     * answer. Mount before the BodyHandler.
     */
    public static Handler<RoutingContext> noForms(String mailPath) {
        return ctx -> {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (media.equals("application/x-www-form-urlencoded") || media.startsWith("multipart/")) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                Problems.write(ctx, ApiProblem.unsupportedMediaType(ctx.request().path().equals(mailPath)
                        ? "message/rfc822" : "application/json"));
                return;
            }
            ctx.next();
        };
    }

    /** Screens a JSON body collected by the BodyHandler (other bodies pass untouched). */
    public static Handler<RoutingContext> jsonBodies() {
        return ctx -> {
            Buffer body = ctx.body() == null ? null : ctx.body().buffer();
            if (body != null && body.length() > 0 && JsonBody.isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
                List<FieldError> errors = jsonProblems(body.getBytes());
                if (!errors.isEmpty()) {
                    Problems.write(ctx, ApiProblem.malformed(errors));
                    return;
                }
            }
            ctx.next();
        };
    }

    static String pathProblem(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "is not valid percent-encoding";
        }
        return textProblem(decoded);
    }

    /** What is wrong with a string, or null: a control character or a lone surrogate. */
    static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain a NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain half of a UTF-16 surrogate pair";
            }
        }
        return null;
    }

    /** Every string and member name checked, duplicates refused; well-formedness is left to the readers. */
    static List<FieldError> jsonProblems(byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    String problem = textProblem(parser.getText());
                    if (problem != null) {
                        errors.add(new FieldError(path(parser.getParsingContext()),
                                token == JsonToken.FIELD_NAME ? "(the member's name) " + problem : problem));
                    }
                }
            }
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                errors.add(new FieldError(path(e.getProcessor() == null ? null
                        : ((JsonParser) e.getProcessor()).getParsingContext()), "is given more than once"));
            }
            // other malformed JSON: the reader says so, in its own words
        } catch (IOException e) {
            // as above
        }
        return errors;
    }

    /** A name as an error may show it: control characters and lone surrogates written as \\uXXXX. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.length() > 64 ? out.substring(0, 64) + "..." : out.toString();
    }

    /** The JSON path of the parser's position: {@code debtor.contactPoints[0].address}. */
    static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, "." + printable(c.getCurrentName()));
            }
        }
        String joined = String.join("", parts);
        joined = joined.startsWith(".") ? joined.substring(1) : joined;
        return joined.isEmpty() ? "body" : joined;
    }
}
