package io.parley.bench;

import io.parley.simulator.twilio.SimulatedMessage;
import io.parley.simulator.twilio.TwilioSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.util.List;

/**
 * The provider side of the benchmark, in a process of its own so that its CPU is counted apart and never shares
 * the service's event loops: the Twilio simulator (io.parley.simulator.twilio, started as its own Main starts it)
 * and an SMTP sink, plus GET /stats?since=micros listing what each received (address and time). Prints
 * {@code simulators <twilioBaseUrl> <accountSid> <authToken> <smtpPort> <statsPort>} once ready.
 */
public final class SimulatorProcess {
    private SimulatorProcess() {
    }

    public static void main(String[] args) {
        Vertx vertx = Vertx.vertx();
        TwilioSimulator twilio = io.parley.simulator.twilio.Main.start(vertx, System.getenv())
                .toCompletionStage().toCompletableFuture().join();
        SmtpSink smtp = new SmtpSink();
        int smtpPort = smtp.start(vertx, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        Router router = Router.router(vertx);
        router.get("/stats").handler(ctx -> {
            long since = Long.parseLong(ctx.queryParams().get("since") == null ? "0" : ctx.queryParams().get("since"));
            JsonArray sms = new JsonArray();
            List<SimulatedMessage> messages = twilio.messages();
            for (SimulatedMessage m : messages) {
                long at = Clock.micros(m.receivedAt());
                if (at >= since) {
                    sms.add(new JsonArray().add(m.param("To")).add(at));
                }
            }
            JsonArray email = new JsonArray();
            smtp.since(since).forEach(r -> email.add(new JsonArray().add(r.to()).add(r.atMicros())));
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("sms", sms).put("email", email).encode());
        });
        router.get("/counts").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("sms", twilio.messages().size()).put("email", smtp.count()).encode()));
        int statsPort = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join().actualPort();
        TwilioSimulator.Settings s = twilio.settings();
        System.out.println("simulators " + twilio.baseUrl() + " " + s.accountSid() + " " + s.authToken() + " "
                + smtpPort + " " + statsPort);
        System.out.flush();
    }
}
