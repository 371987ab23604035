package io.parley.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.channel.Pacing;
import io.parley.domain.Channel;
import io.parley.policy.Decision;
import io.parley.store.ChannelLoad;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Calls let through while the rate and the lines allow; each one beyond deferred further back, never dropped. */
class PacingBudgetTest {
    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    static Stream<Arguments> batches() {
        return Stream.of(
                // perSecond, concurrent, started in the last second, in progress, batch size -> seconds to wait
                Arguments.of("idle, room for all", 5, 10, 0, 0, 3, List.of(0L, 0L, 0L)),
                Arguments.of("one a second", 1, 10, 0, 0, 4, List.of(0L, 1L, 2L, 3L)),
                Arguments.of("two a second, one started", 2, 10, 1, 1, 4, List.of(0L, 1L, 1L, 2L)),
                Arguments.of("rate used up", 1, 10, 1, 1, 2, List.of(1L, 2L)),
                Arguments.of("every line busy", 5, 2, 0, 2, 3, List.of(10L, 10L, 20L)),
                Arguments.of("the last line", 5, 2, 0, 1, 3, List.of(0L, 10L, 10L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void admitsOrDefers(String title, int perSecond, int concurrent, int lastSecond, int inProgress, int batch,
                        List<Long> waits) {
        PacingBudget budget = new PacingBudget(Channel.VOICE, new Pacing(perSecond, concurrent, Duration.ofMinutes(15),
                Duration.ofSeconds(10)), new ChannelLoad.Load(lastSecond, inProgress), NOW);
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            Optional<Decision.Defer> wait = budget.admit();
            seen.add(wait.map(d -> Duration.between(NOW, d.until()).toSeconds()).orElse(0L));
            wait.ifPresent(d -> {
                assertEquals(Pacing.RULE, d.rule());
                assertTrue(d.reasons().get(0).startsWith("voice starts at most " + perSecond + " a second"),
                        d.reasons().toString());
                assertEquals(concurrent, ((Map<?, ?>) d.facts().get("pacing")).get("concurrent"));
            });
        }
        assertEquals(waits, seen);
    }
}
