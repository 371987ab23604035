package io.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Enrol (bulk and single), drain and lag: the service's main path, from the API to the providers and back. */
final class Scenarios {
    private static final int BULK = 1000;
    private final Stack stack;
    private final Report report;
    private final JsonObject ceiling;
    private final int drainCount;
    private final List<String> smsPhones = new ArrayList<>();
    private double bulkRate;
    private int port;
    private double drainRate;

    Scenarios(Stack stack, Report report, JsonObject ceiling, double scale) {
        this.stack = stack;
        this.report = report;
        this.ceiling = ceiling;
        this.drainCount = (int) Math.max(BULK, 150_000 * scale);
    }

    double bulkRate() {
        return bulkRate;
    }

    double drainRate() {
        return drainRate;
    }

    List<String> smsPhones() {
        return smsPhones;
    }

    /**
     * Enrols with dispatch off (single requests from 16 clients, then the drain's debtors in bulk), then restarts
     * Parley with dispatch on and measures how fast the 150,000 due first steps reach the providers and settle.
     */
    void enrolAndDrain() {
        int port = stack.startParley(Map.of("dispatch.enabled", "false"));
        List<People.Place> places = People.daytime(Instant.now());
        try (Load load = new Load(stack.vertx, port)) {
            Load.Tally single = new Load.Tally();
            stack.pg.statements(stack.work.resolve("statements-start.tsv"));
            double[] cpu0 = stack.cpu();
            long t0 = System.nanoTime();
            List<Future<Void>> clients = new ArrayList<>();
            long singleMillis = 15_000;
            for (int c = 0; c < 16; c++) {
                clients.add(closedLoop(c, singleMillis, n -> load.single(People.enrollment("s", 600_000 + n,
                        "bench-later", places.get(n % places.size()), null), single)));
            }
            // the first third warms the JVM up (JIT): CPU per enrolment is also read over the last two thirds
            Launched.sleep(singleMillis / 3);
            double[] cpuWarm = stack.cpu();
            long okWarm = single.ok.get();
            Future.all(clients).toCompletionStage().toCompletableFuture().join();
            double singleRate = single.ok.get() / ((System.nanoTime() - t0) / 1e9);
            double[] cpu1 = stack.cpu();
            long warmItems = single.ok.get() - okWarm;
            double singleCatchUp = Costs.analyticsCatchUp(stack);
            double[] cpu1b = stack.cpu();
            stack.pg.statements(stack.work.resolve("statements-single.tsv"));

            Load.Tally bulk = new Load.Tally();
            List<JsonObject> all = People.mixed("b", 0, drainCount, places);
            for (int n = 0; n < drainCount; n += 2) {
                smsPhones.add(all.get(n).getJsonObject("debtor").getJsonArray("contactPoints").getJsonObject(0)
                        .getString("address"));
            }
            long t1 = System.nanoTime();
            runBulk(load, all, 4, bulk);
            bulkRate = bulk.ok.get() / ((System.nanoTime() - t1) / 1e9);
            double[] cpu2 = stack.cpu();
            double catchUp = Costs.analyticsCatchUp(stack);
            double[] cpu3 = stack.cpu();
            stack.pg.statements(stack.work.resolve("statements-bulk.tsv"));
            report.write("enrol", new JsonObject().put("singlePerSecond", Report.r(singleRate))
                    .put("singleClients", 16).put("singleP99Ms", Report.r(single.p(0.99)))
                    .put("singleParleyCpuMsPerEnrolment", Costs.perItem(cpu0, cpu1, 0, single.ok.get()))
                    .put("singlePostgresCpuMsPerEnrolment", Costs.perItem(cpu0, cpu1, 1, single.ok.get()))
                    .put("singleWarmParleyCpuMsPerEnrolment", Costs.perItem(cpuWarm, cpu1, 0, warmItems))
                    .put("singleWarmPostgresCpuMsPerEnrolment", Costs.perItem(cpuWarm, cpu1, 1, warmItems))
                    .put("singleAnalyticsCatchUpSeconds", Report.r(singleCatchUp))
                    .put("singleCatchUpParleyCpuMsPerEnrolment", Costs.perItem(cpu1, cpu1b, 0, single.ok.get()))
                    .put("singleCatchUpPostgresCpuMsPerEnrolment", Costs.perItem(cpu1, cpu1b, 1, single.ok.get()))
                    .put("bulkParleyCpuMsPerEnrolment", Costs.perItem(cpu1b, cpu2, 0, bulk.ok.get()))
                    .put("bulkPostgresCpuMsPerEnrolment", Costs.perItem(cpu1b, cpu2, 1, bulk.ok.get()))
                    .put("analyticsCatchUpSeconds", Report.r(catchUp))
                    .put("catchUpParleyCpuMsPerEnrolment", Costs.perItem(cpu2, cpu3, 0, bulk.ok.get()))
                    .put("catchUpPostgresCpuMsPerEnrolment", Costs.perItem(cpu2, cpu3, 1, bulk.ok.get()))
                    .put("singleRefused", single.refused.get())
                    .put("singleRefusalSamples", new JsonArray(List.copyOf(single.samples))).put("bulkPerSecond", Report.r(bulkRate))
                    .put("bulkItemsPerRequest", BULK).put("bulkConcurrentRequests", 4)
                    .put("bulkRequestP99Ms", Report.r(bulk.p(0.99))).put("bulkAccepted", bulk.ok.get())
                    .put("bulkRefused", bulk.refused.get()).put("bulkRefusalSamples", new JsonArray(List.copyOf(bulk.samples))),
                    new JsonObject().put("singleToCeiling32", ratio(singleRate, "updateInsertTps32"))
                            .put("bulkToCeiling32", ratio(bulkRate, "updateInsertTps32")));
        }
        stack.stopParley();
        drain(places.size());
    }

