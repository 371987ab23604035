package io.parley.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A field visit is a contact. A pack that lists {@code visit} rules says when one may happen; a pack that lists none
 * still restricts visits by its contact hours: the narrowest hours among its channels (the latest start, the earliest
 * end), every no-contact day of any of its channels, and its longest lockout after a conversation. No cap of another
 * channel counts visits.
 */
final class VisitRules {
    private VisitRules() {
    }

    static Optional<ChannelRules> fromContactHours(RulePack pack) {
        if (pack.channels().isEmpty()) {
            return Optional.empty();
        }
        LocalTime from = LocalTime.MIN;
        LocalTime until = LocalTime.MAX;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Duration lockout = Duration.ZERO;
        for (ChannelRules rules : pack.channels().values()) {
            from = rules.from().isAfter(from) ? rules.from() : from;
            until = rules.until().isBefore(until) ? rules.until() : until;
            days.addAll(rules.noContactDays());
            lockout = rules.lockoutAfterConversation().compareTo(lockout) > 0 ? rules.lockoutAfterConversation() : lockout;
        }
        if (!from.isBefore(until)) {
            return Optional.empty();
        }
        return Optional.of(new ChannelRules(from, until, days, List.of(), lockout));
    }
}
