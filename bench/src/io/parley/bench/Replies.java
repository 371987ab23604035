package io.parley.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debtors answer by SMS: signed inbound webhooks (Twilio's form, X-Twilio-Signature) at rising rates, each step a
 * few seconds; what counts is replies classified and committed per second and the webhook's p99. The rise stops
 * when the service falls well behind the offered rate.
 */
final class Replies {
    private static final String[] TEXTS = {"I will pay 200 on Friday", "who is this?", "HELP",
        "can you call me tomorrow morning", "I already paid last week", "下周五还500", "wrong number",
        "I lost my job, can we talk about a plan", "ok", "stop texting me at work please"};
    private final Stack stack;
    private final Report report;
    private final JsonObject ceiling;
    private final double scale;

    Replies(Stack stack, Report report, JsonObject ceiling, double scale) {
        this.stack = stack;
        this.report = report;
        this.ceiling = ceiling;
        this.scale = scale;
    }

    void run(List<String> phones) {
        JsonArray steps = new JsonArray();
        double best = 0;
        double bestP99 = 0;
        long seconds = 8;
        AtomicInteger sid = new AtomicInteger();
        try (Load load = new Load(stack.vertx, portOfParley())) {
            for (double rate : new double[]{500, 1000, 2000, 4000, 8000}) {
                double offered = rate * Math.min(1, Math.max(scale, 0.25));
                long before = stack.pg.number("parley", "SELECT count(*) FROM inbound_message");
                double[] cpu0 = stack.cpu();
                Load.Tally tally = new Load.Tally();
                long t0 = System.nanoTime();
                AtomicInteger skipped = load.paced(offered, seconds * 1000, 2000, n -> {
                    int i = sid.incrementAndGet();
                    return load.inboundSms(stack.twilioToken, String.format("SM%032x", i),
                            phones.get(i % phones.size()), "+15005550006", TEXTS[i % TEXTS.length], tally);
                });
                double elapsed = (System.nanoTime() - t0) / 1e9;
                long committed = stack.pg.number("parley", "SELECT count(*) FROM inbound_message") - before;
                double perSecond = committed / elapsed;
                double[] cpu1 = stack.cpu();
                double perReply = Math.max(committed, 1);
                steps.add(new JsonObject().put("offeredPerSecond", offered).put("committedPerSecond",
                                Report.r(perSecond)).put("p50Ms", Report.r(tally.p(0.5))).put("p99Ms",
                                Report.r(tally.p(0.99))).put("refused", tally.refused.get())
                        .put("parleyCpuMsPerReply", Report.r((cpu1[0] - cpu0[0]) * 1000 / perReply))
                        .put("postgresCpuMsPerReply", Report.r((cpu1[1] - cpu0[1]) * 1000 / perReply))
                        .put("notSentDriverAtLimit", skipped.get()).put("samples", new JsonArray(List.copyOf(tally.samples))));
                System.out.println("replies at " + offered + "/s: " + steps.getJsonObject(steps.size() - 1).encode());
                if (perSecond > best) {
                    best = perSecond;
                    bestP99 = tally.p(0.99);
                }
                if (perSecond < offered * 0.8 || tally.p(0.99) > 2000) {
                    break;
                }
            }
        }
        report.write("replies", new JsonObject().put("bestCommittedPerSecond", Report.r(best))
                        .put("p99MsAtBest", Report.r(bestP99)).put("secondsPerStep", seconds).put("steps", steps),
                new JsonObject().put("bestToCeiling32", Report.r(best / ceiling.getDouble("updateInsertTps32"))));
    }

    private int portOfParley() {
        return stack.parleyPort();
    }
}
