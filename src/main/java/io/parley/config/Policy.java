package io.parley.config;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Contact hours applied when no more specific policy file says otherwise: debtors are contacted only between
 * contactFrom and contactUntil, local time in their zone, or in defaultZone when theirs is unknown.
 */
public record Policy(ZoneId defaultZone, LocalTime contactFrom, LocalTime contactUntil) {

    public Policy {
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(contactFrom, "contactFrom");
        Objects.requireNonNull(contactUntil, "contactUntil");
    }

    static Policy read(ConfigReader r) {
        ZoneId zone = r.get(Setting.POLICY_DEFAULT_ZONE, ConfigValues.zone());
        LocalTime from = r.get(Setting.POLICY_CONTACT_FROM, ConfigValues.timeOfDay());
        LocalTime until = r.get(Setting.POLICY_CONTACT_UNTIL, ConfigValues.timeOfDay());
        if (!until.isAfter(from)) {
            r.problem(Setting.POLICY_CONTACT_UNTIL, r.text(Setting.POLICY_CONTACT_UNTIL),
                    "must be later than " + Setting.POLICY_CONTACT_FROM.key() + " (" + from + ")");
        }
        return new Policy(zone, from, until);
    }
}
