package io.parley.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection URL taken apart. Accepted forms:
 * {@code postgresql://user:password@host:port/db?opt=v}, {@code postgres://...} and
 * {@code jdbc:postgresql://host:port/db?user=u&password=p&opt=v}. Missing parts are empty (port: 5432);
 * parameters holds the remaining query options (sslmode...) without user and password.
 */
public record DatabaseUrl(String host, int port, String database, String user, Secret password,
                          Map<String, String> parameters) {

    public static final int DEFAULT_PORT = 5432;

    static final String EXPECTED = "is not a PostgreSQL URL (postgresql://user:password@host:5432/db,"
            + " postgres://... or jdbc:postgresql://host:5432/db?user=..&password=..)";

    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*):[^@/]*@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("([?&]password=)[^&#]*");

    public DatabaseUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        parameters = Map.copyOf(parameters);
    }

    /** Parses one of the accepted forms; IllegalArgumentException says what was expected. */
    public static DatabaseUrl parse(String url) {
        String text = url.trim();
        boolean jdbc = text.startsWith("jdbc:postgresql://");
        if (jdbc) {
            text = text.substring("jdbc:".length());
        } else if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
            throw new IllegalArgumentException(EXPECTED);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(EXPECTED, e);
        }
        if (uri.getHost() == null || uri.getRawFragment() != null || (jdbc && uri.getRawUserInfo() != null)) {
            throw new IllegalArgumentException(EXPECTED);
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(EXPECTED);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.isEmpty() || path.equals("/") ? "" : decode(path.substring(1));
        if (database.contains("/")) {
            throw new IllegalArgumentException(EXPECTED);
        }
        Map<String, String> parameters = query(uri.getRawQuery());
        String user = parameters.getOrDefault("user", "");
        String password = parameters.getOrDefault("password", "");
        parameters.remove("user");
        parameters.remove("password");
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? password : decode(userInfo.substring(colon + 1));
        }
        return new DatabaseUrl(uri.getHost(), port, database, user, Secret.of(password), parameters);
    }

    /** The URL with any password replaced by ****, fit for messages and logs. */
    public static String mask(String url) {
        String masked = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:****@");
        return QUERY_PASSWORD.matcher(masked).replaceAll("$1****");
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name.isEmpty()) {
                throw new IllegalArgumentException(EXPECTED);
            }
            parameters.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(EXPECTED, e);
        }
    }
}
