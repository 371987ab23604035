package io.parley.enrollment;

import io.parley.sequence.SequenceCatalog;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.SequenceParser;
import io.parley.store.SequenceVersions;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.util.List;
import java.util.Optional;

/**
 * Every sequence version this instance can run. New enrollments start on the versions in this instance's files;
 * running enrollments keep theirs, which may be older, or newer when another instance loaded newer files: those
 * are read from the database the first time they are needed.
 */
public final class Sequences {
    private final SequenceParser parser;
    private final SequenceCatalog files;
    private volatile SequenceCatalog all;

    public Sequences(SequenceParser parser, SequenceCatalog files, SequenceCatalog all) {
        this.parser = parser;
        this.files = files;
        this.all = all;
    }

    /** The version a new enrollment starts on: the named one, or the highest in this instance's files. */
    public Optional<SequenceDefinition> forNewEnrollment(String name, Integer version) {
        return version == null ? files.latest(name) : all.find(name, version);
    }

    public SequenceDefinition definition(String name, int version) {
        return all.find(name, version).orElseThrow(() -> new IllegalStateException(
                "sequence " + name + " version " + version + " is not known to this instance"));
    }

    public boolean knows(String name, int version) {
        return all.find(name, version).isPresent();
    }

    /** The definition as the tree of maps and lists its YAML file reads as (how the console draws it). */
    public java.util.Map<String, Object> tree(SequenceDefinition definition) {
        return parser.toTree(definition);
    }

    public SequenceCatalog catalog() {
        return all;
    }

    /** Loads from the database any of these versions this instance does not know yet. */
    public Future<Void> ensure(SqlClient sql, List<String[]> nameAndVersion) {
        List<String[]> missing = nameAndVersion.stream()
                .filter(k -> !knows(k[0], Integer.parseInt(k[1]))).toList();
        if (missing.isEmpty()) {
            return Future.succeededFuture();
        }
        return SequenceVersions.all(sql).map(stored -> {
            synchronized (this) {
                SequenceCatalog updated = all;
                for (SequenceVersions.Stored s : stored) {
                    if (updated.find(s.name(), s.version()).isEmpty()) {
                        String origin = "the database (first loaded from " + s.source() + ")";
                        updated = updated.with(parser.parse(origin, s.definition().getMap()), origin);
                    }
                }
                all = updated;
            }
            return null;
        });
    }
}
