package io.parley.simulator.twilio;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filters of the Calls list (GET /2010-04-01/Accounts/{AccountSid}/Calls.json) as Twilio's OpenAPI description
 * has them: To, From, ParentCallSid, Status, and StartTime / EndTime on a date ("StartTime=2009-07-06"), on or
 * after it ("StartTime>=..."), or before it ("StartTime<=..."). A date is YYYY-MM-DD in UTC, a whole day; the
 * official SDKs send a time to the second (YYYY-MM-DDTHH:MM:SS, UTC), taken as that second. A call not started
 * (queued: its start time is empty) or not ended matches no filter on that time; a date in any other format matches
 * nothing, as Twilio answers an empty page for it.
 */
final class CallFilters {
    private static final List<String> EXACT = List.of("To", "From", "ParentCallSid", "Status");
    private static final List<String> TIMES = List.of("StartTime", "EndTime");

    private final Map<String, String> given;
    private final Predicate<CallResource> test;

    private CallFilters(Map<String, String> given, Predicate<CallResource> test) {
        this.given = given;
        this.test = test;
    }

    /** The filters a list query carries; other parameters (PageSize, Page, PageToken) are for paging. */
    static CallFilters of(MultiMap query) {
        Map<String, String> given = new LinkedHashMap<>();
        List<Predicate<CallResource>> tests = new ArrayList<>();
        for (Map.Entry<String, String> entry : query.entries()) {
            String name = entry.getKey();
            String value = entry.getValue();
            if (given.containsKey(name)) {
                continue; // the first value of a repeated filter counts, as for every other parameter
            }
            Predicate<CallResource> t = EXACT.contains(name) ? exact(name, value) : time(name, value);
            if (t != null) {
                given.put(name, value);
                tests.add(t);
            }
        }
        return new CallFilters(given, call -> tests.stream().allMatch(t -> t.test(call)));
    }

    /** The filters as given, in order, to repeat in every page URI. */
    Map<String, String> given() {
        return given;
    }

    boolean matches(CallResource call) {
        return test.test(call);
    }

    private static Predicate<CallResource> exact(String name, String value) {
        Function<CallResource, String> field = switch (name) {
            case "To" -> CallResource::to;
            case "From" -> CallResource::from;
            case "Status" -> CallResource::status;
            default -> call -> null; // the simulator places no child calls
        };
        return call -> Objects.equals(value, field.apply(call));
    }

    /** StartTime, StartTime>, StartTime<, and the same for EndTime; null for any other name. */
    private static Predicate<CallResource> time(String name, String value) {
        for (String base : TIMES) {
            if (!name.startsWith(base)) {
                continue;
            }
            String op = name.substring(base.length());
            if (!List.of("", ">", "<").contains(op)) {
                return null;
            }
            Function<CallResource, Instant> field = "StartTime".equals(base) ? CallResource::startTime
                    : CallResource::endTime;
            Optional<Instant[]> span = span(value);
            return call -> {
                Instant at = field.apply(call);
                if (at == null || span.isEmpty()) {
                    return false;
                }
                Instant from = span.get()[0];
                Instant until = span.get()[1];
                return switch (op) {
                    case ">" -> !at.isBefore(from);
                    case "<" -> at.isBefore(from);
                    default -> !at.isBefore(from) && at.isBefore(until);
                };
            };
        }
        return null;
    }

    /** The span a date (a UTC day) or a time to the second (that second) covers, [from, until); empty if neither. */
    static Optional<Instant[]> span(String value) {
        String v = value == null ? "" : value.trim();
        try {
            if (v.length() == 10) {
                Instant day = LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
                return Optional.of(new Instant[] {day, day.plus(1, ChronoUnit.DAYS)});
            }
            String local = v.endsWith("Z") ? v.substring(0, v.length() - 1) : v;
            Instant second = LocalDateTime.parse(local).truncatedTo(ChronoUnit.SECONDS).toInstant(ZoneOffset.UTC);
            return Optional.of(new Instant[] {second, second.plusSeconds(1)});
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
