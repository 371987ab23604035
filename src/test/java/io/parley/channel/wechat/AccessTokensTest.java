package io.parley.channel.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    private final MutableClock clock = new MutableClock();
    private final List<Promise<AccessTokens.Grant>> requests = new ArrayList<>();
    private final AccessTokens tokens = new AccessTokens(() -> {
        Promise<AccessTokens.Grant> p = Promise.promise();
        requests.add(p);
        return p.future();
    }, clock);

    private void grant(int request, String token, Duration expiresIn) {
        requests.get(request).complete(new AccessTokens.Grant(token, expiresIn));
    }

    @Test
    void concurrentCallersShareOneRequestAndTheTokenIsCached() {
        Future<String> a = tokens.token();
        Future<String> b = tokens.token();
        assertEquals(1, requests.size());
        grant(0, "T1", Duration.ofHours(2));
        assertEquals("T1", a.result());
        assertEquals("T1", b.result());
        clock.advance(Duration.ofMinutes(100));
        assertEquals("T1", tokens.token().result());
        assertEquals(1, requests.size());
    }

    @Test
    void refreshedShortlyBeforeItExpires() {
        tokens.token();
        grant(0, "T1", Duration.ofHours(2));
        clock.advance(Duration.ofMinutes(114));
        assertEquals("T1", tokens.token().result());
        clock.advance(Duration.ofMinutes(1));
        Future<String> next = tokens.token();
        assertEquals(2, requests.size(), "five minutes before expiry a new token is asked for");
        grant(1, "T2", Duration.ofHours(2));
        assertEquals("T2", next.result());
    }

    @Test
    void aRejectedTokenIsReplacedOnceWhateverHowManySendsFoundOut() {
        tokens.token();
        grant(0, "T1", Duration.ofHours(2));
        Future<String> first = tokens.replace("T1");
        Future<String> second = tokens.replace("T1");
        assertEquals(2, requests.size());
        grant(1, "T2", Duration.ofHours(2));
        assertEquals("T2", first.result());
        assertEquals("T2", second.result());
        assertEquals("T2", tokens.replace("T1").result(), "a late report about T1 gets T2, no new request");
        assertEquals(2, requests.size());
    }

    @Test
    void aFailedRequestIsNotRepeatedForAFewSeconds() {
        Future<String> a = tokens.token();
        requests.get(0).fail(new IllegalStateException("down"));
        assertTrue(a.failed());
        assertTrue(tokens.token().failed());
        assertEquals(1, requests.size());
        clock.advance(AccessTokens.RETRY_AFTER_FAILURE);
        Future<String> again = tokens.token();
        assertEquals(2, requests.size());
        assertFalse(again.isComplete());
        grant(1, "T1", Duration.ofHours(2));
        assertEquals("T1", again.result());
    }
}
