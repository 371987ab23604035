package io.parley.config;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of the compliance policy that are not in its rule packs (conf/policies).
 *
 * @param defaultZone the zone assumed for a debtor when neither the enrollment, the address nor a phone number gives
 *                    one (never UTC by accident)
 */
public record Policy(ZoneId defaultZone) {

    public Policy {
        Objects.requireNonNull(defaultZone, "defaultZone");
    }

    static Policy read(ConfigReader r) {
        return new Policy(r.get(Setting.POLICY_DEFAULT_ZONE, ConfigValues.zone()));
    }
}
