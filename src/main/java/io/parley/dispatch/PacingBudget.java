package io.parley.dispatch;

import io.parley.channel.Pacing;
import io.parley.domain.Channel;
import io.parley.policy.Decision;
import io.parley.store.ChannelLoad;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one batch may still start on a paced channel, given its load: attempts are let through while the rate and
 * the number in progress allow; each one beyond is deferred with rule {@value Pacing#RULE}, later the further back
 * it stands (by the seconds the rate needs, or by the wait for an attempt in progress to end).
 */
final class PacingBudget {
    private final Channel channel;
    private final Pacing pacing;
    private final ChannelLoad.Load load;
    private final Instant now;
    private int admitted;
    private int waiting;

    PacingBudget(Channel channel, Pacing pacing, ChannelLoad.Load load, Instant now) {
        this.channel = channel;
        this.pacing = pacing;
        this.load = load;
        this.now = now;
    }

    /** Empty when one more attempt may start now; otherwise the deferral, until its turn may come. */
    Optional<Decision.Defer> admit() {
        boolean rateLeft = load.lastSecond() + admitted < pacing.perSecond();
        boolean slotLeft = load.inProgress() + admitted < pacing.concurrent();
        if (rateLeft && slotLeft) {
            admitted++;
            return Optional.empty();
        }
        int behind = waiting++;
        Instant until = slotLeft
                ? now.plusSeconds(1 + behind / pacing.perSecond())
                : now.plus(pacing.slotWait().multipliedBy(1 + behind / pacing.concurrent()));
        String reason = channel.wire() + " starts at most " + pacing.perSecond() + " a second and has at most "
                + pacing.concurrent() + " in progress at once: " + (load.lastSecond() + admitted)
                + " started in the last second, " + (load.inProgress() + admitted) + " in progress; "
                + (slotLeft ? "waits for the rate" : "waits for one to end") + ", until " + until;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("channel", channel.wire());
        facts.put("perSecond", pacing.perSecond());
        facts.put("concurrent", pacing.concurrent());
        facts.put("startedLastSecond", load.lastSecond() + admitted);
        facts.put("inProgress", load.inProgress() + admitted);
        facts.put("until", until.toString());
        return Optional.of(new Decision.Defer(until, Pacing.RULE, List.of(reason), Map.of("pacing", facts)));
    }
}
