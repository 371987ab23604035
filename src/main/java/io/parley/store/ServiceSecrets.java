package io.parley.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/** Keys the service makes for itself on first start and keeps in its database, shared by every instance. */
public final class ServiceSecrets {
    private static final String CREATE =
            "INSERT INTO service_secret (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING";
    private static final String READ = "SELECT value FROM service_secret WHERE name = $1";

    private ServiceSecrets() {
    }

    public static Future<byte[]> key(SqlClient sql, String name, Instant now) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return sql.preparedQuery(CREATE).execute(Tuple.of(name, Base64.getEncoder().encodeToString(fresh), Rows.ts(now)))
                .compose(v -> sql.preparedQuery(READ).execute(Tuple.of(name)))
                .map(rows -> Base64.getDecoder().decode(rows.iterator().next().getString(0)));
    }
}
