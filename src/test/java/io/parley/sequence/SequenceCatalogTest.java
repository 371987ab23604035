package io.parley.sequence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SequenceCatalogTest {
    private final SequenceParser parser = new SequenceParser();

    @TempDir
    Path dir;

    private static String sequence(String name, int version, String template) {
        return """
                name: %s
                version: %d
                stopOn: [payment_received]
                steps:
                  - id: only
                    channel: sms
                    template: %s
                    at: { anchor: enrollment, after: PT0S }
                """.formatted(name, version, template);
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text);
    }

    @Test
    void loadsTheShippedDirectory() {
        SequenceCatalog catalog = io.parley.testing.TestSequences.shipped();
        assertEquals(List.of("demo v1", "demo-letter v1", "demo-visit v1", "demo-voice v1", "demo-wechat v1", "m1-early v2",
                        "m2-mid v3", "pre-due-reminder v1"),
                catalog.all().stream().map(SequenceDefinition::label).toList());
        assertEquals(Optional.of("conf/sequences/m1-early.yaml"), catalog.origin("m1-early", 2));
    }

    @ParameterizedTest(name = "{0} v{1} -> {2}")
    @CsvSource({
            "m1-early, 1, t-v1",
            "m1-early, 2, t-v2",
            "m1-early, 10, t-v10",
            "m1-early, 3, ''",
            "demo, 1, t-demo",
            "nothing, 1, ''",
    })
    void servesSeveralVersionsOfOneName(String name, int version, String template) throws IOException {
        write("m1-early.yaml", sequence("m1-early", 10, "t-v10"));
        write("m1-early-v2.yml", sequence("m1-early", 2, "t-v2"));
        write("m1-early-v1.yaml", sequence("m1-early", 1, "t-v1"));
        write("demo.yaml", sequence("demo", 1, "t-demo"));
        write("README.md", "not a sequence");
        SequenceCatalog catalog = SequenceCatalog.loadDirectory(dir);

        assertEquals(template.isEmpty() ? Optional.empty() : Optional.of(template),
                catalog.find(name, version).map(d -> d.first().template()));
        assertEquals(10, catalog.latest("m1-early").orElseThrow().version());
        assertEquals(4, catalog.all().size());
    }

    @Test
    void aNameAndVersionDefinedTwiceNamesBothFiles() throws IOException {
        write("a.yaml", sequence("m1-early", 3, "t-a"));
        write("b.yaml", sequence("m1-early", 3, "t-b"));
        var e = assertThrows(SequenceDefinitionException.class, () -> SequenceCatalog.loadDirectory(dir));
        assertEquals(List.of(dir.resolve("b.yaml") + ": sequence m1-early v3 is also defined in " + dir.resolve("a.yaml")),
                e.getErrors());
    }

    @Test
    void reportsTheErrorsOfEveryFileTogether() throws IOException {
        write("a.yaml", sequence("a", 1, "t").replace("channel: sms", "channel: fax"));
        write("b.yaml", sequence("b", 0, "t"));
        write("c.yaml", sequence("c", 1, "t"));
        var e = assertThrows(SequenceDefinitionException.class, () -> SequenceCatalog.loadDirectory(dir));
        assertEquals(List.of(
                dir.resolve("a.yaml") + ": step 'only': field 'channel': unknown channel 'fax' (expected one of sms,"
                        + " voice, email, wechat, letter, visit, agency, legal)",
                dir.resolve("b.yaml") + ": field 'version': 0 is not a positive version number"), e.getErrors());
        assertEquals(dir.toString(), e.getSource());
    }

    @Test
    void aMissingDirectoryIsReported() {
        Path missing = dir.resolve("missing");
        var e = assertThrows(SequenceDefinitionException.class, () -> SequenceCatalog.loadDirectory(missing));
        assertEquals(1, e.getErrors().size());
        assertEquals(true, e.getErrors().get(0).startsWith(missing + ": cannot list sequence files"));
    }

    @Test
    void restoredVersionsJoinTheCatalog() throws IOException {
        write("m1.yaml", sequence("m1-early", 3, "t-v3"));
        SequenceCatalog files = SequenceCatalog.loadDirectory(dir);
        SequenceDefinition old = parser.parseYaml("snapshot", sequence("m1-early", 2, "t-v2"));

        SequenceCatalog restored = files.with(old, "enrollment snapshot");

        assertEquals(Optional.of(old), restored.find("m1-early", 2));
        assertEquals(3, restored.latest("m1-early").orElseThrow().version());
        assertEquals(Optional.empty(), files.find("m1-early", 2));
        assertEquals(Optional.of("enrollment snapshot"), restored.origin("m1-early", 2));
    }

    @Test
    void addingAnEqualDefinitionChangesNothing() throws IOException {
        write("m1.yaml", sequence("m1-early", 3, "t-v3"));
        SequenceCatalog files = SequenceCatalog.loadDirectory(dir);
        assertSame(files, files.with(parser.parseYaml("snapshot", sequence("m1-early", 3, "t-v3"))));
    }

    @Test
    void aDifferentDefinitionUnderAKnownVersionIsRefused() throws IOException {
        write("m1.yaml", sequence("m1-early", 3, "t-v3"));
        SequenceCatalog files = SequenceCatalog.loadDirectory(dir);
        SequenceDefinition changed = parser.parseYaml("snapshot", sequence("m1-early", 3, "t-changed"));
        var e = assertThrows(IllegalArgumentException.class, () -> files.with(changed, "enrollment snapshot"));
        assertEquals("sequence m1-early v3 from enrollment snapshot differs from the one already loaded from "
                + dir.resolve("m1.yaml") + "; publish changes under a new version", e.getMessage());
    }
}
