package io.parley.sequence;

import io.parley.files.DefinitionFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The known sequence definitions, by name and version. Several versions of one name live side by side: new
 * enrollments take the latest, running ones keep the version they started with. Immutable; {@link #with} returns a
 * new catalog.
 */
public final class SequenceCatalog {
    private static final Logger log = LoggerFactory.getLogger(SequenceCatalog.class);

    private final Map<String, NavigableMap<Integer, Entry>> byName;

    private record Entry(SequenceDefinition definition, String origin) {
    }

    private SequenceCatalog(Map<String, NavigableMap<Integer, Entry>> byName) {
        this.byName = byName;
    }

    public static SequenceCatalog empty() {
        return new SequenceCatalog(Map.of());
    }

    /**
     * Loads every *.yaml and *.yml file of a directory (not its subdirectories), one sequence per file. All errors of
     * all files, and any name and version defined twice, are reported together in one exception.
     */
    public static SequenceCatalog loadDirectory(Path dir) {
        return loadDirectory(dir, new SequenceParser());
    }

    /** As {@link #loadDirectory(Path)}, with steps branching on the outcomes the parser knows for their channel. */
    public static SequenceCatalog loadDirectory(Path dir, SequenceParser parser) {
        List<Path> files;
        try {
            files = DefinitionFiles.yamlFiles(dir);
        } catch (IOException e) {
            throw new SequenceDefinitionException(dir.toString(),
                    List.of(dir + ": cannot list sequence files: " + e));
        }
        List<String> errors = new ArrayList<>();
        SequenceCatalog catalog = empty();
        for (Path file : files) {
            String source = file.toString();
            try {
                SequenceDefinition definition = parser.parseYaml(source,
                        DefinitionFiles.text(file, SequenceDefinitionException::new));
                Optional<String> clash = catalog.origin(definition.name(), definition.version());
                if (clash.isPresent()) {
                    errors.add(source + ": sequence " + definition.label() + " is also defined in " + clash.get());
                } else {
                    catalog = catalog.with(definition, source);
                }
            } catch (SequenceDefinitionException e) {
                errors.addAll(e.getErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new SequenceDefinitionException(dir.toString(), errors);
        }
        log.info("Loaded {} sequence definitions from {}: {}", files.size(), dir,
                catalog.all().stream().map(SequenceDefinition::label).toList());
        return catalog;
    }

    /** Adds a definition (e.g. an older version restored from a stored snapshot). */
    public SequenceCatalog with(SequenceDefinition definition) {
        return with(definition, "an added definition");
    }

    /**
     * Adds a definition, origin naming where it came from. Adding one equal to a known definition changes nothing;
     * a different definition under a known name and version is refused: versions are immutable.
     */
    public SequenceCatalog with(SequenceDefinition definition, String origin) {
        Optional<SequenceDefinition> known = find(definition.name(), definition.version());
        if (known.isPresent()) {
            if (known.get().equals(definition)) {
                return this;
            }
            throw new IllegalArgumentException("sequence " + definition.label() + " from " + origin
                    + " differs from the one already loaded from " + origin(definition.name(), definition.version())
                    .orElseThrow() + "; publish changes under a new version");
        }
        Map<String, NavigableMap<Integer, Entry>> copy = new TreeMap<>(byName);
        NavigableMap<Integer, Entry> versions = new TreeMap<>(copy.getOrDefault(definition.name(), new TreeMap<>()));
        versions.put(definition.version(), new Entry(definition, origin));
        copy.put(definition.name(), Collections.unmodifiableNavigableMap(versions));
        return new SequenceCatalog(Collections.unmodifiableMap(copy));
    }

    /** The highest version of a sequence. */
    public Optional<SequenceDefinition> latest(String name) {
        return Optional.ofNullable(byName.get(name)).map(versions -> versions.lastEntry().getValue().definition());
    }

    public Optional<SequenceDefinition> find(String name, int version) {
        return Optional.ofNullable(byName.get(name)).map(versions -> versions.get(version)).map(Entry::definition);
    }

    /** Every definition, by name then version. */
    public Collection<SequenceDefinition> all() {
        return byName.values().stream().flatMap(versions -> versions.values().stream())
                .map(Entry::definition).toList();
    }

    /** Where a definition came from (its file, or what was given to {@link #with(SequenceDefinition, String)}). */
    public Optional<String> origin(String name, int version) {
        return Optional.ofNullable(byName.get(name)).map(versions -> versions.get(version)).map(Entry::origin);
    }
}
