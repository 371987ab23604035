package io.parley.policy;

import io.parley.domain.Channel;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads a pack's "channels" mapping: for each channel its contact hours, no-contact days, lockout and caps. */
final class PackChannelReader {
    static final List<String> FIELDS = List.of("hours", "noContactDays", "lockoutAfterConversation", "caps", "call");
    static final List<String> CALL_FIELDS = List.of("disclosure", "voicemail", "secondFactor", "promiseWithinDays");
    private static final Function<String, Channel> CHANNEL =
            PackValues.exact(Channel::parse, Channel::wire);

    private final PackCapReader caps;

    PackChannelReader(PackCapReader caps) {
        this.caps = caps;
    }

    Map<Channel, ChannelRules> read(PackNode root) {
        Map<Channel, ChannelRules> rules = new java.util.LinkedHashMap<>();
        root.value("channels", true).flatMap(value -> {
            if (value instanceof Map<?, ?> map && map.isEmpty()) {
                root.report("channels", "must list at least one channel");
            }
            return PackNode.open(value, root.path("channels"), root.problems(), wireNames());
        }).ifPresent(channels -> {
            for (Object key : channels.keys()) {
                Optional<Channel> channel = channel(String.valueOf(key));
                if (channel.isEmpty()) {
                    continue; // reported as an unknown field
                }
                String name = String.valueOf(key);
                channels.value(name, true)
                        .flatMap(value -> PackNode.open(value, channels.path(name), root.problems(), FIELDS))
                        .flatMap(node -> channelRules(node, channel.get()))
                        .ifPresent(read -> rules.put(channel.get(), read));
            }
        });
        return rules;
    }

    private Optional<ChannelRules> channelRules(PackNode node, Channel channel) {
        int before = node.problems().count();
        Optional<PackValues.Hours> hours = node.parsed("hours", true, PackValues::hours);
        Set<DayOfWeek> days = node.set("noContactDays", false, false, PackValues::day);
        if (days.size() == DayOfWeek.values().length) {
            node.report("noContactDays", "lists every day: leave the channel out of the pack's channels, or cap it"
                    + " at max 0, to forbid it");
        }
        Duration lockout = Duration.ZERO;
        if (node.has("lockoutAfterConversation")) {
            if (!Lockout.locksOut(channel)) {
                node.report("lockoutAfterConversation", "applies to calls only, and field visits: declare it under "
                        + "voice or visit");
            } else {
                lockout = node.parsed("lockoutAfterConversation", true, PackValues::wholeDays).orElse(Duration.ZERO);
            }
        }
        CallConduct call = CallConduct.UNSTATED;
        if (node.has("call")) {
            if (channel != Channel.VOICE) {
                node.report("call", "applies to calls only: declare it under voice");
            } else {
                call = node.value("call", true).flatMap(value -> PackNode.open(value, node.path("call"),
                        node.problems(), CALL_FIELDS)).map(PackChannelReader::call).orElse(CallConduct.UNSTATED);
            }
        }
        List<Cap> channelCaps = caps.channelCaps(node, channel);
        if (node.problems().count() != before) {
            return Optional.empty();
        }
        return Optional.of(new ChannelRules(hours.orElseThrow().from(), hours.orElseThrow().until(), days,
                channelCaps, lockout, call));
    }

    private static CallConduct call(PackNode node) {
        Integer days = node.integer("promiseWithinDays", false).orElse(null);
        if (days != null && (days < 0 || days > 365)) {
            node.report("promiseWithinDays", "must be 0 to 365 days, not " + days);
        }
        return new CallConduct(node.flag("disclosure").orElse(null),
                node.parsed("voicemail", false, CallConduct.Voicemail::parse).orElse(null),
                node.flag("secondFactor").orElse(null), days);
    }

    private static Optional<Channel> channel(String name) {
        try {
            return Optional.of(CHANNEL.apply(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> wireNames() {
        return Channel.declared().stream().map(Channel::wire).toList();
    }
}
