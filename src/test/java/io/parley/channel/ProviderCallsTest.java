package io.parley.channel;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.channel.sms.SmsSender;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.parley.testing.ServiceHarness;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider storm against the guards of one provider operation: what is retried, what is never sent twice, what
 * opens the breaker and what does not, and what the rate limiter and bulkhead turn away.
 */
class ProviderCallsTest {
    private final Vertx vertx = Vertx.vertx();
    private ProviderPools pools;

    @AfterEach
    void close() {
        pools.close();
        ServiceHarness.get(vertx.close());
    }

    private ProviderCalls calls(ProviderResilience.Settings settings) {
        pools = new ProviderPools(vertx, new Metrics(new SimpleMeterRegistry()), settings);
        return pools.blocking(Channel.SMS, "twilio", 4);
    }

    private static ProviderResilience.Settings settings(int minimumCalls, int rate, int concurrent) {
        return new ProviderResilience.Settings(50, minimumCalls, minimumCalls, Duration.ofSeconds(30), rate,
                concurrent, 2, Duration.ofSeconds(2));
    }

    private static SendResult send(ProviderCalls calls, AtomicInteger made, Exception... failures) {
        return ServiceHarness.get(calls.call(() -> {
            int n = made.getAndIncrement();
            if (n < failures.length) {
                throw failures[n];
            }
            return SendResult.accepted(AttemptStatus.QUEUED, "SM" + n);
        }, SmsSender::classify, () -> Optional.of(Duration.ofMillis(50))));
    }

    private static ApiException twilio(int status, int code) {
        return new ApiException("twilio says " + status, code, "", status, null, null, null, null);
    }

    @Test
    void permanentRefusalsDoNotOpenTheBreaker() {
        ProviderCalls calls = calls(settings(4, 1000, 100));
        for (int i = 0; i < 10; i++) {
            AtomicInteger made = new AtomicInteger();
            SendResult r = send(calls, made, twilio(400, i % 2 == 0 ? 21211 : 21610)); // invalid number, unsubscribed
            assertEquals(AttemptStatus.FAILED, r.status());
            assertFalse(r.notAttempted());
            assertEquals(1, made.get(), "a refusal is final: never sent again");
        }
        assertFalse(pools.open(Channel.SMS), "invalid numbers and opt-outs say nothing of the provider's health");
    }

    @Test
    void serverErrorsAreUnknownNeverResentAndOpenTheBreaker() {
        ProviderCalls calls = calls(settings(4, 1000, 100));
        for (int i = 0; i < 4; i++) {
            AtomicInteger made = new AtomicInteger();
            SendResult r = send(calls, made, twilio(500, 20500));
            assertEquals(AttemptStatus.UNKNOWN, r.status(), "a 500 may have been taken: reconciled, not resent");
            assertEquals(1, made.get());
        }
        assertTrue(pools.open(Channel.SMS));
        AtomicInteger made = new AtomicInteger();
        SendResult refused = send(calls, made);
        assertEquals(0, made.get(), "nothing is sent while the breaker is open");
        assertTrue(refused.notAttempted());
        assertEquals("circuit_open", refused.errorCode());
        assertEquals(Duration.ofSeconds(30), refused.retryAfter(), "its step runs again when the breaker may close");
    }

    @Test
    void aTimeoutOrResetAfterTheRequestWentOutIsUnknownAndNotRetried() {
        ProviderCalls calls = calls(settings(20, 1000, 100));
        for (Exception after : new Exception[]{
                new ApiConnectionException("read timed out", new SocketTimeoutException("Read timed out")),
                new ApiConnectionException("reset", new java.net.SocketException("Connection reset"))}) {
            AtomicInteger made = new AtomicInteger();
            SendResult r = send(calls, made, after);
            assertEquals(AttemptStatus.UNKNOWN, r.status());
            assertEquals(1, made.get(), "never a blind resend");
        }
    }

    @Test
    void refusedBeforeTakingItIsTriedAgainAfterRetryAfter() {
        ProviderCalls calls = calls(settings(20, 1000, 100));
        AtomicInteger made = new AtomicInteger();
        SendResult r = send(calls, made, twilio(429, 20429), new ApiConnectionException("refused",
                new ConnectException("Connection refused")));
        assertEquals(AttemptStatus.QUEUED, r.status(), "429, then no connection, then taken");
        assertEquals(3, made.get());

        AtomicInteger again = new AtomicInteger();
        SendResult stillBusy = send(calls, again, twilio(503, 20503), twilio(503, 20503), twilio(503, 20503));
        assertTrue(stillBusy.notAttempted(), "after its retries, the step runs again later");
        assertEquals(3, again.get(), "the first try and two retries");
    }

    @Test
    void aLongRetryAfterIsNotWaitedOnAWorkerButHonouredByTheStep() {
        ProviderCalls calls = calls(settings(20, 1000, 100));
        AtomicInteger made = new AtomicInteger();
        SendResult r = ServiceHarness.get(calls.call(() -> {
            made.incrementAndGet();
            throw twilio(429, 20429);
        }, SmsSender::classify, () -> Optional.of(Duration.ofSeconds(40))));
        assertEquals(1, made.get());
        assertTrue(r.notAttempted());
        assertEquals(Duration.ofSeconds(40), r.retryAfter());
    }

    @Test
    void theRateLimiterAndTheBulkheadTurnCallsAwayWithoutMakingThem() throws Exception {
        ProviderCalls limited = calls(settings(20, 2, 100));
        AtomicInteger made = new AtomicInteger();
        send(limited, made);
        send(limited, made);
        SendResult third = send(limited, made);
        assertEquals("rate_limited_here", third.errorCode());
        assertEquals(2, made.get());
        pools.close();

        ProviderCalls narrow = calls(settings(20, 1000, 1));
        CountDownLatch release = new CountDownLatch(1);
        Future<SendResult> busy = narrow.call(() -> {
            release.await(10, TimeUnit.SECONDS);
            return SendResult.accepted(AttemptStatus.QUEUED, "SM1");
        }, SmsSender::classify);
        SendResult turnedAway = send(narrow, new AtomicInteger());
        release.countDown();
        assertEquals("bulkhead_full", turnedAway.errorCode());
        assertTrue(turnedAway.notAttempted());
        assertEquals(AttemptStatus.QUEUED, ServiceHarness.get(busy).status());
    }
}
