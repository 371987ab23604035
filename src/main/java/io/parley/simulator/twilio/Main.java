package io.parley.simulator.twilio;

import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.Map;

/**
 * Runs the Twilio simulator on its own, in a process of its own:
 * {@code java -cp parley.jar io.parley.simulator.twilio.Main}. Configured by environment variables:
 * TWILIO_SIM_HOST (default 127.0.0.1), TWILIO_SIM_PORT (default 0: any free port), TWILIO_SIM_ACCOUNT_SID and
 * TWILIO_SIM_AUTH_TOKEN (default: made up and printed), TWILIO_SIM_DELIVERY_DELAY (ISO-8601, default PT1S).
 * Point Parley at it with sms.twilio.accountSid, sms.twilio.authToken and sms.twilio.baseUrl. It prints one line,
 * {@code twilio-simulator <baseUrl> <accountSid> <authToken>}, once it listens, and runs until killed.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        TwilioSimulator simulator = start(Vertx.vertx(), System.getenv()).toCompletionStage().toCompletableFuture()
                .join();
        TwilioSimulator.Settings s = simulator.settings();
        System.out.println("twilio-simulator " + simulator.baseUrl() + " " + s.accountSid() + " " + s.authToken());
        System.out.flush();
    }

    /** Starts a simulator with the settings the environment gives (see the class comment). */
    public static io.vertx.core.Future<TwilioSimulator> start(Vertx vertx, Map<String, String> env) {
        TwilioSimulator.Settings defaults = TwilioSimulator.Settings.defaults();
        TwilioSimulator.Settings settings = new TwilioSimulator.Settings(
                env.getOrDefault("TWILIO_SIM_HOST", defaults.host()),
                Integer.parseInt(env.getOrDefault("TWILIO_SIM_PORT", "0")),
                env.getOrDefault("TWILIO_SIM_ACCOUNT_SID", defaults.accountSid()),
                env.getOrDefault("TWILIO_SIM_AUTH_TOKEN", defaults.authToken()),
                Duration.parse(env.getOrDefault("TWILIO_SIM_DELIVERY_DELAY", "PT1S")));
        return TwilioSimulator.start(vertx, settings);
    }
}
