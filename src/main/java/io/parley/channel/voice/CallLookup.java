package io.parley.channel.voice;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallReader;
import com.twilio.type.PhoneNumber;
import io.parley.channel.ProviderCalls;
import io.parley.channel.ProviderLookup;
import io.parley.channel.voice.flow.CallOutcomes;
import io.parley.channel.voice.flow.CallState;
import io.parley.channel.voice.store.VoiceCalls;
import io.parley.domain.AttemptStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What became of a call whose answer never came (a crash, or a connection reset after the request went out). A
 * call carries no field naming its attempt that Twilio can be asked by (its callback URLs are not searchable), so it
 * is looked up by whom it called and when: the calls to the attempt's number from the service's caller id, made
 * since the attempt was claimed (less {@link #SKEW}, for clocks that differ). Twilio fills a call's start time only
 * once it is dialled, so the calls still queued are asked for apart ({@code Status=queued}), and first.
 *
 * <p>The call found is linked to the attempt (its SID saved on the attempt's call, where it must be unique) and
 * settles it in the status Twilio gives. No such call: nothing was placed, and the step may run again. Twilio not
 * answering, or another attempt linking the same call meanwhile: the attempt stays in doubt and is asked about again.
 */
final class CallLookup {
    private static final Logger LOG = LoggerFactory.getLogger(CallLookup.class);
    /** How far before the claim a call may seem created, the provider's clock being behind ours. */
    static final Duration SKEW = Duration.ofSeconds(10);
    /** Calls read per question: a number gets a handful of calls a week (Regulation F's 7 in 7 days). */
    private static final int LIMIT = 100;

    private final TwilioRestClient client;
    private final ProviderCalls calls;
    private final Pool pool;
    private final String from;
    private final Clock clock;

    CallLookup(TwilioRestClient client, ProviderCalls calls, Pool pool, String from, Clock clock) {
        this.client = client;
        this.calls = calls;
        this.pool = pool;
        this.from = from;
        this.clock = clock;
    }

    /** Never fails: a question that fails answers CannotTell, so the attempt is asked about again later. */
    Future<ProviderLookup> lookup(ProviderLookup.Asked attempt) {
        Instant since = attempt.madeAt().minus(SKEW);
        return calls.ask(() -> candidates(attempt.to(), since))
                .compose(found -> choose(attempt.attemptId(), found))
                .otherwise(e -> {
                    LOG.warn("Could not ask Twilio for the call of attempt {}: {}", attempt.attemptId(), e.toString());
                    return new ProviderLookup.CannotTell(String.valueOf(e.getMessage()));
                });
    }

    /**
     * The calls that may be this attempt's, oldest first. The queued calls are asked for first: a call may be dialled
     * between the two questions, and it is then in the second answer, whereas asked the other way round it could
     * slip between them and seem absent. Twilio dates a call to the second and lists the newest first, so calls of
     * the same second keep the list's order, reversed; a call already dialled goes before one still queued (Twilio
     * dials an account's calls in turn).
     */
    private List<Found> candidates(String to, Instant since) {
        List<Call> queued = read(Call.reader().setTo(new PhoneNumber(to)).setFrom(new PhoneNumber(from))
                .setStatus(Call.Status.QUEUED));
        List<Call> started = read(Call.reader().setTo(new PhoneNumber(to)).setFrom(new PhoneNumber(from))
                .setStartTimeAfter(since.atZone(ZoneOffset.UTC)));
        Map<String, Found> bySid = new LinkedHashMap<>();
        add(bySid, started, 0, to, since);
        add(bySid, queued, LIMIT, to, since); // a call in both answers keeps the second one's, fresher
        return bySid.values().stream().sorted(Comparator.comparing(Found::created,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparingInt(Found::order)).toList();
    }

    private List<Call> read(CallReader reader) {
        List<Call> newestFirst = new ArrayList<>();
        reader.setPageSize((long) LIMIT).limit(LIMIT).read(client).forEach(newestFirst::add);
        return newestFirst;
    }

    private void add(Map<String, Found> bySid, List<Call> newestFirst, int firstOrder, String to, Instant since) {
        for (int i = 0; i < newestFirst.size(); i++) {
            Call call = newestFirst.get(i);
            Instant created = call.getDateCreated() == null ? null : call.getDateCreated().toInstant();
            // the filters are asked of Twilio, and checked again here (numbers by their digits, however written): no
            // call but this attempt's may settle it
            boolean same = digits(to).equals(digits(call.getTo())) && digits(from).equals(digits(call.getFrom()))
                    && (created == null || !created.isBefore(since));
            if (same) {
                bySid.putIfAbsent(call.getSid(), new Found(call.getSid(),
                        TwilioCallStatus.parse(String.valueOf(call.getStatus())), created,
                        firstOrder + newestFirst.size() - 1 - i));
            }
        }
    }

    private static String digits(String number) {
        return number == null ? "" : number.replaceAll("[^0-9]", "");
    }

    /**
     * The attempt's own call when its SID was saved; otherwise the earliest call not linked to another attempt.
     * Each attempt places one call, after it was claimed, and a later attempt to the same number is claimed after
     * this one, so its call comes after this one's: the earliest free call is this attempt's. A call another attempt
     * already holds is never taken (it is that attempt's), and when every call found is held, this attempt placed
     * none.
     */
    private Future<ProviderLookup> choose(UUID attemptId, List<Found> found) {
        return VoiceCalls.links(pool, attemptId, found.stream().map(Found::sid).toList()).compose(links -> {
            Optional<String> own = links.stream().filter(l -> l.attemptId().equals(attemptId))
                    .map(VoiceCalls.Link::callSid).findFirst();
            if (own.isPresent()) {
                // Twilio gave this SID when it took the call: it has the call, listed or not (then it is taken as
                // the sender would have taken it, queued, its call's status left as it was)
                return found.stream().filter(f -> f.sid().equals(own.get())).findFirst()
                        .map(call -> settle(attemptId, call))
                        .orElseGet(() -> Future.succeededFuture(new ProviderLookup.Found(AttemptStatus.QUEUED,
                                own.get())));
            }
            List<String> held = links.stream().map(VoiceCalls.Link::callSid).toList();
            return found.stream().filter(f -> !held.contains(f.sid())).findFirst()
                    .map(call -> settle(attemptId, call))
                    .orElseGet(() -> Future.succeededFuture(new ProviderLookup.Absent()));
        });
    }

    /**
     * Links the call to the attempt (failing when another attempt took it meanwhile: its SID is unique) and answers
     * the attempt status Twilio's call status means, with the outcome once the call has ended.
     */
    private Future<ProviderLookup> settle(UUID attemptId, Found call) {
        return VoiceCalls.status(pool, attemptId, call.status(), call.sid(), clock.instant()).map(stored -> {
            if (stored.isPresent() && !call.sid().equals(stored.get().callSid())) {
                return new ProviderLookup.CannotTell("the attempt's call is " + stored.get().callSid() + ", not "
                        + call.sid());
            }
            CallState state = stored.map(VoiceCalls.StoredCall::state).orElse(CallState.dialling());
            return new ProviderLookup.Found(TwilioCallStatus.toAttemptStatus(call.status(), state), call.sid(),
                    TwilioCallStatus.isFinal(call.status()) ? CallOutcomes.of(state, call.status()) : null);
        });
    }

    /** A call Twilio listed: its SID, status, when it was created, and its place among those listed. */
    private record Found(String sid, String status, Instant created, int order) {
    }
}
