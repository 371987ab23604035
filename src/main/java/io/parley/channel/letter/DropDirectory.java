package io.parley.channel.letter;

import io.parley.channel.letter.store.LetterRows.BatchLetter;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Batches written to a directory the print house collects from: {@code <dir>/<batch>/<letter id>.pdf} for each letter
 * and {@code <dir>/<batch>/manifest.csv}, written last. Each file is written under a temporary name and renamed into
 * place, so a reader never sees half a file, and the manifest's presence means the batch is complete.
 */
final class DropDirectory implements PrintDestination {
    static final String MANIFEST = "manifest.csv";

    private final Path root;
    private final WorkerExecutor workers;

    DropDirectory(Path root, WorkerExecutor workers) {
        this.root = root;
        this.workers = workers;
    }

    @Override
    public String describe() {
        return root.toAbsolutePath().toString();
    }

    @Override
    public Future<Void> letter(String batch, BatchLetter letter) {
        return write(batch, BatchManifest.fileName(letter), letter.pdf());
    }

    @Override
    public Future<Void> complete(String batch, String manifestCsv) {
        return write(batch, MANIFEST, manifestCsv.getBytes(StandardCharsets.UTF_8));
    }

    private Future<Void> write(String batch, String name, byte[] bytes) {
        return workers.<Void>executeBlocking(() -> {
            Path dir = Files.createDirectories(root.resolve(batch));
            Path partial = dir.resolve("." + name + ".partial");
            Files.write(partial, bytes);
            Files.move(partial, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return null;
        }, false).recover(e -> Future.failedFuture(new IOException("could not write " + name + " of batch " + batch
                + " to " + root + ": " + e.getMessage(), e)));
    }
}
