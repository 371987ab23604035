package io.parley.reply;

import io.parley.domain.Channel;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an opt-out stops: every contact (a cease), the channels the reply named ("stop emailing me" stops email
 * whichever channel it came on), or, when it named none ("STOP", "别发了"), the channel the reply came on.
 */
public record OptOutScope(boolean everything, Set<Channel> named) {
    public static final OptOutScope ALL = new OptOutScope(true, Set.of());
    public static final OptOutScope REPLY_CHANNEL = new OptOutScope(false, Set.of());

    public OptOutScope {
        named = Set.copyOf(Objects.requireNonNull(named, "named"));
        if (everything && !named.isEmpty()) {
            throw new IllegalArgumentException("a cease stops everything; it names no channels");
        }
    }

    public static OptOutScope of(Set<Channel> named) {
        return named.isEmpty() ? REPLY_CHANNEL : new OptOutScope(false, named);
    }

    /** True when the reply named no channel, so the opt-out stops the channel it came on. */
    public boolean replyChannel() {
        return !everything && named.isEmpty();
    }

    /** The channels stopped for a reply that came on {@code arrivedOn} (empty for a cease: it stops everything). */
    public Set<Channel> channels(Channel arrivedOn) {
        if (everything) {
            return Set.of();
        }
        return named.isEmpty() ? Set.of(Objects.requireNonNull(arrivedOn, "arrivedOn")) : named;
    }

    /** "all", "the channel it came on", or the channels named ("sms, voice"). */
    public String describe() {
        if (everything) {
            return "all";
        }
        return named.isEmpty() ? "the channel it came on" : wires(named);
    }

    static String wires(Set<Channel> channels) {
        return channels.stream().map(Channel::wire).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(", "));
    }
}
