package io.parley.store;

import io.parley.domain.Debtor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;

/**
 * The debtor a case is about, as its latest enrollment names them, with their contact points and the rule packs that
 * enrollment asked for (empty: derived from the debtor).
 */
public record CaseDebtor(String caseId, Debtor debtor, List<String> policyPacks) {
    private static final String FIND = """
            SELECT e.debtor_id, e.policy_packs, d.name, d.locale, d.time_zone, d.address,
                   COALESCE((SELECT jsonb_agg(jsonb_build_object('id', cp.id, 'channel', cp.channel,
                             'address', cp.address, 'type', cp.type, 'consent', cp.consent, 'status', cp.status)
                             ORDER BY cp.id) FROM contact_point cp WHERE cp.debtor_id = d.id), '[]'::jsonb) AS contacts
            FROM enrollment e JOIN debtor d ON d.id = e.debtor_id
            WHERE e.case_id = $1 ORDER BY e.created_at DESC LIMIT 1""";

    public CaseDebtor {
        policyPacks = List.copyOf(policyPacks);
    }

    /** Empty when the case was never enrolled. */
    public static Future<Optional<CaseDebtor>> find(SqlClient sql, String caseId) {
        return sql.preparedQuery(FIND).execute(Tuple.of(caseId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            Object contacts = r.getValue("contacts");
            JsonArray array = contacts instanceof JsonArray a ? a : new JsonArray(String.valueOf(contacts));
            Debtor debtor = Rows.debtor(r.getString("debtor_id"), r.getString("name"), r.getString("locale"),
                    r.getString("time_zone"), r.getJsonObject("address"), Rows.contacts(array));
            return Optional.of(new CaseDebtor(caseId, debtor, List.of(r.getArrayOfStrings("policy_packs"))));
        });
    }
}
