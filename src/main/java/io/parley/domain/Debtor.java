package io.parley.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The person contacted. locale is a BCP 47 tag ("en", "zh-CN"). timeZone is the debtor's explicit zone when the
 * collection engine knows it, otherwise null (it is then derived from address and phone numbers).
 */
public record Debtor(String id, String name, String locale, ZoneId timeZone, Address address,
                     List<ContactPoint> contactPoints) {
    public Debtor {
        contactPoints = contactPoints == null ? List.of() : List.copyOf(contactPoints);
    }

    public Optional<ZoneId> explicitZone() {
        return Optional.ofNullable(timeZone);
    }
}
