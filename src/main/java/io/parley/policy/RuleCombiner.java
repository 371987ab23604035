package io.parley.policy;

import io.parley.domain.Channel;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Combines the rule packs in force into the rules for one channel: the strictest of each rule wins, and each
 * names the pack it comes from.
 * <ul>
 *     <li>contact hours: the latest start and the earliest end among the packs that list the channel (a pack that
 *     lists no {@code visit} rules sets a field visit's from its contact hours, see {@link VisitRules}); a pack that
 *     does not list the channel sets no hours for it, and when no pack lists it the channel is unrestricted:
 *     from {@link #START_OF_DAY} until {@link #END_OF_DAY} (24:00), named {@link #NO_PACK};</li>
 *     <li>no-contact days: every day any pack forbids, with the first pack that forbids it;</li>
 *     <li>caps: every cap each pack declares for the channel, and every cross-channel cap that names it;</li>
 *     <li>the longest lockout after a conversation, and the largest number of failures before a third party;</li>
 *     <li>what a call must do ({@link CallConductRules}).</li>
 * </ul>
 * On a tie the first pack in the list is named.
 */
public final class RuleCombiner {
    /** Names the source of a rule that no pack sets. */
    public static final String NO_PACK = "none";
    /** Where unrestricted hours start. */
    public static final LocalTime START_OF_DAY = LocalTime.MIDNIGHT;
    /**
     * Where unrestricted hours end: {@link LocalTime#MAX} stands for 24:00, the end of the day, and the contact
     * hours treat it so (the last nanosecond of the day is allowed too).
     */
    public static final LocalTime END_OF_DAY = LocalTime.MAX;

    private RuleCombiner() {
    }

    public static EffectiveRules combine(List<RulePack> packs, Channel channel) {
        Sourced<LocalTime> from = null;
        Sourced<LocalTime> until = null;
        Sourced<Duration> lockout = null;
        Sourced<Integer> thirdParty = null;
        Map<DayOfWeek, String> noContactDays = new EnumMap<>(DayOfWeek.class);
        List<Cap> caps = new ArrayList<>();
        for (RulePack pack : packs) {
            Optional<ChannelRules> listed = pack.rulesFor(channel)
                    .or(() -> channel == Channel.VISIT ? VisitRules.fromContactHours(pack) : Optional.empty());
            if (listed.isPresent()) {
                ChannelRules rules = listed.get();
                if (from == null || rules.from().isAfter(from.value())) {
                    from = new Sourced<>(rules.from(), pack.id());
                }
                if (until == null || rules.until().isBefore(until.value())) {
                    until = new Sourced<>(rules.until(), pack.id());
                }
                if (lockout == null || rules.lockoutAfterConversation().compareTo(lockout.value()) > 0) {
                    lockout = new Sourced<>(rules.lockoutAfterConversation(), pack.id());
                }
                rules.noContactDays().forEach(day -> noContactDays.putIfAbsent(day, pack.id()));
                caps.addAll(rules.caps());
            }
            pack.caps().stream().filter(cap -> cap.channels().contains(channel)).forEach(caps::add);
            if (thirdParty == null || pack.thirdPartyAfterFailures() > thirdParty.value()) {
                thirdParty = new Sourced<>(pack.thirdPartyAfterFailures(), pack.id());
            }
        }
        return new EffectiveRules(packs.stream().map(RulePack::id).toList(), channel,
                from != null ? from : new Sourced<>(START_OF_DAY, NO_PACK),
                until != null ? until : new Sourced<>(END_OF_DAY, NO_PACK),
                noContactDays, caps,
                lockout != null ? lockout : new Sourced<>(Duration.ZERO, NO_PACK),
                thirdParty != null ? thirdParty : new Sourced<>(0, NO_PACK), CallConductRules.combine(packs));
    }
}
