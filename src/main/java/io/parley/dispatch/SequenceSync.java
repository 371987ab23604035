package io.parley.dispatch;

import io.parley.sequence.SequenceCatalog;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.SequenceParser;
import io.parley.store.CanonicalJson;
import io.parley.store.SequenceVersions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers the sequence files' versions in the database and restores every version running enrollments may still
 * use. A file whose content changed under an unchanged version number stops the start: raise the version instead.
 */
public final class SequenceSync {
    private SequenceSync() {
    }

    public static Future<Sequences> sync(Pool pool, SequenceCatalog files, Map<String, String> sourceOf, Instant now) {
        List<SequenceVersions.Stored> fromFiles = new ArrayList<>();
        for (SequenceDefinition def : files.all()) {
            JsonObject tree = new JsonObject(SequenceParser.toTree(def));
            fromFiles.add(new SequenceVersions.Stored(def.name(), def.version(), checksum(tree),
                    sourceOf.getOrDefault(def.name() + "@" + def.version(), "file"), tree));
        }
        return pool.withTransaction(conn -> SequenceVersions.register(conn, fromFiles, now)
                .compose(v -> SequenceVersions.all(conn)))
                .map(stored -> merge(files, fromFiles, stored));
    }

    private static Sequences merge(SequenceCatalog files, List<SequenceVersions.Stored> fromFiles,
                                   List<SequenceVersions.Stored> stored) {
        SequenceCatalog catalog = files;
        List<String> changed = new ArrayList<>();
        for (SequenceVersions.Stored s : stored) {
            SequenceVersions.Stored file = fromFiles.stream()
                    .filter(f -> f.name().equals(s.name()) && f.version() == s.version()).findFirst().orElse(null);
            if (file == null) {
                catalog = catalog.with(SequenceParser.parse("database: sequence " + s.name() + " v" + s.version(),
                        s.definition().getMap()));
            } else if (!file.checksum().equals(s.checksum())) {
                changed.add(file.source() + ": sequence '" + s.name() + "' version " + s.version()
                        + " differs from the version " + s.version() + " already in use (first loaded from "
                        + s.source() + "); give the changed sequence a new version number");
            }
        }
        if (!changed.isEmpty()) {
            throw new IllegalStateException(String.join("\n", changed));
        }
        return new Sequences(catalog);
    }

    static String checksum(JsonObject tree) {
        return CanonicalJson.sha256(tree);
    }
}
