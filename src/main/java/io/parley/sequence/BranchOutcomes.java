package io.parley.sequence;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.Channel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The outcomes a step may branch on, per channel: the common ones, then those the channel's module adds (a call is
 * {@code reached} or {@code machine}). A channel no module knows has the common ones only.
 */
public final class BranchOutcomes {
    private static final BranchOutcomes COMMON = new BranchOutcomes(Map.of());

    private final Map<Channel, List<AttemptOutcome>> extra;

    private BranchOutcomes(Map<Channel, List<AttemptOutcome>> extra) {
        this.extra = Map.copyOf(extra);
    }

    /** The common outcomes for every channel. */
    public static BranchOutcomes common() {
        return COMMON;
    }

    /** The common outcomes plus, per channel, those its module adds. */
    public static BranchOutcomes of(Map<Channel, List<AttemptOutcome>> extra) {
        return new BranchOutcomes(extra);
    }

    /** Every outcome a step on this channel may end in, the common ones first. */
    public List<AttemptOutcome> of(Channel channel) {
        LinkedHashSet<AttemptOutcome> all = new LinkedHashSet<>(AttemptOutcome.COMMON);
        all.addAll(extra.getOrDefault(channel, List.of()));
        return new ArrayList<>(all);
    }
}
