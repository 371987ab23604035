package io.parley.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The compliance policy: whether an attempt may go now, if not exactly when, or never and why.
 * <ol>
 *     <li>The rule packs in force are combined, strictest wins, into the rules for the attempt's channel
 *     ({@link RuleCombiner}).</li>
 *     <li>Never: a cease request, a refused channel, a third party while the borrower can be reached or with a
 *     message not fit for them, a work email without consent, contact hours that leave no time, a cap of zero.</li>
 *     <li>Otherwise the earliest instant at or after now at which every constraint holds (contact hours, no-contact
 *     days and inconvenient times in every candidate zone, every cap, the lockout after a conversation) is found by
 *     moving a candidate instant forward to a fixed point ({@link EarliestTime}). Now is an Allow; later a Defer
 *     to that exact instant, named by the rule that moved it last; none within the horizon is a Suppress.</li>
 * </ol>
 * A field visit's decision also carries its lawful window ({@link LawfulWindow}): from the instant allowed until the
 * first one at which a rule no longer holds in some candidate zone.
 * Pure: the time is only the {@code now} given.
 */
public final class ContactPolicy implements CompliancePolicy {
    static final String NO_ALLOWED_TIME = "no-allowed-time";
    /** A field visit's lawful window is looked for this far at most (hours nobody restricts stay open so long). */
    static final Duration LONGEST_WINDOW = Duration.ofDays(7);

    private final PackSelector packs;
    private final ZoneResolver zones;
    private final Duration horizon;

    /**
     * @param horizon how far ahead an allowed instant is looked for; with none in it the attempt is suppressed, so
     *                it should exceed the longest cap window and lockout in the packs
     */
    public ContactPolicy(PackSelector packs, ZoneResolver zones, Duration horizon) {
        this.packs = Objects.requireNonNull(packs, "packs");
        this.zones = Objects.requireNonNull(zones, "zones");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the horizon must be positive: " + horizon);
        }
        this.horizon = horizon;
    }

    @Override
    public Decision decide(ContactRequest request, Instant now) {
        List<RulePack> selected = packs.select(request.debtor(), request.requestedPacks());
        if (selected.isEmpty()) {
            throw new IllegalStateException("no rule pack is in force for debtor " + request.debtor().id());
        }
        List<CandidateZone> candidates = zones.candidates(request.debtor());
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no candidate zone for debtor " + request.debtor().id());
        }
        EffectiveRules rules = RuleCombiner.combine(selected, request.channel());
        List<CapUsage> caps = rules.caps().stream().flatMap(cap -> CapUsage.of(cap, request).stream()).toList();
        Optional<Lockout> lockout = Lockout.of(request, rules, candidates);
        Explanation explanation = new Explanation(rules, candidates, caps, lockout, now);
        Optional<Prohibitions.Prohibition> never = Prohibitions.find(request, rules, caps);
        if (never.isPresent()) {
            return explanation.suppress(never.get().rule(), never.get().reasons());
        }
        List<Constraint> constraints = Constraints.of(request, rules, candidates, caps, lockout);
        EarliestTime.Result found = EarliestTime.search(constraints, now, now.plus(horizon));
        if (request.channel() == io.parley.domain.Channel.VISIT && found.status() == EarliestTime.Status.FOUND) {
            Instant limit = found.at().plus(LONGEST_WINDOW);
            explanation.window(LawfulWindow.after(constraints, found.at(), limit.isBefore(now.plus(horizon))
                    ? limit : now.plus(horizon)));
        }
        return switch (found.status()) {
            case FOUND -> found.at().equals(now) ? explanation.allow() : explanation.defer(found, Optional.empty());
            case UNSETTLED -> explanation.defer(found, Optional.of("the search for an allowed time stopped after "
                    + EarliestTime.MAX_ROUNDS + " rounds at " + found.at() + "; it is evaluated again then"));
            case BEYOND_HORIZON -> explanation.suppress(NO_ALLOWED_TIME, reasonsBeyond(found));
        };
    }

    private List<String> reasonsBeyond(EarliestTime.Result found) {
        List<String> reasons = new ArrayList<>();
        reasons.add("no instant within " + Words.duration(horizon) + " satisfies every rule");
        found.waits().forEach(wait -> reasons.add(wait.reason()));
        return reasons;
    }
}
