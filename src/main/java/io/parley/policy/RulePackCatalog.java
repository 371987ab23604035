package io.parley.policy;

import io.parley.domain.Debtor;
import io.parley.files.DefinitionFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The known rule packs, by id, with exactly one fallback pack (one that applies nowhere in particular). Chooses the
 * packs in force for a debtor: the ones an enrollment asks for, or every pack that applies to the debtor's address
 * country or region or to the country of one of their own phone numbers, else the fallback. Immutable.
 */
public final class RulePackCatalog implements PackSelector {
    private final Map<String, RulePack> byId;
    private final RulePack fallback;

    private RulePackCatalog(Map<String, RulePack> byId, RulePack fallback) {
        this.byId = byId;
        this.fallback = fallback;
    }

    /**
     * Loads every *.yaml and *.yml file of a directory (not its subdirectories), one pack per file. The errors of
     * every file and any id defined twice are reported together; once every file loads, a missing or second
     * fallback pack is an error too.
     */
    public static RulePackCatalog loadDirectory(Path dir) {
        List<Path> files;
        try {
            files = DefinitionFiles.yamlFiles(dir);
        } catch (IOException e) {
            throw new RulePackException(dir.toString(), List.of(dir + ": cannot list rule pack files: " + e));
        }
        RulePackParser parser = new RulePackParser();
        List<String> errors = new ArrayList<>();
        Map<String, RulePack> packs = new TreeMap<>();
        Map<String, Path> origins = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                RulePack pack = parser.parse(file);
                Path earlier = origins.putIfAbsent(pack.id(), file);
                if (earlier != null) {
                    errors.add(file + ": field 'id': pack '" + pack.id() + "' is also defined in " + earlier);
                } else {
                    packs.put(pack.id(), pack);
                }
            } catch (RulePackException e) {
                errors.addAll(e.getErrors());
            }
        }
        if (errors.isEmpty()) {
            // only when every file loaded: a fallback that failed to parse is not missing
            fallbackProblem(packs.values()).ifPresent(problem -> errors.add(dir + ": " + problem));
        }
        if (!errors.isEmpty()) {
            throw new RulePackException(dir.toString(), errors);
        }
        return of(packs.values());
    }

    /** A catalog of these packs; throws IllegalArgumentException on a repeated id or not exactly one fallback. */
    public static RulePackCatalog of(Collection<RulePack> packs) {
        Map<String, RulePack> byId = new TreeMap<>();
        for (RulePack pack : packs) {
            if (byId.putIfAbsent(pack.id(), pack) != null) {
                throw new IllegalArgumentException("rule pack '" + pack.id() + "' is given twice");
            }
        }
        fallbackProblem(byId.values()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        RulePack fallback = byId.values().stream().filter(p -> p.appliesTo().fallback()).findFirst().orElseThrow();
        return new RulePackCatalog(Collections.unmodifiableMap(byId), fallback);
    }

    public Optional<RulePack> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every pack, by id. */
    public Collection<RulePack> all() {
        return byId.values();
    }

    /** The pack in force where no other applies. */
    public RulePack fallback() {
        return fallback;
    }

    /**
     * The packs in force, by id.
     *
     * @throws IllegalArgumentException naming a requested id no pack has
     */
    @Override
    public List<RulePack> select(Debtor debtor, List<String> requested) {
        return explain(debtor, requested).packs();
    }

    /** The packs in force, by id, each with why it is. */
    public PackSelection explain(Debtor debtor, List<String> requested) {
        if (!requested.isEmpty()) {
            return requested(requested);
        }
        PackLocations where = PackLocations.of(debtor);
        List<RulePack> packs = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (RulePack pack : byId.values()) {
            firstMatch(pack.appliesTo(), where).ifPresent(reason -> {
                packs.add(pack);
                reasons.add(pack.id() + ": " + reason);
            });
        }
        if (packs.isEmpty()) {
            String seen = where.countries().isEmpty() ? "no known country"
                    : String.join(", ", where.countries().values());
            return new PackSelection(List.of(fallback), List.of(fallback.id() + ": no pack applies to " + seen));
        }
        return new PackSelection(packs, reasons);
    }

    private PackSelection requested(List<String> requested) {
        TreeSet<String> ids = new TreeSet<>();
        for (String id : requested) {
            if (id == null || !byId.containsKey(id)) {
                throw new IllegalArgumentException("unknown rule pack '" + id + "' (known: "
                        + String.join(", ", byId.keySet()) + ")");
            }
            ids.add(id);
        }
        return new PackSelection(ids.stream().map(byId::get).toList(),
                ids.stream().map(id -> id + ": requested").toList());
    }

    /** Why the pack applies: the first region, then country, of the debtor's that it names. */
    private static Optional<String> firstMatch(Applicability appliesTo, PackLocations where) {
        for (Map.Entry<String, String> region : where.regions().entrySet()) {
            if (appliesTo.regions().contains(region.getKey())) {
                return Optional.of(region.getValue());
            }
        }
        for (Map.Entry<String, String> country : where.countries().entrySet()) {
            if (appliesTo.countries().contains(country.getKey())) {
                return Optional.of(country.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fallbackProblem(Collection<RulePack> packs) {
        List<String> fallbacks = packs.stream().filter(p -> p.appliesTo().fallback()).map(RulePack::id).toList();
        if (fallbacks.size() == 1) {
            return Optional.empty();
        }
        return Optional.of(fallbacks.isEmpty()
                ? "no fallback pack: exactly one pack must have an empty appliesTo ({})"
                : fallbacks.size() + " fallback packs (" + String.join(", ", fallbacks)
                + "): exactly one pack may have an empty appliesTo");
    }
}
