package io.parley.config;

/**
 * Turns the text of a setting into its typed value. A bad value throws IllegalArgumentException whose message
 * says what was expected, phrased to follow the quoted value ("is not a port number (1-65535)").
 */
@FunctionalInterface
public interface ValueParser<T> {

    T parse(String text);
}
