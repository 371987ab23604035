package io.parley.policy;

import io.parley.domain.Channel;
import io.parley.domain.ContactType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the caps of one pack: those under a channel (counting that channel only) and those across channels (each
 * naming the channels it counts). Cap ids are qualified "pack/channel/id", or "pack/all/id" across channels.
 */
final class PackCapReader {
    static final List<String> PACK_CAP_FIELDS = List.of("id", "max", "window", "scope", "counts", "channels",
            "toTypes");
    static final String ACROSS_CHANNELS = "all";

    private final String packId;

    PackCapReader(String packId) {
        this.packId = packId;
    }

    /** The caps listed under "caps" of a channel's rules. */
    List<Cap> channelCaps(PackNode rules, Channel channel) {
        return read(rules, Optional.of(channel));
    }

    /** The caps listed under the pack's top-level "caps". */
    List<Cap> packCaps(PackNode root) {
        return read(root, Optional.empty());
    }

    private List<Cap> read(PackNode parent, Optional<Channel> channel) {
        List<Cap> caps = new ArrayList<>();
        Map<String, String> firstPath = new HashMap<>();
        for (PackNode node : parent.nodes("caps", PACK_CAP_FIELDS)) {
            int before = node.problems().count();
            if (channel.isPresent() && node.has("channels")) {
                node.report("channels", "a cap under a channel counts that channel only; declare caps across"
                        + " channels in the top-level caps");
            }
            Optional<String> id = node.parsed("id", true, PackCapReader::capId);
            id.ifPresent(text -> {
                String earlier = firstPath.putIfAbsent(text, node.path());
                if (earlier != null) {
                    node.report("id", "duplicate cap id '" + text + "': also the id of " + earlier);
                }
            });
            Optional<Integer> max = node.integer("max", true).filter(value -> {
                if (value < 0) {
                    node.report("max", value + " is negative: max must be 0 or more");
                }
                return value >= 0;
            });
            Optional<Duration> window = node.parsed("window", true, PackValues::window);
            Optional<CapScope> scope = node.parsed("scope", true, PackValues.exact(CapScope::parse, CapScope::wire));
            Set<ContactKind> counts = node.set("counts", true, true,
                    PackValues.exact(ContactKind::parse, ContactKind::wire));
            Set<Channel> channels = channel.isPresent() ? Set.of()
                    : node.set("channels", true, true, PackValues.exact(Channel::parse, Channel::wire));
            Set<ContactType> toTypes = node.set("toTypes", false, true,
                    PackValues.exact(ContactType::parse, ContactType::wire));
            checkCounted(node, counts, channel.map(Set::of).orElse(channels), channel.isPresent());
            if (node.problems().count() == before) {
                String scopeName = channel.map(Channel::wire).orElse(ACROSS_CHANNELS);
                caps.add(new Cap(packId + "/" + scopeName + "/" + id.orElseThrow(), max.orElseThrow(),
                        window.orElseThrow(), scope.orElseThrow(), counts, channels, toTypes));
            }
        }
        return caps;
    }

    /** Every counted kind is made on a covered channel, and every covered channel has a counted kind. */
    private static void checkCounted(PackNode node, Set<ContactKind> counts, Set<Channel> covered, boolean underChannel) {
        if (counts.isEmpty() || covered.isEmpty()) {
            return;
        }
        Set<Channel> countedOn = new java.util.LinkedHashSet<>();
        for (ContactKind kind : counts) {
            Channel on = PackKinds.channelOf(kind);
            countedOn.add(on);
            if (!covered.contains(on)) {
                node.report("counts", "'" + kind.wire()
                        + "' is a " + on.wire() + " contact, which this cap never counts (it counts "
                        + (underChannel ? "its channel, " : "channels ") + names(covered) + ")");
            }
        }
        if (!underChannel) {
            for (Channel channel : covered) {
                if (!countedOn.contains(channel)) {
                    node.report("channels", "'" + channel.wire() + "' is listed but none of the counted kinds is a "
                            + channel.wire() + " contact");
                }
            }
        }
    }

    private static String capId(String text) {
        if (!PackValues.ID.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' must be lower-case letters and digits in words"
                    + " joined by single dashes (e.g. 7-in-7)");
        }
        return text;
    }

    private static String names(Set<Channel> channels) {
        return String.join(", ", channels.stream().sorted().map(Channel::wire).toList());
    }
}
