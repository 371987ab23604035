package io.parley.enrollment;

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

/**
 * Registers the sequence files' versions in the database and restores every version running enrollments may still
 * use. A file whose content changed under a version number already in use stops the start: versions are immutable.
 */
public final class SequenceSync {
    private SequenceSync() {
    }

    public static Future<Sequences> sync(Pool pool, SequenceParser parser, SequenceCatalog files, Instant now) {
        List<SequenceVersions.Stored> fromFiles = new ArrayList<>();
        for (SequenceDefinition def : files.all()) {
            JsonObject tree = new JsonObject(parser.toTree(def));
            fromFiles.add(new SequenceVersions.Stored(def.name(), def.version(), CanonicalJson.sha256(tree),
                    files.origin(def.name(), def.version()).orElse("file"), tree));
        }
        return pool.withTransaction(conn -> SequenceVersions.register(conn, fromFiles, now)
                        .compose(v -> SequenceVersions.all(conn)))
                .map(stored -> {
                    SequenceCatalog catalog = files;
                    for (SequenceVersions.Stored s : stored) {
                        String origin = "the database (first loaded from " + s.source() + ")";
                        catalog = catalog.with(parser.parse(origin, s.definition().getMap()), origin);
                    }
                    return new Sequences(parser, files, catalog);
                });
    }
}
