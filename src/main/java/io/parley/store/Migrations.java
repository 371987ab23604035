package io.parley.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with Flyway over JDBC. Blocking: run it on a worker thread at start. */
public final class Migrations {
    // the latest applied, by the order Flyway applied them: version is text, and max() of text puts "8" after "16"
    private static final String CURRENT = "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
            + " ORDER BY installed_rank DESC LIMIT 1";
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** The schema version the database is at: the last migration that succeeded. */
    public static Future<String> currentVersion(SqlClient sql) {
        return sql.query(CURRENT).execute().map(rows -> rows.iterator().next().getString(0));
    }

    public static void migrate(DatabaseTarget target) {
        Flyway flyway = Flyway.configure()
                .dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations("classpath:db/migration")
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info("Database {} at schema version {} ({} migration(s) applied)",
                target, result.targetSchemaVersion == null ? flyway.info().current().getVersion() : result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
