package io.parley.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The value types configuration is made of, each with the wording used when a value does not fit. */
public final class ConfigValues {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%\\[\\]-]+");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private ConfigValues() {
    }

    public static ValueParser<String> text() {
        return text -> text;
    }

    public static ValueParser<String> required() {
        return text -> {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return text;
        };
    }

    public static ValueParser<Secret> secret() {
        return Secret::of;
    }

    /** A port to listen on: 0 lets the system pick a free one. */
    public static ValueParser<Integer> listenPort() {
        return port(0, "is not a port number (1-65535, or 0 for any free port)");
    }

    /** A port to connect to. */
    public static ValueParser<Integer> remotePort() {
        return port(1, "is not a port number (1-65535)");
    }

    private static ValueParser<Integer> port(int min, String expected) {
        return text -> {
            int port = integer(text, expected);
            if (port < min || port > 65535) {
                throw new IllegalArgumentException(expected);
            }
            return port;
        };
    }

    /** A whole number of zero or more. */
    public static ValueParser<Integer> nonNegativeInt() {
        return text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a whole number of zero or more", e);
            }
            if (value < 0) {
                throw new IllegalArgumentException("is not a whole number of zero or more");
            }
            return value;
        };
    }

    public static ValueParser<Integer> positiveInt() {
        return range(1, Integer.MAX_VALUE, "is not a positive whole number");
    }

    public static ValueParser<Integer> range(int min, int max, String expected) {
        return text -> {
            int value = integer(text, expected);
            if (value < min || value > max) {
                throw new IllegalArgumentException(expected);
            }
            return value;
        };
    }

    private static int integer(String text, String expected) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected, e);
        }
    }

    public static ValueParser<Boolean> bool() {
        return text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("is not a boolean (true or false)");
        };
    }

    /** An ISO-8601 duration greater than zero. */
    public static ValueParser<Duration> positiveDuration() {
        String expected = "is not a positive ISO-8601 duration (e.g. PT0.25S, PT30S, PT2M)";
        return text -> {
            Duration d = duration(text, expected);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(expected);
            }
            return d;
        };
    }

    /** An ISO-8601 duration of zero or more. */
    public static ValueParser<Duration> nonNegativeDuration() {
        String expected = "is not an ISO-8601 duration of zero or more (e.g. PT0S, PT0.5S, PT2M)";
        return text -> {
            Duration d = duration(text, expected);
            if (d.isNegative()) {
                throw new IllegalArgumentException(expected);
            }
            return d;
        };
    }

    private static Duration duration(String text, String expected) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(expected, e);
        }
    }

    public static ValueParser<ZoneId> zone() {
        return text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("is not a time zone id (e.g. America/New_York, UTC)", e);
            }
        };
    }

    /** An absolute http or https URL; trailing slashes of the path are dropped so callers can append "/...". */
    public static ValueParser<String> httpUrl() {
        String expected = "is not an http(s) URL (e.g. https://parley.example.com)";
        return text -> {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(expected, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.isOpaque()) {
                throw new IllegalArgumentException(expected);
            }
            String url = text;
            if (uri.getRawQuery() == null && uri.getRawFragment() == null) {
                while (url.endsWith("/")) {
                    url = url.substring(0, url.length() - 1);
                }
            }
            return url;
        };
    }

    /** A file system path, resolved against the working directory. */
    public static ValueParser<Path> path() {
        return text -> {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("must not be empty");
            }
            try {
                return Path.of(text).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("is not a valid path", e);
            }
        };
    }

    /** A host name or IP address to bind to or connect to. */
    public static ValueParser<String> host() {
        return text -> {
            if (!HOST.matcher(text).matches()) {
                throw new IllegalArgumentException("is not a host name or IP address");
            }
            return text;
        };
    }

    /** A host name or IP address, or empty. */
    public static ValueParser<String> optionalHost() {
        ValueParser<String> host = host();
        return text -> text.isEmpty() ? text : host.parse(text);
    }

    public static ValueParser<String> domain() {
        String expected = "is not a domain name (e.g. parley.local)";
        return text -> {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.isEmpty() || lower.length() > 253) {
                throw new IllegalArgumentException(expected);
            }
            for (String label : lower.split("\\.", -1)) {
                if (!DOMAIN_LABEL.matcher(label).matches()) {
                    throw new IllegalArgumentException(expected);
                }
            }
            return lower;
        };
    }

    public static ValueParser<String> e164() {
        return text -> {
            if (!E164.matcher(text).matches()) {
                throw new IllegalArgumentException("is not an E.164 phone number (e.g. +15005550006)");
            }
            return text;
        };
    }

    /** One RFC 5322 mailbox, with or without a display name: "Name <local@domain>" or "local@domain". */
    public static ValueParser<String> mailbox() {
        String expected = "is not an email address (e.g. Parley Demo Lending <collections@parley.local>)";
        return text -> {
            try {
                InternetAddress[] parsed = InternetAddress.parseHeader(text, true);
                if (parsed.length != 1) {
                    throw new IllegalArgumentException(expected);
                }
                parsed[0].validate();
                String address = parsed[0].getAddress();
                int at = address == null ? -1 : address.indexOf('@');
                if (at <= 0 || at == address.length() - 1) {
                    throw new IllegalArgumentException(expected);
                }
                return text;
            } catch (AddressException e) {
                throw new IllegalArgumentException(expected, e);
            }
        };
    }
}
