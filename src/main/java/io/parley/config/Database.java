package io.parley.config;

import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server. host, port, name, user and password always describe the server to connect to: when
 * database.url is given they are taken from it (parts it leaves out come from the separate keys). When neither
 * url nor host is set, the service starts an embedded PostgreSQL on embeddedPort (0 = any free port) under
 * data.dir. poolSize is the number of connections kept open.
 */
public record Database(String url, String host, int port, String name, String user, Secret password,
                       int poolSize, int embeddedPort) {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    public Database {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** True when no server is configured and the service runs its own. */
    public boolean embedded() {
        return url.isEmpty() && host.isEmpty();
    }

    /** Connection options carried in database.url's query (sslmode...), without user and password. */
    public Map<String, String> parameters() {
        return url.isEmpty() ? Map.of() : DatabaseUrl.parse(url).parameters();
    }

    @Override
    public String toString() {
        return "Database[url=" + DatabaseUrl.mask(url) + ", host=" + host + ", port=" + port + ", name=" + name
                + ", user=" + user + ", password=" + password + ", poolSize=" + poolSize
                + ", embeddedPort=" + embeddedPort + "]";
    }

    static Database read(ConfigReader r) {
        String host = r.get(Setting.DATABASE_HOST, ConfigValues.optionalHost());
        int port = r.get(Setting.DATABASE_PORT, ConfigValues.remotePort());
        String name = r.get(Setting.DATABASE_NAME, ConfigValues.required());
        String user = r.get(Setting.DATABASE_USER, ConfigValues.required());
        Secret password = r.get(Setting.DATABASE_PASSWORD, ConfigValues.secret());
        int poolSize = r.get(Setting.DATABASE_POOL_SIZE, ConfigValues.positiveInt());
        int embeddedPort = r.get(Setting.DATABASE_EMBEDDED_PORT, ConfigValues.listenPort());
        String url = r.text(Setting.DATABASE_URL);
        if (url.isEmpty()) {
            return new Database("", host, port, name, user, password, poolSize, embeddedPort);
        }
        DatabaseUrl parsed = r.get(Setting.DATABASE_URL, DatabaseUrl::parse, null);
        if (parsed == null) {
            return new Database("", host, port, name, user, password, poolSize, embeddedPort);
        }
        if (!host.isEmpty()) {
            LOG.warn("{} is set: {} and {} are ignored", Setting.DATABASE_URL.label(), Setting.DATABASE_HOST.key(),
                    Setting.DATABASE_PORT.key());
        }
        return new Database(url, parsed.host(), parsed.port(),
                parsed.database().isEmpty() ? name : parsed.database(),
                parsed.user().isEmpty() ? user : parsed.user(),
                parsed.password().isEmpty() ? password : parsed.password(),
                poolSize, embeddedPort);
    }
}
