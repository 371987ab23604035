package io.parley.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.parley.FreePorts;
import io.parley.Parley;
import io.parley.config.Api;
import io.parley.config.ApiKey;
import io.parley.config.ConfigLoader;
import io.parley.config.ParleyConfig;
import io.parley.config.Role;
import io.parley.config.Secret;
import io.parley.simulator.twilio.TwilioSimulator;
import io.parley.store.DatabaseTarget;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Real things for end-to-end tests: a fresh PostgreSQL database, the Twilio simulator, a GreenMail SMTP server,
 * and Parley instances started against them, driven over real HTTP.
 */
public final class ServiceHarness implements AutoCloseable {
    public static final String ADMIN_KEY = "test-admin-key-0123456789";
    public static final String READ_KEY = "test-read-key-0123456789";

    public final Vertx vertx = Vertx.vertx();
    public final WebClient http = WebClient.create(vertx);
    public final DatabaseTarget database = TestPostgres.newDatabase();
    public final TwilioSimulator twilio;
    public final GreenMail mail;
    private final List<Parley> instances = new ArrayList<>();
    private final Path dataDir;
    private final Path anyTime;

    public ServiceHarness() {
        twilio = get(TwilioSimulator.start(vertx, TwilioSimulator.Settings.defaults()
                .withDeliveryDelay(Duration.ofMillis(50))));
        mail = new GreenMail(new ServerSetup(FreePorts.pick(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        try {
            dataDir = ScratchDirs.create("parley-test-data");
            anyTime = ScratchDirs.create("parley-test-policies");
            // restricts only letters, so every other channel may be contacted at any hour: tests that are not
            // about contact hours pass whatever the time of day where the test debtors live
            Files.writeString(anyTime.resolve("any-time.yaml"), """
                    id: any-time
                    description: Tests that are not about contact hours.
                    appliesTo: {}
                    channels:
                      letter: { hours: "09:00-17:00" }
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The settings every test instance shares, plus the test's own, by dotted key. */
    public Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        settings.put("data.dir", dataDir.toString());
        settings.put("database.url", TestPostgres.url(database));
        settings.put("database.poolSize", "4");
        settings.put("sms.twilio.accountSid", twilio.settings().accountSid());
        settings.put("sms.twilio.authToken", twilio.settings().authToken());
        settings.put("sms.twilio.baseUrl", twilio.baseUrl());
        settings.put("voice.twilio.accountSid", twilio.settings().accountSid());
        settings.put("voice.twilio.authToken", twilio.settings().authToken());
        settings.put("voice.twilio.baseUrl", twilio.baseUrl());
        settings.put("voice.callsPerSecond", "50");
        settings.put("voice.maxConcurrentCalls", "50");
        settings.put("email.smtp.host", "127.0.0.1");
        settings.put("email.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        settings.put("email.smtp.startTls", "false");
        settings.put("dispatch.pollInterval", "PT0.1S");
        settings.put("dispatch.releaseSpread", "PT0S");
        settings.put("paths.policies", anyTime.toString());
        settings.putAll(extra);
        return settings;
    }

    public ParleyConfig config(Map<String, String> extra) {
        ParleyConfig c = ConfigLoader.fromMap(settings(extra));
        Api api = new Api(Secret.of(ADMIN_KEY), List.of(new ApiKey("reader", Secret.of(READ_KEY), Role.READ)));
        return new ParleyConfig(c.http(), c.publicBaseUrl(), c.dataDir(), c.database(), api, c.paths(), c.dispatch(),
                c.policy(), c.company(), c.simulators(), c.engine(), c.sections());
    }

    public Parley start(Map<String, String> extra) {
        return start(extra, java.time.Clock.systemUTC());
    }

    public Parley start(Map<String, String> extra, java.time.Clock clock) {
        return start(extra, clock, List.of());
    }

    /** An instance running these channel modules besides the registered ones. */
    public Parley start(Map<String, String> extra, java.time.Clock clock,
                        List<? extends io.parley.channel.ChannelModule<?>> modules) {
        Parley parley = get(Parley.start(config(extra), clock, modules));
        instances.add(parley);
        return parley;
    }

    public void stop(Parley parley) {
        instances.remove(parley);
        get(parley.close());
    }

    public HttpResponse<Buffer> call(Parley parley, HttpMethod method, String path, String key, Object body) {
        var request = http.request(method, parley.port(), "127.0.0.1", path);
        if (key != null) {
            request.putHeader("Authorization", "Bearer " + key);
        }
        if (body == null) {
            return get(request.send());
        }
        return get(body instanceof Buffer b
                ? request.putHeader("Content-Type", "application/json").sendBuffer(b)
                : request.sendJsonObject((JsonObject) body));
    }

    public HttpResponse<Buffer> post(Parley parley, String path, JsonObject body) {
        return call(parley, HttpMethod.POST, path, ADMIN_KEY, body);
    }

    /** Every timeline entry of the case, following the pages. */
    public List<JsonObject> timeline(Parley parley, String caseId) {
        List<JsonObject> all = new ArrayList<>();
        String after = "0";
        while (after != null) {
            // read as the service's own tests must see it: whole, with the addresses a read key gets masked
            JsonObject page = call(parley, HttpMethod.GET, "/v1/cases/" + caseId + "/timeline?limit=200&after=" + after,
                    ADMIN_KEY, null).bodyAsJsonObject();
            JsonArray entries = page.getJsonArray("entries");
            entries.forEach(e -> all.add((JsonObject) e));
            after = page.getString("next");
        }
        return all;
    }

    /** Waits until the case's timeline satisfies the condition; fails with the timeline when it does not in time. */
    public List<JsonObject> awaitTimeline(Parley parley, String caseId, Predicate<List<JsonObject>> condition,
                                          Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonObject> timeline = timeline(parley, caseId);
        while (!condition.test(timeline)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timeline of " + caseId + " did not reach the expected state in " + timeout
                        + ":\n" + String.join("\n", timeline.stream().map(JsonObject::encode).toList()));
            }
            sleep(100);
            timeline = timeline(parley, caseId);
        }
        return timeline;
    }

    public static boolean has(List<JsonObject> timeline, String kind, Predicate<JsonObject> data) {
        return timeline.stream().anyMatch(e -> kind.equals(e.getString("kind")) && data.test(e.getJsonObject("data")));
    }

    public static long count(List<JsonObject> timeline, String kind, Predicate<JsonObject> data) {
        return timeline.stream().filter(e -> kind.equals(e.getString("kind")) && data.test(e.getJsonObject("data")))
                .count();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static <T> T get(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("operation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (Parley p : List.copyOf(instances)) {
            stop(p);
        }
        mail.stop();
        get(twilio.close());
        get(vertx.close());
    }
}
