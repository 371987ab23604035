package io.parley.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The published OpenAPI description ({@code openapi.yaml} on the class path, served at {@code GET /openapi.yaml})
 * as the contract Vert.x's OpenAPI router checks requests against.
 *
 * <p>vertx-openapi 5.0 refuses a description that names a media type it cannot parse, and it reads only JSON,
 * multipart and plain-text bodies; so the router is given the published description with only these left out:
 * <ul>
 *   <li>response media types it does not know ({@code application/problem+json}, PDF, HTML, TwiML, event streams):
 *   the router checks requests, never responses;</li>
 *   <li>request bodies it cannot read ({@code message/rfc822} mail, form posts from Twilio and from mail clients):
 *   their operations pass through the router unchecked (see {@link ApiRouter}), and their own routes read them;</li>
 *   <li>the server, a relative URL ({@code /}: the service that serves the document), which it reads only as an
 *   absolute URL for a base path; every path is served from the root.</li>
 * </ul>
 * Every schema, parameter and JSON request body is checked as published.
 */
public final class ApiContract {
    static final String RESOURCE = "/openapi.yaml";

    private final OpenAPIContract contract;
    private final Set<String> unreadBodies;

    private ApiContract(OpenAPIContract contract, Set<String> unreadBodies) {
        this.contract = contract;
        this.unreadBodies = Set.copyOf(unreadBodies);
    }

    /** Reads and resolves the published description; fails when it is not a valid OpenAPI 3.1 document. */
    public static Future<ApiContract> load(Vertx vertx) {
        JsonObject published;
        try {
            published = published();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        Set<String> unread = new HashSet<>();
        JsonObject readable = forTheRouter(published, unread);
        return OpenAPIContract.from(vertx, readable)
                .map(contract -> new ApiContract(new SharedValidators(contract), unread));
    }

    OpenAPIContract contract() {
        return contract;
    }

    /**
     * The paths of the operations that are called with a writing method (POST...) but change nothing, so a read key
     * may call them: those whose {@code x-parley-role} is {@code read}, each as a pattern of its path.
     */
    public static List<Pattern> readingWrites() {
        JsonObject paths = published().getJsonObject("paths", new JsonObject());
        List<Pattern> out = new ArrayList<>();
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!method.equals("get") && item.getValue(method) instanceof JsonObject operation
                        && "read".equals(operation.getString("x-parley-role"))) {
                    out.add(Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether the router was given the operation without its request body, which it cannot read. */
    boolean bodyUnread(String operationId) {
        return unreadBodies.contains(operationId);
    }

    static JsonObject published() {
        try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the classpath");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> yaml = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
            return new JsonObject(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the description without what vertx-openapi cannot read; unread collects the operations concerned. */
    static JsonObject forTheRouter(JsonObject published, Set<String> unread) {
        JsonObject doc = published.copy();
        doc.remove("servers");
        JsonObject paths = doc.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            operations(paths.getJsonObject(path), (id, operation) -> {
                JsonObject body = operation.getJsonObject("requestBody");
                if (body != null && !readable(body.getJsonObject("content", new JsonObject()))) {
                    operation.remove("requestBody");
                    unread.add(id);
                }
                JsonObject responses = operation.getJsonObject("responses", new JsonObject());
                responses.forEach(r -> keepReadable(r.getValue()));
            });
        }
        doc.getJsonObject("components", new JsonObject()).getJsonObject("responses", new JsonObject())
                .forEach(r -> keepReadable(r.getValue()));
        return doc;
    }

    private static void operations(JsonObject pathItem, BiConsumer<String, JsonObject> each) {
        for (String key : pathItem.fieldNames()) {
            if (pathItem.getValue(key) instanceof JsonObject operation && operation.containsKey("operationId")) {
                each.accept(operation.getString("operationId"), operation);
            }
        }
    }

    private static boolean readable(JsonObject content) {
        return !content.isEmpty() && content.fieldNames().stream().allMatch(MediaType::isMediaTypeSupported);
    }

    private static void keepReadable(Object response) {
        if (response instanceof JsonObject r && r.getValue("content") instanceof JsonObject content) {
            content.fieldNames().removeIf(type -> !MediaType.isMediaTypeSupported(type));
            if (content.isEmpty()) {
                r.remove("content");
            }
        }
    }
}
