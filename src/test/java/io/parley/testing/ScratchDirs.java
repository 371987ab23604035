package io.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary directories a test run makes (data directories, rule files, PostgreSQL clusters), removed when the test
 * JVM exits, so repeated runs do not fill the disk: one test PostgreSQL cluster alone is over a gigabyte.
 */
public final class ScratchDirs {
    private static final List<Path> MADE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ScratchDirs::deleteAll, "scratch-dirs-delete"));
    }

    private ScratchDirs() {
    }

    /** A new empty directory under the system's temporary directory, removed at exit. */
    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            synchronized (MADE) {
                MADE.add(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a directory and everything in it; what cannot be removed (a file still held) is left. */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file a stopping process still writes: the rest is removed all the same
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // the directory changed while it was walked: nothing more to do at exit
        }
    }

    private static void deleteAll() {
        List<Path> dirs;
        synchronized (MADE) {
            dirs = List.copyOf(MADE);
        }
        dirs.forEach(ScratchDirs::delete);
    }
}
