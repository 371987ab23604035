package io.parley.bench;

import io.parley.simulator.twilio.TwilioSignature;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The load driver's HTTP side: bulk and single enrolments, signed inbound SMS webhooks; latencies recorded. */
final class Load implements AutoCloseable {
    static final String KEY = "bench-key-0123456789abcdef";
    private final Vertx vertx;
    private final WebClient client;
    private final int port;

    Load(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
        this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
    }

    int port() {
        return port;
    }

    /** What a run of requests came to: items accepted, items refused, and each request's latency in microseconds. */
    static final class Tally {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

        void refusal(String why) {
            refused.incrementAndGet();
            if (samples.size() < 5) {
                samples.add(why);
            }
        }

        double p(double quantile) {
            long[] all = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.floor(quantile * all.length))] / 1000.0;
        }
    }

    /** POSTs one batch of enrolments as NDJSON; counts each item by its own status. */
    Future<Void> bulk(List<JsonObject> items, Tally tally) {
        Buffer body = Buffer.buffer();
        for (JsonObject item : items) {
            body.appendString(item.encode()).appendString("\n");
        }
        long start = Clock.micros();
        return client.post("/v1/enrollments/batch").putHeader("Authorization", "Bearer " + KEY)
                .putHeader("Content-Type", "application/x-ndjson").sendBuffer(body).map(r -> {
                    tally.latencies.add(Clock.micros() - start);
                    if (r.statusCode() != 200) {
                        items.forEach(i -> tally.refusal(r.statusCode() + " " + r.bodyAsString()));
                        return null;
                    }
                    JsonArray results = r.bodyAsJsonObject().getJsonArray("results");
                    for (int i = 0; i < results.size(); i++) {
                        JsonObject one = results.getJsonObject(i);
                        if (one.getInteger("status") == 201) {
                            tally.ok.incrementAndGet();
                        } else {
                            tally.refusal(one.encode());
                        }
                    }
                    return null;
                });
    }

    /** POSTs one enrolment on its own. */
    Future<Void> single(JsonObject item, Tally tally) {
        long start = Clock.micros();
        return client.post("/v1/enrollments").putHeader("Authorization", "Bearer " + KEY)
                .sendJsonObject(item).map(r -> count(r, 201, start, tally));
    }

    /** POSTs an inbound SMS webhook signed as Twilio signs it. */
    Future<Void> inboundSms(String authToken, String sid, String from, String to, String text, Tally tally) {
        String path = "/webhooks/twilio/sms/inbound";
        Map<String, String> params = new TreeMap<>(Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", "AC",
                "From", from, "To", to, "Body", text, "NumMedia", "0"));
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        params.forEach(form::add);
        String signature = TwilioSignature.of(authToken, "http://127.0.0.1:" + port + path, params);
        long start = Clock.micros();
        return client.post(path).putHeader(TwilioSignature.HEADER, signature).sendForm(form)
                .map(r -> count(r, 200, start, tally));
    }

    private static Void count(HttpResponse<Buffer> r, int expected, long start, Tally tally) {
        tally.latencies.add(Clock.micros() - start);
        if (r.statusCode() == expected) {
            tally.ok.incrementAndGet();
        } else {
            tally.refusal(r.statusCode() + " " + r.bodyAsString());
        }
        return null;
    }

    /**
     * Runs requests at a fixed rate for a time (open loop, every 10 ms a slice), never more than maxOutstanding
     * at once (beyond that the driver itself would be what is measured; skipped requests are counted).
     */
    AtomicInteger paced(double perSecond, long millis, int maxOutstanding, java.util.function.IntFunction<Future<Void>> one) {
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger issued = new AtomicInteger();
        long start = System.nanoTime();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        long timer = vertx.setPeriodic(10, id -> {
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (elapsed >= millis) {
                vertx.cancelTimer(id);
                done.countDown();
                return;
            }
            long due = (long) (perSecond * elapsed / 1000.0);
            while (issued.get() < due) {
                int n = issued.getAndIncrement();
                if (outstanding.get() >= maxOutstanding) {
                    skipped.incrementAndGet();
                    continue;
                }
                outstanding.incrementAndGet();
                one.apply(n).onComplete(ar -> outstanding.decrementAndGet());
            }
        });
        try {
            done.await();
            while (outstanding.get() > 0) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            vertx.cancelTimer(timer);
        }
        return skipped;
    }

    @Override
    public void close() {
        client.close();
    }
}
