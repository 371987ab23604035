package io.parley.channel.sms;

import com.twilio.http.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/** The Retry-After header of an API response: delay-seconds, or an HTTP date counted from now. */
final class RetryAfter {
    private RetryAfter() {
    }

    static Optional<Duration> of(Response response) {
        if (response.getHeaders() == null) {
            return Optional.empty();
        }
        return Arrays.stream(response.getHeaders())
                .filter(h -> "Retry-After".equalsIgnoreCase(h.getName()))
                .findFirst()
                .flatMap(h -> parse(h.getValue(), Instant.now()));
    }

    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
