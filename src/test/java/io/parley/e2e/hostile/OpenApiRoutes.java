package io.parley.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every operation of the published description: method, path template, and a body its examples give. */
record OpenApiRoutes(List<Route> routes) {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** One operation; {@code example} is the first request-body example, or null. */
    record Route(HttpMethod method, String template, String operationId, JsonNode example, String mediaType) {
        /** The path with every {parameter} replaced by the value the function gives for its name. */
        String path(java.util.function.Function<String, String> value) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < template.length()) {
                int open = template.indexOf('{', i);
                if (open < 0) {
                    out.append(template, i, template.length());
                    break;
                }
                int close = template.indexOf('}', open);
                out.append(template, i, open).append(value.apply(template.substring(open + 1, close)));
                i = close + 1;
            }
            return out.toString();
        }

        JsonObject exampleJson() {
            return example == null || !example.isObject() ? new JsonObject() : new JsonObject(example.toString());
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static OpenApiRoutes load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream("/openapi.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Route> routes = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    String mediaType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                    JsonNode example = mediaType == null ? null : example(content.path(mediaType));
                    routes.add(new Route(HttpMethod.valueOf(op.getKey().toUpperCase()), path.getKey(),
                            op.getValue().path("operationId").asText(), example, mediaType));
                }
            }
            return new OpenApiRoutes(List.copyOf(routes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode example(JsonNode media) {
        if (media.has("example")) {
            return media.get("example");
        }
        Iterator<JsonNode> examples = media.path("examples").elements();
        return examples.hasNext() ? examples.next().path("value") : null;
    }
}