    private void drain(int placeCount) {
        long commits0 = stack.pg.commits("parley");
        stack.pg.resetStatements("parley");
        double[] cpu0 = stack.cpu();
        long[] before = stack.received();
        long since = Clock.micros();
        port = stack.startParley(Map.of());
        double parleyStartCpu = Procs.cpu(stack.parleyPid());
        double peakRss = 0;
        long deadline = System.nanoTime() + 15L * 60 * 1_000_000_000;
        long[] now = stack.received();
        while (now[0] + now[1] - before[0] - before[1] < drainCount && System.nanoTime() < deadline) {
            Launched.sleep(250);
            now = stack.received();
            peakRss = Math.max(peakRss, Procs.rssMiB(stack.parleyPid())[0]);
        }
        long dispatchedAt = Clock.micros();
        long settled = 0;
        while (System.nanoTime() < deadline) {
            settled = stack.pg.number("parley", "SELECT count(*) FROM attempt WHERE outcome IS NOT NULL "
                    + "AND case_id LIKE 'b-%'");
            peakRss = Math.max(peakRss, Procs.rssMiB(stack.parleyPid())[0]);
            if (settled >= drainCount) {
                break;
            }
            Launched.sleep(250);
        }
        long settledAt = Clock.micros();
        double[] cpu1 = stack.cpu();
        long commits = stack.pg.commits("parley") - commits0;
        try {
            java.nio.file.Files.writeString(stack.work.resolve("drain-statements.txt"),
                    stack.pg.topStatements("parley", 40) + "\n");
        } catch (java.io.IOException e) {
            System.err.println("statement statistics not saved: " + e);
        }
        JsonObject got = stack.receivedSince(since);
        long[] span = span(got);
        long dispatched = got.getJsonArray("sms").size() + got.getJsonArray("email").size();
        double seconds = (span[1] - span[0]) / 1e6;
        drainRate = dispatched / Math.max(0.001, seconds);
        double completedRate = settled / Math.max(0.001, (settledAt - span[0]) / 1e6);
        double commitsPerDispatch = commits / (double) Math.max(1, dispatched);
        report.write("drain", new JsonObject().put("steps", drainCount).put("places", placeCount)
                        .put("dispatched", dispatched).put("sms", got.getJsonArray("sms").size())
                        .put("email", got.getJsonArray("email").size())
                        .put("dispatchesPerSecond", Report.r(drainRate)).put("peakDispatchesInOneSecond", peak(got))
                        .put("settled", settled).put("completedPerSecond", Report.r(completedRate))
                        .put("secondsToDispatchAll", Report.r(seconds))
                        .put("secondsToSettleAll", Report.r((settledAt - span[0]) / 1e6))
                        .put("commits", commits).put("commitsPerDispatch", Report.r(commitsPerDispatch))
                        .put("parleyCpuSeconds", Report.r(cpu1[0] - parleyStartCpu))
                        .put("postgresCpuSeconds", Report.r(cpu1[1] - cpu0[1]))
                        .put("simulatorCpuSeconds", Report.r(cpu1[2] - cpu0[2]))
                        .put("parleyPeakRssMiB", Report.r(peakRss)).put("waitedUntilAllSentMicros", dispatchedAt - since),
                new JsonObject().put("dispatchesToCeiling32", ratio(drainRate, "updateInsertTps32"))
                        .put("dispatchesToClaimCompleteRows", ratio(drainRate, "claimCompleteRowsPerSecond"))
                        .put("completedToCeiling32", ratio(completedRate, "updateInsertTps32")));
    }

