package io.parley.inbound;

import io.parley.domain.AddressFormat;
import io.parley.domain.Channel;
import io.parley.store.ContactPointStatus;
import io.parley.store.Debtors;
import io.parley.store.Suppressions;
import io.parley.store.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a reply says about an address: suppressed (opted out, ceased, wrong number) on the address-level suppression
 * list, so it stays out of reach under every debtor who has it or will have it, and the contact point's status
 * changed for every debtor who has it now; or, for an opt-in, the opt-out lifted. Each change is written to the
 * timelines of the reply's cases.
 */
final class AddressStanding {
    private AddressStanding() {
    }

    /** One change: which channel and address, to what, why, and from which reply. */
    record Change(Channel channel, String address, Suppressions.Reason reason, List<ContactPointStatus> from,
                  ContactPointStatus to, String why, String kind, String sourceRef) {
    }

    /**
     * Records the suppression and moves the contact point of every debtor who has the address; true when anything
     * changed (the suppression is new, or a contact point moved).
     */
    static Future<Boolean> suppress(SqlConnection conn, Change c, ReplyTargets.Targets targets, Instant now,
                                    List<TimelineEntry> timeline) {
        return Suppressions.add(conn, new Suppressions.New(c.channel(), c.address(), c.reason(), "reply",
                        c.sourceRef(), c.why()), now)
                .compose(added -> status(conn, c, targets, now, timeline).map(moved -> {
                    if (added && !moved) {
                        note(targets, now, timeline, c, new JsonObject().put("suppressed", c.reason().wire()));
                    }
                    return added || moved;
                }));
    }

    /** An opt-in: the opt-outs of the address lifted and its contact points valid again; true when anything changed. */
    static Future<Boolean> optIn(SqlConnection conn, Change c, ReplyTargets.Targets targets, Instant now,
                                 List<TimelineEntry> timeline) {
        return Suppressions.lift(conn, c.channel(), c.address(), List.of(Suppressions.Reason.OPT_OUT), c.why(),
                        "reply " + c.sourceRef(), now)
                .compose(lifted -> status(conn, c, targets, now, timeline).map(moved -> {
                    if (!lifted.isEmpty() && !moved) {
                        note(targets, now, timeline, c, new JsonObject().put("lifted", lifted));
                    }
                    return !lifted.isEmpty() || moved;
                }));
    }

    /** The contact point's status for every debtor who has the address; true when any changed. */
    static Future<Boolean> status(SqlConnection conn, Change c, ReplyTargets.Targets targets, Instant now,
                                  List<TimelineEntry> timeline) {
        return Suppressions.debtors(conn, c.channel(), c.address()).compose(debtors -> {
            Set<String> all = new LinkedHashSet<>(targets.debtorIds());
            all.addAll(debtors);
            Future<Boolean> changed = Future.succeededFuture(false);
            for (String debtor : all) {
                changed = changed.compose(any -> Debtors.setStatus(conn, debtor, c.channel(), c.address(), c.from(),
                        c.to(), c.why(), now).map(result -> {
                            if (result.orElse(false)) {
                                note(targets, now, timeline, c, new JsonObject().put("debtorId", debtor));
                                return true;
                            }
                            return any;
                        }));
            }
            return changed;
        });
    }

    /**
     * The addresses an opt-out of {@code channel} concerns: the reply's own address when the channel reaches the
     * same kind of address (an SMS naming calls stops calls to that number), else the replying debtors' addresses
     * on that channel ("stop emailing me" sent by SMS stops their email addresses).
     */
    static Future<List<String>> addresses(SqlConnection conn, Channel channel, Channel arrivedOn,
                                          ReplyTargets.Targets targets) {
        if (channel == arrivedOn || channel.format() == arrivedOn.format() && channel.format() == AddressFormat.PHONE) {
            return Future.succeededFuture(targets.address() == null ? List.of() : List.of(targets.address()));
        }
        return targets.debtorIds().isEmpty() ? Future.succeededFuture(List.of())
                : Debtors.addresses(conn, targets.debtorIds(), channel);
    }

    /** The channels that reach an address of this kind: SMS and calls for a phone number, else the channel alone. */
    static List<Channel> reaching(Channel channel) {
        if (channel.format() != AddressFormat.PHONE) {
            return List.of(channel);
        }
        List<Channel> out = new ArrayList<>();
        for (Channel c : Channel.declared()) {
            if (c.format() == AddressFormat.PHONE) {
                out.add(c);
            }
        }
        return out;
    }

    private static void note(ReplyTargets.Targets targets, Instant now, List<TimelineEntry> timeline, Change c,
                             JsonObject extra) {
        for (String caseId : targets.caseIds()) {
            timeline.add(new TimelineEntry(caseId, null, now, c.kind(), new JsonObject()
                    .put("channel", c.channel().wire()).put("address", c.address()).put("reason", c.why())
                    .mergeIn(extra)));
        }
    }
}
