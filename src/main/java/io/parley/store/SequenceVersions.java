package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every sequence version ever loaded, kept as parsed, so a running enrollment keeps the version it started with
 * whatever happens to the files. A file that changes without a new version number is refused.
 */
public final class SequenceVersions {
    private static final String REGISTER = """
            INSERT INTO sequence_version (name, version, checksum, source, definition, loaded_at)
            VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (name, version) DO NOTHING""";
    private static final String ALL = "SELECT name, version, checksum, source, definition FROM sequence_version";

    private SequenceVersions() {
    }

    public record Stored(String name, int version, String checksum, String source, JsonObject definition) {
    }

    public static Future<Void> register(SqlClient sql, List<Stored> versions, Instant now) {
        List<Tuple> rows = versions.stream().map(v -> Tuple.of(v.name(), v.version(), v.checksum(), v.source(),
                v.definition(), Rows.ts(now))).toList();
        return DueSteps.batch(sql, REGISTER, rows);
    }

    public static Future<List<Stored>> all(SqlClient sql) {
        return sql.query(ALL).execute().map(rows -> {
            List<Stored> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Stored(r.getString("name"), r.getInteger("version"), r.getString("checksum"),
                        r.getString("source"), r.getJsonObject("definition")));
            }
            return out;
        });
    }
}
