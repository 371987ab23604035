package io.parley.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A kill -9 during a drain: how many attempts it leaves committed without an answer (at most the dispatchers'
 * in-flight bound, not a whole claimed batch), and what becomes of them once Parley is started again: an SMS is
 * looked up at the provider (found: its real status; absent: nothing was sent and the step runs again), an email
 * cannot be asked and becomes UNKNOWN. Nothing may reach a debtor twice.
 */
final class Crash {
    private static final String CASES = "k-%";
    private final Stack stack;
    private final Report report;
    private final int count;

    Crash(Stack stack, Report report, double scale) {
        this.stack = stack;
        this.report = report;
        this.count = (int) Math.max(2_000, 10_000 * scale);
    }

    void run() {
        int port = stack.startParley(Map.of("dispatch.enabled", "false"));
        try (Load load = new Load(stack.vertx, port)) {
            Scenarios.runBulk(load, People.mixed("k", 700_000, count, People.daytime(Instant.now())), 4,
                    new Load.Tally());
        }
        long since = Clock.micros();
        long[] before = stack.received();
        // a short sending timeout, so that an email left without an answer is settled within the scenario
        Map<String, String> settings = Map.of("dispatch.sendingTimeout", "PT5S");
        stack.startParley(settings);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (sum(stack.received()) - sum(before) < count / 3 && System.nanoTime() < deadline) {
            Launched.sleep(20);
        }
        ProcessHandle.of(stack.parleyPid()).ifPresent(ProcessHandle::destroyForcibly);
        Launched.sleep(500);
        long killedAt = Clock.micros();
        long received = sum(stack.received()) - sum(before);
        Map<String, Long> sendingAtKill = byChannel("status = 'sending'");
        long attemptsAtKill = stack.pg.number("parley", "SELECT count(*) FROM attempt WHERE case_id LIKE '" + CASES + "'");
        stack.stopParley();
        stack.startParley(settings);
        long settleDeadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < settleDeadline && stack.pg.number("parley", "SELECT count(*) FROM attempt "
                + "WHERE case_id LIKE '" + CASES + "' AND status = 'sending' AND created_at < to_timestamp("
                + killedAt / 1e6 + ")") > 0) {
            Launched.sleep(1000);
        }
        double settleSeconds = (Clock.micros() - killedAt) / 1e6;
        JsonObject got = stack.receivedSince(since);
        long twice = twice(got);
        report.write("crash", new JsonObject().put("steps", count).put("receivedBeforeKill", received)
                        .put("attemptsAtKill", attemptsAtKill).put("sendingAtKill", new JsonObject(
                                new HashMap<>(sendingAtKill)))
                        .put("afterRestart", new JsonObject().put("unknown", new JsonObject(new HashMap<>(
                                        byChannel("status = 'unknown'"))))
                                .put("notAtProviderSoRunAgain", new JsonObject(new HashMap<>(
                                        byChannel("error_code = 'not_at_provider'"))))
                                .put("stillSending", new JsonObject(new HashMap<>(byChannel("status = 'sending' AND "
                                        + "created_at < to_timestamp(" + killedAt / 1e6 + ")")))))
                        .put("secondsFromKillToNoneSending", Report.r(settleSeconds))
                        .put("addressesReachedTwice", twice),
                new JsonObject());
        stack.stopParley();
    }

    private Map<String, Long> byChannel(String where) {
        Map<String, Long> out = new HashMap<>();
        for (String channel : List.of("sms", "email")) {
            out.put(channel, stack.pg.number("parley", "SELECT count(*) FROM attempt WHERE case_id LIKE '" + CASES
                    + "' AND channel = '" + channel + "' AND " + where));
        }
        return out;
    }

    /** Addresses that received more than one message in the scenario (each debtor has one step: must be 0). */
    private static long twice(JsonObject got) {
        Map<String, Integer> seen = new HashMap<>();
        for (String channel : List.of("sms", "email")) {
            for (Object o : got.getJsonArray(channel)) {
                seen.merge(((JsonArray) o).getString(0), 1, Integer::sum);
            }
        }
        return seen.values().stream().filter(n -> n > 1).count();
    }

    private static long sum(long[] counts) {
        return counts[0] + counts[1];
    }
}
