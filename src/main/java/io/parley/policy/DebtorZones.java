package io.parley.policy;

import io.parley.domain.Debtor;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every time zone a debtor may be in: the explicit zone, then the zones of the postal address
 * ({@link RegionZones}), then those of the debtor's own phone numbers ({@link PhoneZones}), each zone once with the
 * first source that named it; the configured default zone only when none of them names any.
 */
public final class DebtorZones implements ZoneResolver {
    private final ZoneId defaultZone;
    private final RegionZones regions;
    private final PhoneZones phones;

    /** Resolves with the shipped region and area code tables. */
    public DebtorZones(ZoneId defaultZone) {
        this(defaultZone, RegionZones.standard(), PhoneZones.standard());
    }

    public DebtorZones(ZoneId defaultZone, RegionZones regions, PhoneZones phones) {
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.phones = Objects.requireNonNull(phones, "phones");
    }

    @Override
    public List<CandidateZone> candidates(Debtor debtor) {
        Objects.requireNonNull(debtor, "debtor");
        Map<ZoneId, CandidateZone> byZone = new LinkedHashMap<>();
        debtor.explicitZone().ifPresent(zone -> byZone.put(zone, new CandidateZone(zone, "explicit")));
        regions.candidates(debtor.address()).forEach(candidate -> byZone.putIfAbsent(candidate.zone(), candidate));
        phones.candidates(debtor).forEach(candidate -> byZone.putIfAbsent(candidate.zone(), candidate));
        if (byZone.isEmpty()) {
            return List.of(new CandidateZone(defaultZone, "default"));
        }
        return List.copyOf(byZone.values());
    }
}
