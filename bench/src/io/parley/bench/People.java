package io.parley.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Debtors for the benchmark, spread over places with different zones and rule packs (New York, Massachusetts,
 * Washington, Illinois, Colorado, China, the UK), each with a phone number of its own in that place, so that the
 * policy does its full work: candidate zones, packs, contact hours, caps.
 */
final class People {
    /** A place: country, region, zone, and the phone number prefix whose area is in that zone. */
    record Place(String country, String region, String city, String zone, String phonePrefix, int digits) {
        boolean daytime(Instant now) {
            LocalTime local = ZonedDateTime.ofInstant(now, ZoneId.of(zone)).toLocalTime();
            return !local.isBefore(LocalTime.of(9, 0)) && local.isBefore(LocalTime.of(20, 30));
        }
    }

    static final List<Place> PLACES = List.of(
            new Place("US", "NY", "New York", "America/New_York", "+1646", 7),
            new Place("US", "MA", "Boston", "America/New_York", "+1617", 7),
            new Place("US", "WA", "Seattle", "America/Los_Angeles", "+1206", 7),
            new Place("US", "IL", "Chicago", "America/Chicago", "+1312", 7),
            new Place("US", "CO", "Denver", "America/Denver", "+1303", 7),
            new Place("CN", "SH", "上海", "Asia/Shanghai", "+86138", 8),
            new Place("GB", "ENG", "London", "Europe/London", "+447400", 6));

    private People() {
    }

    /** The places where it is well inside contact hours at this instant (there is always at least one). */
    static List<Place> daytime(Instant now) {
        List<Place> open = PLACES.stream().filter(p -> p.daytime(now)).toList();
        if (open.isEmpty()) {
            throw new IllegalStateException("no benchmark place is in daytime at " + now);
        }
        return open;
    }

    /** Phone number n of a place, unique for n below 800,000 (scenarios number their debtors apart). */
    static String phone(Place p, long n) {
        if (p.country().equals("US")) {
            // exchange 2[2-9]x: never a reserved N11 exchange; unique for n below 800,000
            return p.phonePrefix() + "2" + (2 + (n / 100_000) % 8) + String.format("%05d", n % 100_000);
        }
        return p.phonePrefix() + String.format("%0" + p.digits() + "d", n % (long) Math.pow(10, p.digits()));
    }

    /**
     * An enrollment body for case {@code tag}-{@code n}, in sequence, for a debtor living in the place; startAt null
     * means now.
     */
    static JsonObject enrollment(String tag, long n, String sequence, Place p, Instant startAt) {
        String phone = phone(p, n);
        JsonObject debtor = new JsonObject().put("id", tag + "-d" + n).put("name", "Debtor " + n)
                .put("locale", p.country().equals("CN") ? "zh-CN" : "en").put("timeZone", p.zone())
                .put("address", new JsonObject().put("country", p.country()).put("region", p.region())
                        .put("city", p.city()).put("postalCode", "10001").put("lines", new JsonArray().add(n + " Main St")))
                .put("contactPoints", new JsonArray()
                        .add(new JsonObject().put("channel", "sms").put("address", phone).put("consent", true))
                        .add(new JsonObject().put("channel", "email").put("address", tag + "-" + n + "@example.com")
                                .put("consent", true)));
        JsonObject body = new JsonObject().put("caseId", tag + "-c" + n).put("sequence", sequence).put("debtor", debtor)
                .put("account", new JsonObject().put("contractNo", "LN-" + n).put("balance", "1234.50")
                        .put("currency", p.country().equals("CN") ? "CNY" : p.country().equals("GB") ? "GBP" : "USD")
                        .put("daysPastDue", 5).put("dueDate", "2026-11-18"));
        if (startAt != null) {
            body.put("startAt", startAt.toString());
        }
        return body;
    }

    /** count enrollments, alternating SMS and email sequences, round-robin over the places open now. */
    static List<JsonObject> mixed(String tag, long from, int count, List<Place> places) {
        List<JsonObject> out = new ArrayList<>(count);
        for (long n = from; n < from + count; n++) {
            out.add(enrollment(tag, n, n % 2 == 0 ? "bench-sms" : "bench-email", places.get((int) (n % places.size())),
                    null));
        }
        return out;
    }
}
