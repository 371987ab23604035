package io.parley.store;

import io.parley.policy.Decision;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import static io.parley.store.Unnest.col;

/** Compliance decisions as evaluated, with their reasons: the answer to "why did (or didn't) this contact happen?" */
public final class Decisions {
    private static final String INSERT = """
            INSERT INTO decision (enrollment_id, case_id, run_no, step_id, channel, outcome, until_at, rule, reasons,
                                  attempt_id, decided_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";
    private static final String INSERT_ALL = """
            INSERT INTO decision (enrollment_id, case_id, run_no, step_id, channel, outcome, until_at, rule, reasons,
                                  attempt_id, decided_at)
            SELECT enrollment_id, case_id, run_no, step_id, channel, outcome, until_at, rule, reasons::jsonb,
                   attempt_id, decided_at
            FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                        $8::text[], $9::text[], $10::uuid[], $11::timestamptz[])
                 AS u(enrollment_id, case_id, run_no, step_id, channel, outcome, until_at, rule, reasons, attempt_id,
                      decided_at)""";

    private Decisions() {
    }

    /** A decision about one step run; channel is null when no channel could be chosen. */
    public record Recorded(UUID enrollmentId, String caseId, int runNo, String stepId, String channel,
                           Decision decision, UUID attemptId, Instant at) {
        public JsonObject asTimelineData() {
            JsonObject data = json(decision).put("stepId", stepId).put("runNo", runNo).put("channel", channel);
            if (attemptId != null) {
                data.put("attemptId", attemptId.toString());
            }
            return data;
        }

        Tuple tuple() {
            Instant until = decision instanceof Decision.Defer d ? d.until() : null;
            return Tuple.from(new Object[]{enrollmentId, caseId, runNo, stepId, channel, decision.outcome(),
                    Rows.ts(until), decision.rule(), explanation(decision), attemptId, Rows.ts(at)});
        }
    }

    /** A decision as shown in the timeline and in previews: outcome, rule, until, reasons and facts. */
    public static JsonObject json(Decision decision) {
        JsonObject data = explanation(decision).put("outcome", decision.outcome()).put("rule", decision.rule());
        if (decision instanceof Decision.Defer d) {
            data.put("until", d.until().toString());
        }
        return data;
    }

    private static JsonObject explanation(Decision decision) {
        return new JsonObject()
                .put("reasons", new JsonArray(List.copyOf(decision.reasons())))
                .put("facts", new JsonObject(new LinkedHashMap<>(decision.facts())));
    }

    public static Future<Void> insert(SqlClient sql, List<Recorded> decisions) {
        if (decisions.size() <= 1) {
            return DueSteps.batch(sql, INSERT, decisions.stream().map(Recorded::tuple).toList());
        }
        return sql.preparedQuery(INSERT_ALL).execute(Unnest.arrays(decisions, col(UUID.class, Recorded::enrollmentId),
                col(String.class, Recorded::caseId), col(Integer.class, Recorded::runNo),
                col(String.class, Recorded::stepId), col(String.class, Recorded::channel),
                col(String.class, d -> d.decision().outcome()),
                col(OffsetDateTime.class, d -> Rows.ts(d.decision() instanceof Decision.Defer w ? w.until() : null)),
                col(String.class, d -> d.decision().rule()), col(String.class, d -> explanation(d.decision()).encode()),
                col(UUID.class, Recorded::attemptId), col(OffsetDateTime.class, d -> Rows.ts(d.at())))).mapEmpty();
    }
}
