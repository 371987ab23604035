package io.parley.store;

import io.parley.domain.Account;
import io.parley.domain.Address;
import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.ContactType;
import io.parley.domain.Debtor;
import io.parley.policy.ContactPreferences;
import io.parley.policy.InconvenientTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Conversions between domain records and the JSON and timestamp forms they are stored in. */
public final class Rows {
    private Rows() {
    }

    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime ts) {
        return ts == null ? null : ts.toInstant();
    }

    public static JsonObject account(Account a) {
        return new JsonObject()
                .put("contractNo", a.contractNo())
                .put("balance", a.balance().toPlainString())
                .put("currency", a.currency().getCurrencyCode())
                .put("daysPastDue", a.daysPastDue())
                .put("dueDate", a.dueDate() == null ? null : a.dueDate().toString());
    }

    public static Account account(JsonObject j) {
        String due = j.getString("dueDate");
        return new Account(j.getString("contractNo"), new BigDecimal(j.getString("balance")),
                Currency.getInstance(j.getString("currency")), j.getInteger("daysPastDue", 0),
                due == null ? null : LocalDate.parse(due));
    }

    public static JsonObject address(Address a) {
        return new JsonObject().put("country", a.country()).put("region", a.region()).put("city", a.city())
                .put("postalCode", a.postalCode()).put("lines", new JsonArray(new ArrayList<>(a.lines())));
    }

    public static Address address(JsonObject j) {
        JsonArray lines = j.getJsonArray("lines", new JsonArray());
        List<String> l = new ArrayList<>();
        lines.forEach(x -> l.add(String.valueOf(x)));
        return new Address(j.getString("country"), j.getString("region"), j.getString("city"),
                j.getString("postalCode"), l);
    }

    public static List<StoredContactPoint> contacts(JsonArray array) {
        List<StoredContactPoint> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject c = array.getJsonObject(i);
            out.add(new StoredContactPoint(c.getLong("id"),
                    new ContactPoint(Channel.parse(c.getString("channel")), c.getString("address"),
                            ContactType.parse(c.getString("type")), c.getBoolean("consent", false)),
                    ContactPointStatus.parse(c.getString("status"))));
        }
        return out;
    }

    public static JsonObject preferences(ContactPreferences p) {
        JsonArray times = new JsonArray();
        for (InconvenientTime t : p.inconvenientTimes()) {
            times.add(new JsonObject()
                    .put("days", new JsonArray(t.days().stream().sorted().map(DayOfWeek::name).toList()))
                    .put("from", t.from().toString()).put("until", t.until().toString())
                    .put("channels", new JsonArray(t.channels().stream().sorted().map(Channel::wire).toList())));
        }
        return new JsonObject().put("ceaseAll", p.ceaseAll())
                .put("refusedChannels", new JsonArray(p.refusedChannels().stream().sorted().map(Channel::wire).toList()))
                .put("inconvenientTimes", times);
    }

    public static ContactPreferences preferences(JsonObject j) {
        if (j == null || j.isEmpty()) {
            return ContactPreferences.none();
        }
        List<InconvenientTime> times = new ArrayList<>();
        for (Object o : j.getJsonArray("inconvenientTimes", new JsonArray())) {
            JsonObject t = (JsonObject) o;
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            t.getJsonArray("days", new JsonArray()).forEach(d -> days.add(DayOfWeek.valueOf((String) d)));
            times.add(new InconvenientTime(days, LocalTime.parse(t.getString("from")),
                    LocalTime.parse(t.getString("until")), channels(t.getJsonArray("channels"))));
        }
        return new ContactPreferences(j.getBoolean("ceaseAll", false), channels(j.getJsonArray("refusedChannels")),
                times);
    }

    private static Set<Channel> channels(JsonArray array) {
        Set<Channel> out = new java.util.LinkedHashSet<>();
        if (array != null) {
            array.forEach(c -> out.add(Channel.parse((String) c)));
        }
        return out;
    }

    public static Debtor debtor(String id, String name, String locale, String zone, JsonObject address,
                                List<StoredContactPoint> contacts) {
        return new Debtor(id, name, locale, zone == null ? null : ZoneId.of(zone), address(address),
                contacts.stream().map(StoredContactPoint::point).toList());
    }
}
