package io.parley.channel.letter;

import io.parley.channel.AttemptChange;
import io.parley.channel.ChannelServices;
import io.parley.channel.letter.store.LetterBatches;
import io.parley.channel.letter.store.NewLetter;
import io.parley.domain.Channel;
import io.parley.inbound.InboundReply;
import io.parley.inbound.ReplyRouter;
import io.parley.simulator.printhouse.PrintHouseSimulator;
import io.parley.store.StatusChange;
import io.parley.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closed batches handed over to a drop directory and to the print-house simulator, whose signed callbacks return. */
class PrintHandOverTest {
    private static final String SECRET = "print-house-secret-0123456789";
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        pool = TestPostgres.pool(vertx, TestPostgres.migratedDatabase());
    }

    @AfterAll
    static void stop() {
        get(pool.close());
        get(vertx.close());
    }

    private static NewLetter letter(String postalLine) {
        return new NewLetter(UUID.randomUUID(), "case-" + UUID.randomUUID(), null, "debtor-x", 1, "A4",
                LetterFixtures.LETTER_ID.toString().replace("-", "") + "00000000000000000000000000000000", null,
                List.of("Alex Morgan", "1 Main St", postalLine), "1 Main St");
    }

    private static NewLetter withPdf(NewLetter l, byte[] pdf) {
        return new NewLetter(l.attemptId(), l.caseId(), l.enrollmentId(), l.debtorId(), l.pages(), l.paper(),
                io.parley.channel.letter.pdf.LetterPdfSha.of(pdf), pdf, l.addressLines(), l.contactAddress());
    }

    private static String batchOf(Instant cutoff, NewLetter... letters) {
        String id = cutoff.toString().substring(0, 10);
        for (NewLetter l : letters) {
            get(LetterBatches.add(pool, l, List.of(new LetterBatches.Candidate(id, cutoff)), cutoff.minusSeconds(5)));
        }
        return id;
    }

    @Test
    void aBatchGoesToTheDropDirectoryPdfsFirstManifestLastAndAgainAfterACrash(@TempDir Path drop) throws Exception {
        Instant cutoff = Instant.parse("2032-01-05T16:00:00Z");
        NewLetter a = withPdf(letter("New York, NY 10001"), new byte[]{1, 2});
        NewLetter b = withPdf(letter("Boston, MA 02101"), new byte[]{3, 4, 5});
        String batch = batchOf(cutoff, a, b);
        PrintBatches batches = new PrintBatches(pool, new DropDirectory(drop, vertx.createSharedWorkerExecutor("t", 1)),
                new Recorded(), Clock.fixed(cutoff, ZoneOffset.UTC), "me", Duration.ofMinutes(1));
        assertEquals(1, get(batches.turn()));
        Path dir = drop.resolve(batch);
        assertEquals(2, Files.readAllBytes(dir.resolve(a.attemptId() + ".pdf")).length);
        String manifest = Files.readString(dir.resolve(DropDirectory.MANIFEST));
        assertTrue(manifest.startsWith("letter_id,case_id,pages,paper,sha256,file,address_line_1"), manifest);
        assertTrue(manifest.contains(b.attemptId() + "," + b.caseId() + ",1,A4," + b.sha256() + ","
                + b.attemptId() + ".pdf,Alex Morgan,1 Main St,\"Boston, MA 02101\""), manifest);
        get(batches.handOver(batch));
        assertEquals(manifest, Files.readString(dir.resolve(DropDirectory.MANIFEST)), "written again, the same");
    }

    @Test
    void thePrintHouseSimulatorMailsDeliversAndReturnsWithSignedCallbacks() {
        PrintHouseSignature signature = new PrintHouseSignature(SECRET);
        List<JsonObject> events = new CopyOnWriteArrayList<>();
        HttpServer receiver = get(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            boolean ok = signature.verify(req.getHeader(PrintHouseSignature.HEADER), body.getBytes(), Instant.now());
            if (ok) {
                events.add(body.toJsonObject());
            }
            req.response().setStatusCode(ok ? 204 : 403).end();
        })).listen(0, "127.0.0.1"));
        PrintHouseSimulator simulator = get(PrintHouseSimulator.start(vertx, new PrintHouseSimulator.Settings(
                "127.0.0.1", 0, SECRET, "http://127.0.0.1:" + receiver.actualPort() + "/cb", Duration.ofMillis(20),
                Clock.systemUTC())));
        try {
            Instant cutoff = Instant.parse("2032-02-05T16:00:00Z");
            NewLetter delivered = withPdf(letter("New York, NY 10001"), new byte[]{9});
            NewLetter returned = withPdf(letter("Nowhere, NY 00000"), new byte[]{8});
            String batch = batchOf(cutoff, delivered, returned);
            PrintBatches batches = new PrintBatches(pool, new PrintHouseClient(WebClient.create(vertx),
                    simulator.baseUrl(), signature, Clock.systemUTC()), new Recorded(),
                    Clock.fixed(cutoff, ZoneOffset.UTC), "me", Duration.ofMinutes(1));
            assertEquals(1, get(batches.turn()));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (events.size() < 6 && System.nanoTime() < deadline) {
                sleep(50);
            }
            assertEquals(List.of("printed", "mailed", "delivered"), types(events, delivered.attemptId()));
            assertEquals(List.of("printed", "mailed", "returned"), types(events, returned.attemptId()));
            JsonObject mailed = events.stream().filter(e -> e.getString("type").equals("mailed")).findFirst()
                    .orElseThrow();
            assertTrue(mailed.getString("trackingRef").startsWith("SIMPOST"), mailed.encode());
            assertEquals(batch, mailed.getString("batch"));
            assertTrue(events.stream().filter(e -> e.getString("type").equals("returned"))
                    .allMatch(e -> e.getString("reason").contains("unknown")));
            assertEquals(200, get(WebClient.create(vertx).getAbs(simulator.baseUrl() + "/v1/batches/" + batch)
                    .send()).statusCode());
        } finally {
            get(simulator.close());
            get(receiver.close());
        }
    }

    private static List<String> types(List<JsonObject> events, UUID letter) {
        return events.stream().filter(e -> e.getString("letterId").equals(letter.toString()))
                .map(e -> e.getString("type")).toList();
    }

    /** Keeps the attempt changes the batch loop reports. */
    static final class Recorded implements ChannelServices {
        final List<AttemptChange> changes = new CopyOnWriteArrayList<>();

        @Override
        public Future<List<StatusChange>> record(List<AttemptChange> list) {
            changes.addAll(list);
            return Future.succeededFuture(List.of());
        }

        @Override
        public Future<Void> note(UUID attemptId, String kind, JsonObject data) {
            return Future.succeededFuture();
        }

        @Override
        public Future<ReplyRouter.Routed> reply(InboundReply reply) {
            return Future.failedFuture("not used");
        }

        @Override
        public Future<Void> promise(Channel channel, java.util.UUID attemptId, java.math.BigDecimal amount,
                                    java.time.LocalDate date, String providerRef) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Integer> contactPoint(Channel channel, String address, ContactPointStanding standing,
                                            String reason) {
            return Future.succeededFuture(0);
        }
    }
}
