package io.parley.api;

import io.parley.http.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.parley.store.Outbox;
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
            "/v1/cases/{caseId}/timeline, get, 200 400 401 403 422",
            "/v1/debtors/{debtorId}, get, 200 401 403 404",
            "/v1/debtors/{debtorId}/preferences, put, 200 400 401 403 404 413 415 422",
            "/v1/debtors/{debtorId}/opt-outs, post, 200 400 401 403 404 413 415 422",
            "/v1/debtors/{debtorId}/opt-ins, post, 200 400 401 403 404 413 415 422",
            "/v1/sequences, get, 200 401 403",
            "/v1/sequences/{name}/preview, post, 200 400 401 403 404 413 415 422",
            "/v1/replies/classify, post, 200 400 401 403 413 415 422",
            "/v1/inbound/email, post, 202 400 401 403 413 415 503",
            "/v1/inbound/quarantine, get, 200 400 401 422",
            "/v1/cases/{caseId}/holds, get, 200 401",
            "/v1/cases/{caseId}/holds/{kind}/lift, post, 200 400 401 403 404 409 422",
            "/v1/suppressions, get, 200 400 401 422",
            "/v1/suppressions/lift, post, 200 400 401 403 404 422",
            "/v1/events, get, 200 400 401 403",
            "/v1/events/stream, get, 200 400 401 403",
            "/webhooks/twilio/sms/status, post, 204 403",
            "/webhooks/twilio/sms/inbound, post, 200 400 403 503",
            "/webhooks/wechat, get, 200 403",
            "/webhooks/wechat, post, 200 400 403 413",
            "/webhooks/twilio/voice/{attemptId}/answer, post, 200 403",
            "/webhooks/twilio/voice/{attemptId}/keys, post, 200 403",
            "/webhooks/twilio/voice/{attemptId}/dialed, post, 200 403",
            "/webhooks/twilio/voice/{attemptId}/status, post, 204 403",
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

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource({
            "/v1/inbound/email, post, message/rfc822, requestBody",
            "/webhooks/twilio/sms/inbound, post, application/x-www-form-urlencoded, requestBody",
            "/webhooks/twilio/sms/inbound, post, text/xml, 200",
            "/webhooks/twilio/voice/{attemptId}/keys, post, application/x-www-form-urlencoded, requestBody",
            "/v1/events/stream, get, text/event-stream, 200",
            "/v1/inbound/email, post, application/json, 202"})
    void usesTheMediaTypeTheCodeSpeaks(String path, String method, String mediaType, String where) {
        JsonNode operation = api.path("paths").path(path).path(method);
        JsonNode content = where.equals("requestBody") ? operation.path("requestBody").path("content")
                : operation.path("responses").path(where).path("content");
        assertTrue(content.has(mediaType), method + " " + path + " " + where + " is " + mediaType);
    }

    @Test
    void newRequestMembersAndResponseShapesAreDescribed() {
        assertTrue(api.at("/components/schemas/EnrollmentRequest/properties").has("policyPacks"));
        assertEquals("#/components/schemas/ContactPreferences",
                api.at("/components/schemas/Debtor/properties/preferences/$ref").asText());
        for (String member : List.of("stopped", "paused", "hold")) {
            assertTrue(names(api.at("/components/schemas/CaseEventAccepted/required")).contains(member), member);
        }
        for (String member : List.of("sequence", "version", "startAt", "timeZone", "calendar")) {
            assertTrue(api.at("/components/schemas/Preview/properties").has(member), "Preview." + member);
        }
        assertTrue(api.at("/components/schemas/CalendarEntry/properties").has("decisions"));
        assertFalse(names(api.at("/components/schemas/PreviewRequest/required")).contains("caseId"),
                "a preview needs no caseId");
        assertEquals("takenAs", api.at("/components/schemas/InboundEmailAccepted/required/0").asText());
        String conflict = api.at("/paths/~1v1~1enrollments/post/responses/409/description").asText()
                .replaceAll("\\s+", " ");
        assertTrue(conflict.contains("on hold") && conflict.contains("no contact at all"), conflict);
        assertTrue(api.at("/paths/~1webhooks~1twilio~1sms~1inbound/post/security").isEmpty(),
                "Twilio authenticates by signature, not by API key");
    }

    @Test
    void timelineKindsIncludeEveryKindTheServiceWrites() {
        List<String> kinds = names(api.at("/components/schemas/TimelineKind/enum"));
        for (String kind : List.of("step.scheduled", "step.skipped", "step.error", "reply.received", "reply.auto",
                "promise.recorded", "promise.kept", "promise.broken", "contact.opted_out", "contact.opted_in",
                "contact.invalid", "agent.flagged", "email.soft_bounce", "debtor.preferences", "call.status",
                "call.turn", "call.promise", "call.opted_out", "call.hung_up", "hold.lifted", "suppression.lifted")) {
            assertTrue(kinds.contains(kind), "timeline kind " + kind);
        }
    }

    @Test
    void theCaseEventWebhookIsSignedAndListsEveryEventType() {
        JsonNode post = api.at("/webhooks/caseEvent/post");
        assertTrue(post.isObject(), "webhooks.caseEvent.post is described");
        Set<String> headers = new HashSet<>();
        for (JsonNode p : post.path("parameters")) {
            if ("header".equals(p.path("in").asText()) && p.path("required").asBoolean()) {
                headers.add(p.path("name").asText());
            }
        }
        assertEquals(Set.of("webhook-id", "webhook-timestamp", "webhook-signature"), headers);
        assertEquals("#/components/schemas/EngineEvent",
                post.at("/requestBody/content/application~1json/schema/$ref").asText());
        JsonNode event = api.at("/components/schemas/EngineEvent");
        assertEquals(Set.of("type", "timestamp", "data"), Set.copyOf(names(event.path("required"))));
        assertEquals(Set.of("id", "caseId", "seq", "enrollmentId", "details"),
                Set.copyOf(names(event.at("/properties/data/required"))));
        Set<String> types = new HashSet<>(Outbox.KINDS);
        types.add("attempt.suppressed");
        assertEquals(types, Set.copyOf(names(api.at("/components/schemas/EngineEventType/enum"))));
        assertEquals("#/components/schemas/EngineEvent",
                api.at("/components/schemas/EventPage/properties/events/items/$ref").asText());
    }

    @Test
    void everyOperationHasAUniqueIdAndEveryPathParameterIsDeclared() {
        Set<String> ids = new HashSet<>();
        Pattern template = Pattern.compile("\\{([^}]+)}");
        List<Map.Entry<String, JsonNode>> items = new ArrayList<>();
        fields(api.path("paths")).forEach(items::add);
        fields(api.path("webhooks")).forEach(items::add);
        assertFalse(api.path("webhooks").isEmpty(), "the document describes the webhook it sends");
        for (Map.Entry<String, JsonNode> path : items) {
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

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
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
