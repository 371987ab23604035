package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.parley.store.Unnest.col;

/**
 * The outbox: the timeline entries the collection engine hears about become case events in the same transaction,
 * with the same per-case number, and their case is marked for webhook delivery.
 */
public final class Outbox {
    /**
     * Timeline kinds the engine is told about, each as a case event of the same type (a decision only when it
     * suppresses an attempt, as {@link #ATTEMPT_SUPPRESSED}).
     */
    public static final Set<String> KINDS = Set.of(TimelineKinds.ATTEMPT_STATUS, TimelineKinds.ATTEMPT_UNKNOWN,
            TimelineKinds.ENROLLMENT_CREATED, TimelineKinds.ENROLLMENT_COMPLETED, TimelineKinds.ENROLLMENT_STOPPED,
            TimelineKinds.ENROLLMENT_PAUSED, TimelineKinds.ENROLLMENT_RESUMED, TimelineKinds.ENROLLMENT_CANCELLED,
            TimelineKinds.CONTACT_OPTED_OUT, TimelineKinds.CONTACT_OPTED_IN, TimelineKinds.CONTACT_INVALID,
            TimelineKinds.REPLY_RECEIVED, TimelineKinds.PROMISE_RECORDED, TimelineKinds.PROMISE_KEPT,
            TimelineKinds.PROMISE_BROKEN, TimelineKinds.AGENT_FLAGGED, TimelineKinds.HOLD_LIFTED,
            TimelineKinds.SUPPRESSION_LIFTED, TimelineKinds.TASK_CREATED, TimelineKinds.TASK_OUTCOME,
            TimelineKinds.TASK_CLOSED, TimelineKinds.TASK_COMPLIANCE_EXCEPTION);
    /** The case event a suppressing decision becomes. */
    public static final String ATTEMPT_SUPPRESSED = "attempt.suppressed";

    /**
     * An event's place in the feed is its transaction id, but never before the case's previous event: a transaction
     * that took its id early and then waited for the case's lock writes the later seq, and ordered by its own id it
     * would come first (seq 35, 38, 36). Taking the greater of the two keeps each case in seq order, and the feed
     * still shows it only once both transactions are over (the key is below every running transaction's id).
     */
    private static final String INSERT = """
            INSERT INTO case_event (txid, event_id, case_id, seq, type, payload, created_at)
            VALUES (GREATEST(pg_current_xact_id(), (SELECT e.txid FROM case_event e WHERE e.case_id = $2
                                                    ORDER BY e.seq DESC LIMIT 1)), $1, $2, $3, $4, $5, $6)""";
    private static final String INSERT_ALL = """
            INSERT INTO case_event (txid, event_id, case_id, seq, type, payload, created_at)
            SELECT GREATEST(pg_current_xact_id(), (SELECT e.txid FROM case_event e WHERE e.case_id = u.case_id
                                                   ORDER BY e.seq DESC LIMIT 1)),
                   u.event_id, u.case_id, u.seq, u.type, u.payload::jsonb, u.created_at
            FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::timestamptz[])
                 AS u(event_id, case_id, seq, type, payload, created_at)""";
    private static final String MARK_ALL = """
            INSERT INTO case_delivery (case_id, pending, next_attempt_at) SELECT c, true, $2 FROM unnest($1::text[]) c
            ON CONFLICT (case_id) DO UPDATE SET pending = true,
                next_attempt_at = CASE WHEN case_delivery.failures > 0 THEN case_delivery.next_attempt_at
                                       ELSE LEAST(case_delivery.next_attempt_at, EXCLUDED.next_attempt_at) END""";
    private static final String MARK = """
            INSERT INTO case_delivery (case_id, pending, next_attempt_at) VALUES ($1, true, $2)
            ON CONFLICT (case_id) DO UPDATE SET pending = true,
                next_attempt_at = CASE WHEN case_delivery.failures > 0 THEN case_delivery.next_attempt_at
                                       ELSE LEAST(case_delivery.next_attempt_at, EXCLUDED.next_attempt_at) END""";

    private Outbox() {
    }

    /** The event type a timeline entry becomes, or null when the engine is not told about it. */
    static String typeOf(TimelineEntry e) {
        if (TimelineKinds.DECISION.equals(e.kind())) {
            return "suppress".equals(e.data().getString("outcome")) ? ATTEMPT_SUPPRESSED : null;
        }
        return KINDS.contains(e.kind()) ? e.kind() : null;
    }

    /** Writes the events for entries already numbered (entry, seq), inside the caller's transaction (a connection). */
    static Future<Void> write(SqlClient sql, List<TimelineEntry> entries, List<Long> seqs) {
        List<Tuple> events = new ArrayList<>();
        java.util.SortedSet<String> cases = new TreeSet<>();
        Instant latest = Instant.EPOCH;
        for (int i = 0; i < entries.size(); i++) {
            TimelineEntry e = entries.get(i);
            String type = typeOf(e);
            if (type == null) {
                continue;
            }
            String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
            JsonObject payload = new JsonObject().put("type", type).put("timestamp", e.at().toString())
                    .put("data", new JsonObject().put("id", id).put("caseId", e.caseId()).put("seq", seqs.get(i))
                            .put("enrollmentId", e.enrollmentId() == null ? null : e.enrollmentId().toString())
                            .put("details", e.data()));
            events.add(Tuple.of(id, e.caseId(), seqs.get(i), type, payload, Rows.ts(e.at())));
            cases.add(e.caseId());
            latest = e.at().isAfter(latest) ? e.at() : latest;
        }
        if (events.isEmpty()) {
            return Future.succeededFuture();
        }
        Instant now = latest;
        // the events and the delivery mark sent together: the connection runs them in order, one round trip
        if (events.size() == 1) {
            return Future.all(sql.preparedQuery(INSERT).execute(events.get(0)),
                    sql.preparedQuery(MARK).execute(Tuple.of(cases.first(), Rows.ts(now)))).mapEmpty();
        }
        // an event's subquery sees the case's events of earlier statements only: those of this transaction share its
        // id, so the events of one case in one statement get the same place as they would one by one
        return Future.all(sql.preparedQuery(INSERT_ALL).execute(Unnest.arrays(events,
                        col(String.class, t -> t.getString(0)), col(String.class, t -> t.getString(1)),
                        col(Long.class, t -> t.getLong(2)), col(String.class, t -> t.getString(3)),
                        col(String.class, t -> ((JsonObject) t.getValue(4)).encode()),
                        col(OffsetDateTime.class, t -> (OffsetDateTime) t.getValue(5)))),
                sql.preparedQuery(MARK_ALL).execute(Tuple.of(cases.toArray(String[]::new), Rows.ts(now)))).mapEmpty();
    }
}
