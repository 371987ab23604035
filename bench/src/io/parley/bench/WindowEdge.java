package io.parley.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A night's worth of deferred texts released when contact hours open: Parley runs on a clock moved forward
 * (clock.offset) so that 08:00 in Chicago comes a little after the debtors are enrolled at 07:5x; every step is
 * deferred by quiet hours, then released over dispatch.releaseSpread. Measured: time to drain after the window
 * opens, the peak provider rate against the configured pacing, and violations (any text before 08:00 local).
 */
final class WindowEdge {
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Duration SPREAD = Duration.ofSeconds(30);
    private final Stack stack;
    private final Report report;
    private final int count;

    WindowEdge(Stack stack, Report report, double scale) {
        this.stack = stack;
        this.report = report;
        this.count = (int) Math.max(1000, 100_000 * scale);
    }

    void run(double bulkRate, double drainRate) {
        stack.stopParley();
        // the enrolments and their deferrals must be done before the window opens
        long lead = (long) (count / Math.max(100, bulkRate) * 1.3 + count / Math.max(100, drainRate) + 30);
        Instant realStart = Instant.now().plusSeconds(10);
        ZonedDateTime open = ZonedDateTime.of(LocalDate.now(ZONE).plusDays(1), LocalTime.of(8, 0), ZONE);
        Duration offset = Duration.between(realStart.plusSeconds(lead), open.toInstant());
        int port = stack.startParley(Map.of("clock.offset", offset.toString(),
                "dispatch.releaseSpread", SPREAD.toString()));
        Instant openReal = open.toInstant().minus(offset);
        People.Place chicago = People.PLACES.stream().filter(p -> p.zone().equals(ZONE.getId())).findFirst()
                .orElseThrow();
        List<JsonObject> items = new ArrayList<>(count);
        for (long n = 400_000; n < 400_000 + count; n++) {
            items.add(People.enrollment("w", n, "bench-sms", chicago, null));
        }
        long since = Clock.micros();
        Load.Tally tally = new Load.Tally();
        try (Load load = new Load(stack.vertx, port)) {
            Scenarios.runBulk(load, items, 4, tally);
        }
        Instant enrolled = Instant.now();
        long deadline = System.nanoTime() + Duration.between(Instant.now(), openReal).toNanos()
                + SPREAD.toNanos() + Duration.ofMinutes(5).toNanos();
        long[] before = {0, 0};
        while (System.nanoTime() < deadline) {
            JsonArray sms = stack.receivedSince(since).getJsonArray("sms");
            if (sms.size() >= tally.ok.get()) {
                break;
            }
            Launched.sleep(1000);
        }
        JsonObject got = stack.receivedSince(since);
        long openMicros = Clock.micros(openReal);
        long early = 0;
        long last = 0;
        for (Object o : got.getJsonArray("sms")) {
            long at = ((JsonArray) o).getLong(1);
            early += at < openMicros ? 1 : 0;
            last = Math.max(last, at);
        }
        long allowedEarly = stack.pg.number("parley", "SELECT count(*) FROM attempt WHERE case_id LIKE 'w-%' "
                + "AND created_at < '" + open.toInstant() + "'");
        long deferred = stack.pg.number("parley", "SELECT count(*) FROM decision WHERE case_id LIKE 'w-%' "
                + "AND outcome = 'defer'");
        double pacing = count / (double) SPREAD.toSeconds();
        long peak = Scenarios.peak(got.put("email", new JsonArray()));
        report.write("window-edge", new JsonObject().put("enrolled", tally.ok.get())
                        .put("enrolledSecondsBeforeOpen", Report.r(Duration.between(enrolled, openReal).toMillis() / 1000.0))
                        .put("deferredByQuietHours", deferred).put("sent", got.getJsonArray("sms").size())
                        .put("secondsFromOpenToLastSend", Report.r((last - openMicros) / 1e6))
                        .put("releaseSpreadSeconds", SPREAD.toSeconds()).put("configuredPacingPerSecond", Report.r(pacing))
                        .put("peakSendsInOneSecond", peak).put("violationsAtProvider", early)
                        .put("violationsInLedger", allowedEarly).put("clockOffset", offset.toString()),
                new JsonObject().put("peakToPacing", Report.r(peak / pacing)));
        stack.stopParley();
    }
}
