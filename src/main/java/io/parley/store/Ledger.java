package io.parley.store;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.domain.ContactType;
import io.parley.policy.ContactHistory;
import io.parley.policy.ContactPreferences;
import io.parley.policy.PastContact;
import io.parley.policy.ContactRequest.BorrowerReach;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contact ledger: every attempt made to a debtor across their cases, as the compliance policy counts them.
 * Read inside the dispatch transaction after the debtor's lock, so caps hold across instances.
 */
public final class Ledger {
    /** How far back caps and lockouts look (rule packs allow windows up to 31 days). */
    public static final Duration LOOKBACK = Duration.ofDays(32);

    private static final String CURRENT = """
            SELECT d.id, d.preferences,
                   COALESCE((SELECT jsonb_object_agg(cp.id::text, cp.status) FROM contact_point cp
                             WHERE cp.debtor_id = d.id), '{}'::jsonb) AS statuses,
                   COALESCE((SELECT jsonb_object_agg(cp.id::text, s.why) FROM contact_point cp
                             JOIN LATERAL (SELECT string_agg(s.reason || ' by ' || s.source
                                                  || COALESCE(' (' || s.detail || ')', '') || ' since '
                                                  || to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                                  '; ' ORDER BY s.created_at) AS why
                                           FROM address_suppression s
                                           WHERE s.channel = cp.channel AND s.address = lower(cp.address)
                                             AND s.lifted_at IS NULL) s ON s.why IS NOT NULL
                             WHERE cp.debtor_id = d.id), '{}'::jsonb) AS suppressed
            FROM debtor d WHERE d.id = ANY($1)""";
    private static final String HISTORY = """
            SELECT debtor_id, case_id, channel, contact_address, contact_type, status, outcome, created_at FROM attempt
            WHERE debtor_id = ANY($1) AND created_at > $2 ORDER BY created_at""";

    private Ledger() {
    }

    /**
     * Each debtor's history within the lookback, how reachable the borrower has been, and their preferences and
     * contact points' statuses as they are now (an opt-out may have come in since the step was claimed).
     */
    public static Future<Map<String, DebtorRecord>> read(SqlClient sql, List<String> debtorIds, Instant now,
                                                         LedgerCounting counting) {
        String[] ids = debtorIds.stream().distinct().toArray(String[]::new);
        Map<String, List<Row>> rows = new HashMap<>();
        Map<String, Row> current = new HashMap<>();
        // both sent at once: on one connection they run one after the other, with one round trip between them
        Future<io.vertx.sqlclient.RowSet<Row>> currentRows = sql.preparedQuery(CURRENT).execute(Tuple.of((Object) ids));
        Future<io.vertx.sqlclient.RowSet<Row>> history = sql.preparedQuery(HISTORY)
                .execute(Tuple.of(ids, Rows.ts(now.minus(LOOKBACK))));
        return Future.all(currentRows, history)
                .map(both -> {
                    currentRows.result().forEach(r -> current.put(r.getString("id"), r));
                    return history.result();
                })
                .map(result -> {
                    result.forEach(r -> rows.computeIfAbsent(r.getString("debtor_id"), k -> new ArrayList<>()).add(r));
                    Map<String, DebtorRecord> out = new HashMap<>();
                    for (String id : debtorIds) {
                        Row c = current.get(id);
                        Map<Long, ContactPointStatus> statuses = new HashMap<>();
                        Map<Long, String> suppressed = new HashMap<>();
                        if (c != null) {
                            c.getJsonObject("statuses").forEach(e -> statuses.put(Long.parseLong(e.getKey()),
                                    ContactPointStatus.parse(String.valueOf(e.getValue()))));
                            c.getJsonObject("suppressed").forEach(e -> suppressed.put(Long.parseLong(e.getKey()),
                                    String.valueOf(e.getValue())));
                        }
                        out.put(id, record(rows.getOrDefault(id, List.of()), counting,
                                c == null ? ContactPreferences.none() : Rows.preferences(c.getJsonObject("preferences")),
                                statuses, suppressed));
                    }
                    return out;
                });
    }

    /**
     * A debtor's history and reachability, preferences, the status of each contact point by id, and why each
     * suppressed contact point's address is on the suppression list.
     */
    public record DebtorRecord(ContactHistory history, BorrowerReach reach, ContactPreferences preferences,
                               Map<Long, ContactPointStatus> statuses, Map<Long, String> suppressed) {
        public DebtorRecord {
            statuses = Map.copyOf(statuses);
            suppressed = Map.copyOf(suppressed);
        }

        /** The same record with one more contact in its history. */
        public DebtorRecord with(io.parley.policy.PastContact contact) {
            return new DebtorRecord(history.with(contact), reach, preferences, statuses, suppressed);
        }
    }

    private static DebtorRecord record(List<Row> rows, LedgerCounting counting, ContactPreferences preferences,
                                       Map<Long, ContactPointStatus> statuses, Map<Long, String> suppressed) {
        List<PastContact> contacts = new ArrayList<>();
        int failuresInARow = 0;
        for (Row r : rows) {
            Channel channel = Channel.parse(r.getString("channel"));
            AttemptStatus status = AttemptStatus.parse(r.getString("status"));
            ContactType type = ContactType.parse(r.getString("contact_type"));
            Optional<AttemptOutcome> outcome = Optional.ofNullable(r.getString("outcome")).map(AttemptOutcome::of);
            LedgerCounting.Counted counted = counting.counts(channel, status, outcome,
                    Rows.instant(r.getOffsetDateTime("created_at")));
            if (!counted.kinds().isEmpty()) {
                contacts.add(new PastContact(r.getString("case_id"), channel, r.getString("contact_address"), type,
                        counted.at(), counted.kinds()));
            }
            if (!type.thirdParty()) {
                failuresInARow = failed(status) ? failuresInARow + 1 : 0;
            }
        }
        return new DebtorRecord(new ContactHistory(contacts), new BorrowerReach(failuresInARow, false), preferences,
                statuses, suppressed);
    }

    private static boolean failed(AttemptStatus status) {
        return status == AttemptStatus.FAILED || status == AttemptStatus.UNDELIVERED;
    }
}
