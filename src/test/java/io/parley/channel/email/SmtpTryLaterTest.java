package io.parley.channel.email;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.channel.Outbound;
import io.parley.channel.ProviderPools;
import io.parley.channel.SendResult;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.parley.template.EmailMessage;
import io.vertx.core.Vertx;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sender against a mail server that answers a transient reply (a 451 to the message, a 450 to the recipient)
 * or a permanent one (a 554 to the message), over a real SMTP session: a transient reply leaves the attempt
 * unsent, to run again after the pause, and is not tried again at once; a permanent one fails it.
 */
class SmtpTryLaterTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        server.close();
        get(vertx.close());
    }

    @Test
    void aTransientReplyToTheMessageIsRetryLaterAfterThePause() throws Exception {
        SendResult result = send("451 4.3.0 try again later", "250 2.1.5 ok");
        assertEquals(AttemptStatus.FAILED, result.status());
        assertTrue(result.notAttempted(), String.valueOf(result));
        assertEquals("smtp_451", result.errorCode());
        assertEquals(EmailSender.TRY_LATER, result.retryAfter());
        assertEquals(1, commands.stream().filter(c -> c.startsWith("DATA")).count(), "not tried again at once");
    }

    @Test
    void aGreylistedRecipientIsRetryLaterAfterThePause() throws Exception {
        SendResult result = send("250 2.0.0 queued", "450 4.2.0 greylisted");
        assertTrue(result.notAttempted(), String.valueOf(result));
        assertEquals("smtp_450", result.errorCode());
        assertEquals(EmailSender.TRY_LATER, result.retryAfter());
        assertEquals(0, commands.stream().filter(c -> c.startsWith("DATA")).count());
    }

    @Test
    void aPermanentReplyFailsTheAttempt() throws Exception {
        SendResult result = send("554 5.7.1 refused", "250 2.1.5 ok");
        assertEquals(AttemptStatus.FAILED, result.status());
        assertTrue(!result.notAttempted(), String.valueOf(result));
        assertEquals("smtp_554", result.errorCode());
    }

    private SendResult send(String afterData, String toRecipient) throws Exception {
        server = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
        Thread serving = new Thread(() -> serve(afterData, toRecipient), "smtp-stub");
        serving.setDaemon(true);
        serving.start();
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(server.getLocalPort()));
        props.put("mail.smtp.timeout", "5000");
        EmailSender sender = new EmailSender(Session.getInstance(props),
                new ProviderPools(vertx, new Metrics(new SimpleMeterRegistry())).blocking(Channel.EMAIL, "smtp", 1),
                new InternetAddress("parley@example.com"), "reply.example.com", null, null);
        try {
            return get(sender.send(new Outbound(UUID.randomUUID(), "case-1", Channel.EMAIL, "debtor@example.com",
                    "en", new EmailMessage("Your account", "text", "<p>html</p>"), "https://example.com/optout/x")));
        } finally {
            sender.close();
        }
    }

    /** A mail server, one connection at a time, with the given replies to the recipient and to the message. */
    private void serve(String afterData, String toRecipient) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
                reply(out, "220 mail.example.com ESMTP");
                boolean data = false;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (data) {
                        if (line.equals(".")) {
                            data = false;
                            reply(out, afterData);
                        }
                        continue;
                    }
                    commands.add(line);
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                    switch (verb) {
                        case "EHLO", "HELO", "MAIL", "NOOP", "RSET" -> reply(out, "250 ok");
                        case "RCPT" -> reply(out, toRecipient);
                        case "DATA" -> {
                            data = true;
                            reply(out, "354 go ahead");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "502 not implemented");
                    }
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }
}
