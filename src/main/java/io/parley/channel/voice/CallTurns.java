package io.parley.channel.voice;

import io.parley.channel.ChannelServices;
import io.parley.channel.voice.flow.CallFlow;
import io.parley.channel.voice.flow.CallState;
import io.parley.channel.voice.flow.FlowEvent;
import io.parley.channel.voice.flow.Turn;
import io.parley.channel.voice.store.VoiceCalls;
import io.parley.domain.Channel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Answers Twilio's requests during a call: the call locked, the flow moved one turn (answered, keys, nothing keyed,
 * a transfer ended), the TwiML of that turn saved with the new state and returned. A request for a turn already
 * answered (Twilio trying again) gets the same TwiML and changes nothing. Before the answer goes back, the turn is
 * on the case timeline (what was heard and what is said), with its flow events, and acted on: a promise recorded as
 * a reply's is, the number opted out of calls.
 */
final class CallTurns {
    private static final Logger LOG = LoggerFactory.getLogger(CallTurns.class);
    /** The timeline kind of one turn: what the callee did and everything the call said then. */
    static final String TURN = "call.turn";

    private final Pool pool;
    private final ChannelServices services;
    private final CallLinks links;
    private final int listenSeconds;
    private final Clock clock;

    CallTurns(Pool pool, ChannelServices services, CallLinks links, int listenSeconds, Clock clock) {
        this.pool = pool;
        this.services = services;
        this.links = links;
        this.listenSeconds = listenSeconds;
        this.clock = clock;
    }

    /** The call was answered (by a person, or a machine when AnsweredBy says so). */
    Future<String> answer(UUID attempt, String answeredBy, String callSid) {
        return play(attempt, 0, callSid, new JsonObject().put("answeredBy", answeredBy),
                (flow, state) -> flow.answered(state, answeredBy));
    }

    /** Keys pressed in answer to a turn's question; null when nothing was keyed before it timed out. */
    Future<String> keys(UUID attempt, int turn, String digits, String callSid) {
        JsonObject heard = digits == null ? new JsonObject().put("keys", null).put("silence", true)
                : new JsonObject().put("keys", digits);
        return play(attempt, turn, callSid, heard, (flow, state) -> digits == null ? flow.silence(state)
                : flow.keys(state, digits, clock.instant()));
    }

    /** The transfer to an agent ended. */
    Future<String> dialed(UUID attempt, int turn, String dialStatus, String callSid) {
        return play(attempt, turn, callSid, new JsonObject().put("transferEnded", dialStatus),
                (flow, state) -> flow.transferEnded(state));
    }

    /** A turn played, or (turn null) a request already answered. */
    private record Played(String twiml, Turn turn, VoiceCalls.StoredCall call) {
    }

    private Future<String> play(UUID attempt, int turn, String callSid, JsonObject heard,
                                BiFunction<CallFlow, CallState, Turn> next) {
        return VoiceCalls.<Played>change(pool, attempt, call -> {
            if (call.state().turn() != turn) {
                String again = call.lastTwiml() == null ? CallTwiml.hangUp() : call.lastTwiml();
                return new VoiceCalls.Change<>(null, null, new Played(again, null, call));
            }
            Turn played = next.apply(new CallFlow(call.script(), call.rules()), call.state());
            String twiml = CallTwiml.render(played, new CallTwiml.Speech(call.script().voice(),
                    call.script().language()), links.forTurn(attempt, played.state().turn()), listenSeconds);
            return new VoiceCalls.Change<>(played.state(), twiml, new Played(twiml, played, call));
        }, clock.instant()).compose(found -> {
            if (found.isEmpty()) {
                LOG.warn("Twilio asked about a call Parley did not place (attempt {}): hanging up", attempt);
                return Future.succeededFuture(CallTwiml.hangUp());
            }
            Played p = found.get();
            return p.turn() == null ? Future.succeededFuture(p.twiml())
                    : effects(attempt, p, heard, callSid).map(p.twiml());
        });
    }

    /** The turn on the timeline, then what it does beyond the call; a failure is logged, the call goes on. */
    private Future<Void> effects(UUID attempt, Played p, JsonObject heard, String callSid) {
        Turn turn = p.turn();
        JsonObject said = heard.copy().put("turn", turn.state().turn()).put("callSid", callSid)
                .put("said", new JsonArray(turn.spoken())).put("next", next(turn.next()));
        Future<Void> chain = services.note(attempt, TURN, said);
        for (FlowEvent event : turn.events()) {
            chain = chain.compose(v -> services.note(attempt, event.kind(), new JsonObject(
                    new java.util.LinkedHashMap<>(event.data())).put("callSid", callSid)));
            if (FlowEvent.PROMISE.equals(event.kind())) {
                CallState s = turn.state();
                chain = chain.compose(v -> services.promise(Channel.VOICE, attempt, s.amount(), s.date(), callSid));
            }
            if (FlowEvent.OPTED_OUT.equals(event.kind())) {
                chain = chain.compose(v -> services.contactPoint(Channel.VOICE, p.call().to(),
                        ChannelServices.ContactPointStanding.OPTED_OUT, "keyed 9 in call " + callSid).mapEmpty());
            }
        }
        return chain.recover(e -> {
            LOG.error("Call turn of attempt {} was answered but not fully recorded", attempt, e);
            return Future.succeededFuture();
        });
    }

    private static String next(Turn.Next next) {
        if (next instanceof Turn.Ask ask) {
            return ask.untilPound() ? "keys then #" : "one key";
        }
        return next instanceof Turn.Transfer ? "transfer" : "hang up";
    }
}
