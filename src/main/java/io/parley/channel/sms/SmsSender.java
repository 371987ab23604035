package io.parley.channel.sms;

import io.parley.template.SmsMessage;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.parley.channel.ChannelSender;
import io.parley.channel.Outbound;
import io.parley.channel.ProviderCalls;
import io.parley.channel.ProviderLookup;
import io.parley.channel.SendResult;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.vertx.core.Future;

import java.net.ConnectException;
import java.net.URI;

/**
 * Sends SMS through Twilio's Messages API with the official SDK, on a worker pool. Each message carries a status
 * callback URL naming its attempt, so delivery reports come back to the right attempt.
 */
public final class SmsSender implements ChannelSender {
    public static final String STATUS_PATH = "/webhooks/twilio/sms/status";

    private final TwilioRestClient client;
    private final ProviderCalls calls;
    private final PhoneNumber from;
    private final String statusCallbackUrl;

    public SmsSender(TwilioRestClient client, ProviderCalls calls, String from, String publicBaseUrl) {
        this.client = client;
        this.calls = calls;
        this.from = new PhoneNumber(from);
        this.statusCallbackUrl = publicBaseUrl + STATUS_PATH;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String provider() {
        return "twilio";
    }

    @Override
    public Future<SendResult> send(Outbound outbound) {
        if (!(outbound.message() instanceof SmsMessage sms)) {
            return Future.succeededFuture(SendResult.failed("wrong_message", "an SMS needs a text message, not "
                    + outbound.message().getClass().getSimpleName() + "; nothing was sent"));
        }
        URI callback = URI.create(statusCallbackUrl + "?attempt=" + outbound.attemptId());
        return calls.call(() -> {
            Message m = Message.creator(new PhoneNumber(outbound.to()), from, sms.text())
                    .setStatusCallback(callback)
                    .create(client);
            return SendResult.accepted(TwilioMessageStatus.toAttemptStatus(String.valueOf(m.getStatus())), m.getSid());
        }, SmsSender::classify, () -> TwilioClients.lastRetryAfter(client));
    }

    @Override
    public boolean looksUp() {
        return true;
    }

    /**
     * Lists the messages to the attempt's number and looks for the one it sent: same sender, same text, created
     * no earlier than a minute before the attempt was committed.
     */
    @Override
    public Future<ProviderLookup> lookup(ProviderLookup.Asked attempt) {
        String text = attempt.content().getString("text");
        java.time.Instant from = attempt.madeAt().minusSeconds(60);
        return calls.<ProviderLookup>ask(() -> {
            for (Message m : Message.reader().setTo(new PhoneNumber(attempt.to())).limit(200).read(client)) {
                boolean same = m.getFrom() != null
                        && this.from.getEndpoint().equals(m.getFrom().getEndpoint())
                        && java.util.Objects.equals(text, m.getBody())
                        && (m.getDateCreated() == null || !m.getDateCreated().toInstant().isBefore(from));
                if (same) {
                    return new ProviderLookup.Found(TwilioMessageStatus.toAttemptStatus(String.valueOf(m.getStatus())),
                            m.getSid());
                }
            }
            return new ProviderLookup.Absent();
        }).otherwise(e -> new ProviderLookup.CannotTell(String.valueOf(e.getMessage())));
    }

    /**
     * Twilio refused it (4xx): nothing went out. Rate limited (429) or unavailable (503), or no connection at all:
     * nothing went out either. Any other server error or a read timeout: it may have been accepted, so the
     * outcome is unknown and it is never sent again blindly.
     */
    public static ProviderCalls.Classified classify(Throwable error) {
        if (error instanceof ApiException api && api.getStatusCode() != null) {
            int status = api.getStatusCode();
            String code = api.getCode() == null ? String.valueOf(status) : String.valueOf(api.getCode());
            if (status == 429) {
                return new ProviderCalls.Classified(SendResult.notAttempted(code, "rate limited: " + api.getMessage()),
                        "rate_limited", true);
            }
            if (status == 503) {
                return new ProviderCalls.Classified(SendResult.notAttempted(code, "unavailable: " + api.getMessage()),
                        "server_error", true);
            }
            if (status >= 500) {
                return new ProviderCalls.Classified(SendResult.unknown("server error " + status + ": " + api.getMessage()),
                        "server_error", true);
            }
            return new ProviderCalls.Classified(SendResult.failed(code, api.getMessage()), "rejected", false);
        }
        if (hasCause(error, ConnectException.class)) {
            return new ProviderCalls.Classified(SendResult.notAttempted("connect", "could not connect: " + error.getMessage()),
                    "server_error", true);
        }
        String kind = error instanceof ApiConnectionException ? "timeout" : "client_error";
        return new ProviderCalls.Classified(SendResult.unknown(String.valueOf(error.getMessage())), kind, true);
    }

    static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
