package io.parley.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** conf/parley.yaml, as shipped, documents every setting and states the defaults. */
class ConfigShippedFileTest {
    static List<Setting> settings() {
        return Setting.values();
    }


    private static final Path SHIPPED = Path.of("conf/parley.yaml");

    @Test
    void shippedFileLoadsAndEqualsTheDefaults() {
        assertEquals(ConfigLoader.defaults(), ConfigLoader.load(SHIPPED, Map.of()));
    }

    @Test
    void shippedFileSetsEverySetting() {
        Problems problems = new Problems();
        ConfigFile file = ConfigFile.read(SHIPPED, problems);
        assertTrue(problems.isEmpty());
        assertEquals(Set.copyOf(Setting.values()), Set.copyOf(file.values().keySet()));
        assertEquals(List.of(), file.apiKeys());
    }

    @ParameterizedTest
    @MethodSource("settings")
    void everySettingIsDocumentedWithItsDefault(Setting setting) throws IOException {
        List<String> lines = Files.readAllLines(SHIPPED);
        String leaf = setting.key().substring(setting.key().lastIndexOf('.') + 1);
        int depth = setting.key().split("\\.").length - 1;
        String indent = "  ".repeat(depth);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(indent + leaf + ":") && sectionOf(lines, i, depth).equals(setting.key())) {
                at = i;
            }
        }
        assertTrue(at > 0, setting.key() + " is missing");
        StringBuilder comment = new StringBuilder();
        for (int i = at - 1; i >= 0 && lines.get(i).trim().startsWith("#"); i--) {
            comment.insert(0, lines.get(i).trim() + " ");
        }
        String expected = setting.defaultValue().isEmpty() ? "Default empty" : "Default " + setting.defaultValue();
        assertTrue(comment.toString().contains(expected), setting.key() + " comment lacks '" + expected + "': " + comment);
    }

    /** The dotted key of line i, built from the section headers above it. */
    private static String sectionOf(List<String> lines, int i, int depth) {
        String key = lines.get(i).trim();
        key = key.substring(0, key.indexOf(':'));
        for (int level = depth - 1, j = i - 1; level >= 0 && j >= 0; j--) {
            String line = lines.get(j);
            if (line.startsWith("  ".repeat(level)) && !line.startsWith("  ".repeat(level) + " ")
                    && !line.trim().startsWith("#") && line.trim().endsWith(":")) {
                key = line.trim().substring(0, line.trim().length() - 1) + "." + key;
                level--;
            }
        }
        return key;
    }
}
