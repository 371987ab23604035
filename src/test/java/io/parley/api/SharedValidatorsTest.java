package io.parley.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.parley.testing.EnrollmentBodies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One validator per schema, shared by every request, checks each request as a fresh one would. */
class SharedValidatorsTest {
    private static Vertx vertx;
    private static ApiContract contract;

    @BeforeAll
    static void load() {
        vertx = Vertx.vertx();
        contract = get(ApiContract.load(vertx));
    }

    @AfterAll
    static void close() {
        get(vertx.close());
    }

    @Test
    void aSchemasValidatorIsMadeOnceAndStillRefusesWhatItShould() {
        SchemaRepository repository = contract.contract().getSchemaRepository();
        JsonSchema body = contract.contract().operation("createEnrollment").getRequestBody().getContent()
                .get("application/json").getSchema();
        Validator first = repository.validator(body);
        assertSame(first, repository.validator(body), "the same validator for the same schema");
        JsonSchema other = contract.contract().operations().stream()
                .filter(o -> !o.getOperationId().equals("createEnrollment") && o.getRequestBody() != null
                        && o.getRequestBody().getContent().containsKey("application/json"))
                .findFirst().orElseThrow().getRequestBody().getContent().get("application/json").getSchema();
        assertNotSame(first, repository.validator(other), "each schema its own");
        JsonObject valid = EnrollmentBodies.request("case-v1", "demo", "+16465550100", null, ZoneId.of("UTC"));
        for (int i = 0; i < 3; i++) {
            assertTrue(first.validate(valid).getValid(), "a valid body, again and again");
            assertFalse(first.validate(valid.copy().put("caseId", 42)).getValid(), "a wrong type, again and again");
            assertTrue(first.validate(valid).getValid(), "an earlier refusal leaves nothing behind");
        }
    }
}
