package io.parley.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * A way of reaching a debtor, named by its wire name ("sms", "email"...) as used in the API and in files. The set of
 * channels is open: the five Parley ships are named here, and a channel module declares any other when it is
 * registered. Parsing accepts declared channels only, so a misspelt channel in a file is an error; whether a module
 * is running for a declared channel is the service's question.
 */
public final class Channel implements Comparable<Channel> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final ConcurrentMap<String, Channel> ALL = new ConcurrentHashMap<>();
    private static final java.util.Set<Channel> DECLARED = new java.util.concurrent.CopyOnWriteArraySet<>();
    private static final ConcurrentMap<Channel, AddressFormat> FORMATS = new ConcurrentHashMap<>();

    public static final Channel SMS = of("sms");
    public static final Channel VOICE = of("voice");
    public static final Channel EMAIL = of("email");
    public static final Channel WECHAT = of("wechat");
    public static final Channel LETTER = of("letter");
    /** A field agent's visit to the debtor's postal address: a hand-off step, a contact made by people. */
    public static final Channel VISIT = of("visit");
    /** Placing the case with an outside collection agency: a hand-off step, no contact. */
    public static final Channel AGENCY = of("agency");
    /** Referring the case to lawyers: a hand-off step, no contact. */
    public static final Channel LEGAL = of("legal");

    static {
        declare(SMS.wire, AddressFormat.PHONE);
        declare(VOICE.wire, AddressFormat.PHONE);
        declare(EMAIL.wire, AddressFormat.EMAIL);
        declare(WECHAT.wire, AddressFormat.ACCOUNT_ID);
        declare(LETTER.wire, AddressFormat.POSTAL);
        declare(VISIT.wire, AddressFormat.POSTAL);
        declare(AGENCY.wire, AddressFormat.POSTAL);
        declare(LEGAL.wire, AddressFormat.POSTAL);
    }

    private final String wire;

    private Channel(String wire) {
        this.wire = wire;
    }

    /** The one instance for a well-formed wire name (so instances compare with ==). */
    public static Channel of(String wire) {
        Objects.requireNonNull(wire, "wire");
        if (!NAME.matcher(wire).matches()) {
            throw new IllegalArgumentException("'" + wire + "' is not a channel name (lower-case letters, digits and _, "
                    + "starting with a letter, at most 32)");
        }
        return ALL.computeIfAbsent(wire, Channel::new);
    }

    /** Declares a channel a module brings, with what its addresses look like, so that files and requests may name it. */
    public static Channel declare(String wire, AddressFormat format) {
        Channel channel = of(wire);
        FORMATS.put(channel, format);
        DECLARED.add(channel);
        return channel;
    }

    /**
     * Withdraws a declared channel that is not one of the shipped ones, when the module that declared it is gone (a
     * test that ran its own module): files and requests may no longer name it.
     */
    public static void withdraw(Channel channel) {
        if (!java.util.List.of(SMS, VOICE, EMAIL, WECHAT, LETTER, VISIT, AGENCY, LEGAL).contains(channel)) {
            DECLARED.remove(channel);
            FORMATS.remove(channel);
        }
    }

    /** What this channel's contact point addresses look like (an undeclared channel's: account ids). */
    public AddressFormat format() {
        return FORMATS.getOrDefault(this, AddressFormat.ACCOUNT_ID);
    }

    /** The declared channels: the shipped ones first, then those modules declared, in order of declaration. */
    public static java.util.List<Channel> declared() {
        return java.util.List.copyOf(DECLARED);
    }

    /**
     * Parses a declared channel's wire name ("sms", "email"...), trimmed; throws IllegalArgumentException naming the
     * accepted values.
     */
    public static Channel parse(String value) {
        if (value != null) {
            for (Channel c : DECLARED) {
                if (c.wire.equalsIgnoreCase(value.trim())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown channel '" + value + "' (expected one of "
                + String.join(", ", DECLARED.stream().map(Channel::wire).toList()) + ")");
    }

    public String wire() {
        return wire;
    }

    @Override
    public int compareTo(Channel other) {
        return wire.compareTo(other.wire);
    }

    @Override
    public String toString() {
        return wire;
    }
}
