package io.parley.api;

import io.parley.http.ApiProblem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/** The JSON object a command is read from, taken from a request whose body a BodyHandler has collected. */
public final class JsonBody {
    private JsonBody() {
    }

    /**
     * The request body as a JSON object.
     *
     * @throws ApiProblem 415 unless the Content-Type is application/json (or a +json type); 400 when the body is
     *                    empty, not JSON, or not a JSON object
     */
    public static JsonObject of(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (!isJson(contentType)) {
            throw ApiProblem.unsupportedMediaType();
        }
        Buffer body = ctx.body().buffer();
        return parse(body);
    }

    /** Decodes a body that must hold a JSON object. */
    public static JsonObject parse(Buffer body) {
        if (body == null || body.length() == 0) {
            throw ApiProblem.malformed("the request body is empty; a JSON object is expected");
        }
        String text = body.toString().strip();
        if (!text.startsWith("{")) {
            throw ApiProblem.malformed("the request body must be a JSON object");
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException e) {
            throw ApiProblem.malformed("the request body is not valid JSON");
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }
}
