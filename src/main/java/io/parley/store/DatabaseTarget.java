package io.parley.store;

import io.vertx.pgclient.PgConnectOptions;

import java.util.Properties;

/** Where the service's PostgreSQL is: connection options for the reactive client and the JDBC URL for migrations. */
public record DatabaseTarget(String host, int port, String database, String user, String password) {

    public PgConnectOptions connectOptions() {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(host).setPort(port).setDatabase(database).setUser(user)
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheMaxSize(512)
                .setPipeliningLimit(256);
        return password == null ? options : options.setPassword(password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Properties jdbcProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
