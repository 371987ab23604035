package io.parley.channel.push;

import io.parley.testing.ScratchDirs;
import io.parley.Parley;
import io.parley.channel.ChannelModules;
import io.parley.domain.Channel;
import io.parley.policy.ContactKind;
import io.parley.policy.PastContact;
import io.parley.store.Ledger;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.count;
import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A channel module that lives only in the test tree plugs in without any edit to dispatch, store or the domain: a
 * sequence step on it is claimed, decided by the policy, sent, its provider status mapped and settled, and the
 * attempt counted in the contact ledger.
 */
class PushChannelTest {
    private static final String SEQUENCE = """
            name: push-then-text
            version: 1
            stopOn: [payment_received]
            steps:
              - id: push
                channel: push
                template: push-reminder
                at: { anchor: enrollment, after: PT0S }
                on: { seen: end }
              - id: text
                channel: sms
                template: demo-sms-1
                at: { anchor: previous, after: PT0S }
            """;
    private static final String TEMPLATE = """
            name: push-reminder
            channel: push
            locales:
              en:
                title: Payment reminder
                body: "Hello {{debtor.name}}, a payment of {{account.amount}} is due."
            """;

    private static ServiceHarness harness;
    private static Parley parley;
    private static final PushModule PUSH = new PushModule();

    @BeforeAll
    static void start() throws Exception {
        harness = new ServiceHarness();
        Path templates = ScratchDirs.create("parley-push-templates");
        Files.writeString(templates.resolve("push-reminder.yaml"), TEMPLATE);
        Files.copy(Path.of("conf/templates/demo-sms-1.yaml"), templates.resolve("demo-sms-1.yaml"));
        parley = harness.start(Map.of("paths.sequences", TestSequences.directory(SEQUENCE).toString(),
                "paths.templates", templates.toString()), Clock.systemUTC(), List.of(PUSH));
    }

    @AfterAll
    static void stop() {
        harness.close();
        Channel.withdraw(PushModule.PUSH); // the vocabulary of the tests that run after this one stays the shipped one
    }

    @Test
    void aStepOnATestOnlyChannelRunsEndToEnd() {
        JsonObject body = EnrollmentBodies.request("case-push-1", "push-then-text", "+16465550177", null,
                TestZones.afternoon());
        body.getJsonObject("debtor").getJsonArray("contactPoints").add(new JsonObject().put("channel", "push")
                .put("address", "device-42").put("consent", true));
        var created = harness.post(parley, "/v1/enrollments", body);
        assertEquals(201, created.statusCode(), created.bodyAsString());

        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-push-1",
                t -> has(t, "enrollment.completed", d -> true), Duration.ofSeconds(30));

        // decided by the policy, committed, handed to the module's sender
        assertEquals(1, count(timeline, "decision", d -> "allow".equals(d.getString("outcome"))
                && "push".equals(d.getString("channel"))));
        JsonObject sending = timeline.stream().filter(e -> e.getString("kind").equals("attempt.sending"))
                .findFirst().orElseThrow().getJsonObject("data");
        assertEquals("push", sending.getString("channel"));
        assertEquals("device-42", sending.getString("to"));
        assertEquals("Payment reminder", sending.getJsonObject("content").getString("title"));
        assertEquals(1, PUSH.sent.size());
        assertTrue(PUSH.sent.get(0).message().record().get("body").toString().contains("Alex Morgan"));
        // the provider's "seen" mapped to delivered, which the module settles as its own outcome "seen": the
        // sequence branches to its end, so the text step never runs
        assertEquals(1, count(timeline, "attempt.status", d -> "delivered".equals(d.getString("status"))
                && "push".equals(d.getString("channel"))));
        assertEquals(0, count(timeline, "attempt.sending", d -> "sms".equals(d.getString("channel"))));

        // counted in the contact ledger, as the module says
        Pool pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost(harness.database.host())
                .setPort(harness.database.port()).setDatabase(harness.database.database())
                .setUser(harness.database.user()).setPassword(java.util.Objects.requireNonNullElse(
                        harness.database.password(), ""))).using(harness.vertx)
                .build();
        try {
            var records = get(Ledger.read(pool, List.of("debtor-case-push-1"), Instant.now(),
                    ChannelModules.registered(List.of(PUSH))));
            List<PastContact> contacts = records.get("debtor-case-push-1").history().contacts();
            assertEquals(1, contacts.size(), contacts.toString());
            assertEquals(PushModule.PUSH, contacts.get(0).channel());
            assertEquals(java.util.Set.of(ContactKind.WECHAT), contacts.get(0).kinds());
        } finally {
            pool.close();
        }
    }

    @Test
    void theChannelIsNamedInFilesOnlyOnceItsModuleDeclaredIt() {
        assertEquals(PushModule.PUSH, Channel.parse("push"));
        assertTrue(new JsonArray(Channel.declared().stream().map(Channel::wire).toList()).contains("push"));
    }
}
