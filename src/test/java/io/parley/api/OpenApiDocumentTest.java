package io.parley.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI description served at /openapi.yaml is well formed and describes every operation of the service. */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static JsonNode api;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.yaml")) {
            assertNotNull(in, "openapi.yaml is on the class path");
            api = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void isOpenApi31WithBearerSecurity() {
        assertTrue(api.path("openapi").asText().startsWith("3.1."), api.path("openapi").asText());
        assertFalse(api.path("info").path("title").asText().isEmpty());
        assertFalse(api.path("info").path("version").asText().isEmpty());
        JsonNode bearer = api.at("/components/securitySchemes/bearer");
        assertEquals("http", bearer.path("type").asText());
        assertEquals("bearer", bearer.path("scheme").asText());
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({
            "/v1/enrollments, post, 201 400 401 403 409 413 415 422",
            "/v1/enrollments/{id}, get, 200 401 403 404",
            "/v1/enrollments/{id}/cancel, post, 200 404 409",
            "/v1/enrollments/{id}/pause, post, 200 404 409",
            "/v1/enrollments/{id}/resume, post, 200 404 409",
            "/v1/cases/{caseId}/events, post, 202 400 401 403 413 415 422",
            "/v1/cases/{caseId}/timeline, get, 200 400 401 403",
            "/webhooks/twilio/sms/status, post, 204 403",
            "/optout/{token}, get, 200 404",
            "/optout/{token}, post, 200 404",
            "/health/live, get, 200",
            "/health/ready, get, 200 503",
            "/metrics, get, 200"})
    void describesTheOperation(String path, String method, String statuses) {
        JsonNode operation = api.path("paths").path(path).path(method);
        assertTrue(operation.isObject(), method + " " + path + " is described");
        for (String status : statuses.split(" ")) {
            assertTrue(operation.path("responses").has(status), method + " " + path + " answers " + status);
        }
    }

    @Test
    void everyOperationHasAUniqueIdAndEveryPathParameterIsDeclared() {
        Set<String> ids = new HashSet<>();
        Pattern template = Pattern.compile("\\{([^}]+)}");
        for (Map.Entry<String, JsonNode> path : fields(api.path("paths"))) {
            Set<String> declared = new HashSet<>(pathParameters(path.getValue().path("parameters")));
            for (Map.Entry<String, JsonNode> op : fields(path.getValue())) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey() + " " + path.getKey();
                assertTrue(ids.add(op.getValue().path("operationId").asText()), "unique operationId for " + where);
                assertFalse(op.getValue().path("responses").isEmpty(), "responses for " + where);
                Set<String> all = new HashSet<>(declared);
                all.addAll(pathParameters(op.getValue().path("parameters")));
                Matcher m = template.matcher(path.getKey());
                while (m.find()) {
                    assertTrue(all.contains(m.group(1)), "{" + m.group(1) + "} is declared for " + where);
                }
            }
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(api, refs);
        assertTrue(refs.size() > 50, "the document uses its components (" + refs.size() + " references)");
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), "local reference: " + ref);
            assertFalse(api.at(ref.substring(1)).isMissingNode(), "resolves: " + ref);
        }
    }

    @Test
    void problemSchemaHasTheRfc9457MembersAndFieldErrors() {
        JsonNode problem = api.at("/components/schemas/Problem");
        for (String member : List.of("type", "title", "status", "detail", "errors")) {
            assertTrue(problem.path("properties").has(member), "Problem." + member);
        }
        assertEquals("#/components/schemas/FieldError", problem.at("/properties/errors/items/$ref").asText());
    }

    private List<String> pathParameters(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        for (JsonNode p : parameters) {
            JsonNode resolved = p.has("$ref") ? api.at(p.get("$ref").asText().substring(1)) : p;
            if ("path".equals(resolved.path("in").asText())) {
                names.add(resolved.path("name").asText());
            }
        }
        return names;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node::fields;
    }
}