    /** Steps scheduled 1 to 5 s ahead at half the drain rate: how late each reaches its provider. */
    void lag() {
        double rate = Math.max(20, drainRate / 2);
        long seconds = 20;
        Map<String, Long> dueAt = new HashMap<>();
        List<People.Place> places = People.daytime(Instant.now());
        stack.saveMetrics(stack.work.resolve("before-lag.metrics")); // the lag's own figures are the difference
        long since = Clock.micros();
        try (Load load = new Load(stack.vertx, stackPort())) {
            Load.Tally tally = new Load.Tally();
            int perTick = (int) Math.max(1, Math.round(rate / 10));
            long ticks = seconds * 10;
            List<Future<Void>> sent = new ArrayList<>();
            for (long t = 0; t < ticks; t++) {
                long tickStart = System.nanoTime();
                List<JsonObject> batch = new ArrayList<>(perTick);
                for (int i = 0; i < perTick; i++) {
                    long n = 200_000 + t * perTick + i;
                    Instant due = Instant.now().plusMillis(ThreadLocalRandom.current().nextLong(1000, 5000));
                    People.Place p = places.get((int) (n % places.size()));
                    batch.add(People.enrollment("l", n, "bench-sms", p, due));
                    dueAt.put(People.phone(p, n), Clock.micros(due));
                }
                sent.add(load.bulk(batch, tally));
                Launched.sleep(Math.max(0, 100 - (System.nanoTime() - tickStart) / 1_000_000));
            }
            Future.join(sent).toCompletionStage().toCompletableFuture().exceptionally(e -> null).join();
            Launched.sleep(8_000);
            List<Long> lags = new ArrayList<>();
            for (Object o : stack.receivedSince(since).getJsonArray("sms")) {
                JsonArray m = (JsonArray) o;
                Long due = dueAt.get(m.getString(0));
                if (due != null) {
                    lags.add(m.getLong(1) - due);
                }
            }
            lags.sort(Long::compare);
            report.write("lag", new JsonObject().put("ratePerSecond", Report.r(rate)).put("seconds", seconds)
                            .put("scheduled", dueAt.size()).put("enrolRefused", tally.refused.get())
                            .put("reached", lags.size()).put("p50Ms", q(lags, 0.5)).put("p99Ms", q(lags, 0.99))
                            .put("p999Ms", q(lags, 0.999)).put("maxMs", q(lags, 1.0)),
                    new JsonObject().put("p50ToOneCommitMs", Report.r(q(lags, 0.5)
                            / (1000.0 / ceiling.getDouble("updateInsertTps1")))));
        }
    }

    private int stackPort() {
        return port;
    }

    private static double q(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()));
        return Report.r(sorted.get(i) / 1000.0);
    }

    /** One client sending one request after another until the time is up. */
    private Future<Void> closedLoop(int client, long millis, java.util.function.IntFunction<Future<Void>> one) {
        long end = System.nanoTime() + millis * 1_000_000;
        int[] n = {client};
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (System.nanoTime() >= end) {
                done.complete();
                return;
            }
            one.apply(n[0]).onComplete(ar -> {
                n[0] += 16;
                next[0].run();
            });
        };
        stack.vertx.runOnContext(v -> next[0].run());
        return done.future();
    }

    /** Sends the items in bulk requests of 1,000, so many requests at a time. */
    static void runBulk(Load load, List<JsonObject> items, int concurrent, Load.Tally tally) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int c = 0; c < concurrent; c++) {
            lanes.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (int from = next.getAndAdd(BULK); from < items.size(); from = next.getAndAdd(BULK)) {
                    load.bulk(items.subList(from, Math.min(items.size(), from + BULK)), tally)
                            .toCompletionStage().toCompletableFuture().exceptionally(e -> {
                                tally.refusal(String.valueOf(e));
                                return null;
                            }).join();
                }
            }));
        }
        lanes.forEach(java.util.concurrent.CompletableFuture::join);
    }

    /** First and last arrival at either simulator. */
    static long[] span(JsonObject got) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (String channel : List.of("sms", "email")) {
            for (Object o : got.getJsonArray(channel)) {
                long at = ((JsonArray) o).getLong(1);
                first = Math.min(first, at);
                last = Math.max(last, at);
            }
        }
        return first == Long.MAX_VALUE ? new long[]{0, 0} : new long[]{first, last};
    }

    /** The most arrivals within one wall-clock second. */
    static long peak(JsonObject got) {
        Map<Long, Long> perSecond = new HashMap<>();
        for (String channel : List.of("sms", "email")) {
            for (Object o : got.getJsonArray(channel)) {
                perSecond.merge(((JsonArray) o).getLong(1) / 1_000_000, 1L, Long::sum);
            }
        }
        return perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private double ratio(double figure, String ceilingKey) {
        return Report.r(figure / ceiling.getDouble(ceilingKey));
    }
}
