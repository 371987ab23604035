package io.parley.config;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of the compliance policy that are not in its rule packs (conf/policies).
 *
 * @param defaultZone  the zone assumed for a debtor when neither the enrollment, the address nor a phone number
 *                     gives one (never UTC by accident)
 * @param promiseGrace how long after the promised day a promise to pay is broken if no payment came
 */
public record Policy(ZoneId defaultZone, java.time.Duration promiseGrace) {

    public Policy {
        Objects.requireNonNull(defaultZone, "defaultZone");
    }

    static Policy read(ConfigReader r) {
        return new Policy(r.get(Setting.POLICY_DEFAULT_ZONE, ConfigValues.zone()),
                r.get(Setting.POLICY_PROMISE_GRACE, ConfigValues.nonNegativeDuration()));
    }
}
