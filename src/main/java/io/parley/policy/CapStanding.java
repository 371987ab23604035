package io.parley.policy;

import io.parley.domain.ContactPoint;
import io.parley.domain.Debtor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where one cap stands for one contact point of a case at an instant: how many contacts it counts in the rolling
 * window ending then, and how many more it allows. Counted as the policy counts a new attempt to that point: the
 * same kinds, channels, contact types and scope ({@link CapUsage}).
 *
 * @param rule the cap's id, e.g. "us-regf/voice/7-in-7"
 */
public record CapStanding(String rule, int max, Duration window, CapScope scope, int used, int remaining) {

    /**
     * Every cap of the packs in force that would limit a new attempt to this point now, in the packs' order.
     *
     * @param packs the packs in force for the debtor (see {@link PackSelector})
     */
    public static List<CapStanding> of(List<RulePack> packs, String caseId, Debtor debtor, ContactPoint point,
                                       ContactHistory history, Instant now) {
        ContactRequest request = new ContactRequest(caseId, debtor, point.channel(), point, TemplateTraits.ordinary(),
                List.of(), history, ContactPreferences.none(), ContactRequest.BorrowerReach.reachable());
        return RuleCombiner.combine(packs, point.channel()).caps().stream()
                .map(cap -> CapUsage.of(cap, request))
                .flatMap(Optional::stream)
                .map(usage -> {
                    int used = usage.countedAt(now);
                    Cap cap = usage.cap();
                    return new CapStanding(cap.id(), cap.max(), cap.window(), cap.scope(), used,
                            Math.max(0, cap.max() - used));
                })
                .toList();
    }
}
