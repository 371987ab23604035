package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading a directory of packs: every file's errors together, one id per pack, exactly one fallback. */
class RulePackCatalogTest {
    @TempDir
    Path dir;

    static String pack(String id, String appliesTo) {
        return """
                id: %s
                description: Pack %s.
                appliesTo: %s
                channels:
                  sms: { hours: "08:00-21:00" }
                """.formatted(id, id, appliesTo);
    }

    private void write(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
    }

    @Test
    void loadsEveryYamlFileAndIgnoresOthers() throws IOException {
        write(Map.of("b.yaml", pack("b", "{ countries: [GB] }"), "a.yml", pack("a", "{ countries: [US] }"),
                "fallback.yaml", pack("fallback", "{}"), "README.md", "not a pack"));
        Files.createDirectory(dir.resolve("old.yaml"));

        RulePackCatalog catalog = RulePackCatalog.loadDirectory(dir);

        assertEquals(List.of("a", "b", "fallback"), catalog.all().stream().map(RulePack::id).toList());
        assertEquals("fallback", catalog.fallback().id());
        assertEquals("b", catalog.find("b").orElseThrow().id());
        assertTrue(catalog.find("c").isEmpty());
    }

    static Stream<Arguments> invalidDirectories() {
        return Stream.of(
                Arguments.of("no fallback", Map.of("a.yaml", pack("a", "{ countries: [US] }")),
                        List.of("%s: no fallback pack: exactly one pack must have an empty appliesTo ({})")),
                Arguments.of("two fallbacks", Map.of("a.yaml", pack("a", "{}"), "b.yaml", pack("b", "{}")),
                        List.of("%s: 2 fallback packs (a, b): exactly one pack may have an empty appliesTo")),
                Arguments.of("one id in two files", Map.of("a.yaml", pack("a", "{}"), "a.yml", pack("a", "{}")),
                        List.of("%s/a.yml: field 'id': pack 'a' is also defined in %s/a.yaml")),
                Arguments.of("errors of every file", Map.of(
                                "a.yaml", pack("a", "{}").replace("08:00-21:00", "21:00-08:00"),
                                "b.yaml", pack("b", "{ countries: [GB] }").replace("sms:", "fax:"),
                                "c.yaml", pack("c", "{ countries: [CN] }")),
                        List.of("%s/a.yaml: field 'channels.sms.hours': '21:00-08:00' must start before it ends,"
                                        + " within one day",
                                "%s/b.yaml: field 'channels.fax': unknown field (expected one of sms, voice, email,"
                                        + " wechat, letter, visit, agency, legal)")),
                Arguments.of("empty directory", Map.of(),
                        List.of("%s: no fallback pack: exactly one pack must have an empty appliesTo ({})")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDirectories")
    void reportsEveryProblemTogether(String title, Map<String, String> files, List<String> expected)
            throws IOException {
        write(files);

        RulePackException e = assertThrows(RulePackException.class, () -> RulePackCatalog.loadDirectory(dir));

        assertEquals(dir.toString(), e.getSource());
        assertEquals(expected.stream().map(error -> error.replace("%s", dir.toString())).toList(), e.getErrors());
    }

    @Test
    void aMissingDirectoryIsAnError() {
        Path missing = dir.resolve("missing");
        RulePackException e = assertThrows(RulePackException.class, () -> RulePackCatalog.loadDirectory(missing));
        assertTrue(e.getErrors().get(0).startsWith(missing + ": cannot list rule pack files"), e.getMessage());
    }

    @Test
    void aCatalogOfGivenPacksNeedsDistinctIdsAndOneFallback() {
        RulePackParser parser = new RulePackParser();
        RulePack fallback = parser.parse("f.yaml", pack("f", "{}"));
        RulePack us = parser.parse("us.yaml", pack("us", "{ countries: [US] }"));

        assertEquals(List.of("f", "us"), RulePackCatalog.of(List.of(us, fallback)).all().stream()
                .map(RulePack::id).toList());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> RulePackCatalog.of(List.of(fallback, us, us)));
        assertEquals("rule pack 'us' is given twice", twice.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> RulePackCatalog.of(List.of(us)));
        assertTrue(none.getMessage().startsWith("no fallback pack:"), none.getMessage());
    }
}
