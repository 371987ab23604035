package io.parley.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a definition directory: one definition per *.yaml or *.yml file. */
public final class DefinitionFiles {
    private DefinitionFiles() {
    }

    /** The regular *.yaml and *.yml files directly in dir (not in its subdirectories), sorted by path. */
    public static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(DefinitionFiles::isYamlFile).sorted().toList();
        }
    }

    /** The file's text (UTF-8); when it cannot be read, failure's exception with the one error "file: cannot be read". */
    public static String text(Path file, Failure failure) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure.of(file.toString(), List.of(file + ": cannot be read: " + e));
        }
    }

    private static boolean isYamlFile(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
