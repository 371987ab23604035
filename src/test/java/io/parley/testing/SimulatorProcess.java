package io.parley.testing;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import io.parley.channel.sms.TwilioClients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Twilio simulator in a JVM of its own (io.parley.simulator.twilio.Main), as the benchmark runs it, so it keeps
 * its record of what it received while the service is killed; read back through its own list API.
 */
public final class SimulatorProcess implements AutoCloseable {
    private final Process process;
    private final String baseUrl;
    private final String accountSid;
    private final String authToken;

    private SimulatorProcess(Process process, String baseUrl, String accountSid, String authToken) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.accountSid = accountSid;
        this.authToken = authToken;
    }

    public static SimulatorProcess start(Duration deliveryDelay) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-cp", System.getProperty("java.class.path"), "io.parley.simulator.twilio.Main")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("TWILIO_SIM_DELIVERY_DELAY", deliveryDelay.toString());
        try {
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("twilio-simulator ")) {
                    String[] parts = line.split(" ");
                    Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "simulator-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new SimulatorProcess(process, parts[1], parts[2], parts[3]);
                }
            }
            throw new AssertionError("the Twilio simulator exited before it listened: " + process.waitFor());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Parley's settings for an SMS provider at this simulator. */
    public Map<String, String> smsSettings() {
        return Map.of("sms.twilio.accountSid", accountSid, "sms.twilio.authToken", authToken,
                "sms.twilio.baseUrl", baseUrl);
    }

    /** The number each message the simulator took was sent to, from its own list of messages. */
    public List<String> recipients() {
        TwilioRestClient client = TwilioClients.create(accountSid, authToken, baseUrl, Duration.ofSeconds(30));
        List<String> to = new ArrayList<>();
        for (Message m : Message.reader().pageSize(1000).read(client)) {
            to.add(m.getTo());
        }
        return to;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
