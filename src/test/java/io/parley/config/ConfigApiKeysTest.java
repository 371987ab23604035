package io.parley.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigApiKeysTest {

    private static final String ADMIN_KEY = "admin-key-0123456789";

    @TempDir
    Path dir;

    private ParleyConfig load(String keysYaml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("parley.yaml");
        String entries = keysYaml.strip().replace("\\n", "\n").lines()
                .map(line -> "    " + line + "\n")
                .collect(Collectors.joining());
        Files.writeString(file, "api:\n  keys:\n" + entries);
        return ConfigLoader.load(file, env);
    }

    @Test
    void namedKeysAndBootstrapKeyAreAccepted() throws IOException {
        ParleyConfig config = load("""
                - name: crm-sync
                  key: crm-sync-key-0123456789
                  role: write
                - name: dashboard
                  key: dashboard-key-0123456789
                  role: READ
                """, Map.of("PARLEY_API_KEY", ADMIN_KEY));
        Api api = config.api();
        assertEquals(ADMIN_KEY, api.bootstrapKey().reveal());
        assertEquals(List.of(
                new ApiKey("crm-sync", Secret.of("crm-sync-key-0123456789"), Role.WRITE),
                new ApiKey("dashboard", Secret.of("dashboard-key-0123456789"), Role.READ)), api.keys());
        assertEquals(List.of("bootstrap", "crm-sync", "dashboard"),
                api.all().stream().map(ApiKey::name).toList());
        assertFalse(api.open());
        assertEquals(Role.ADMIN, api.match(ADMIN_KEY).orElseThrow().role());
        assertEquals("dashboard", api.match("dashboard-key-0123456789").orElseThrow().name());
        assertTrue(api.match("dashboard-key-012345678").isEmpty());
        assertTrue(api.match("").isEmpty());
        assertFalse(api.toString().contains("key-0123456789"), api.toString());
    }

    @Test
    void noKeyAtAllLeavesTheApiOpen() {
        assertTrue(ConfigLoader.defaults().api().open());
        assertTrue(ConfigLoader.defaults().api().match("anything-at-all-really").isEmpty());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "- name: a\\n  key: short\\n  role: READ\\n"
                    + " | api.keys[0].key: a key of 5 characters is too short (at least 16)",
            "- name: a\\n  key: long-enough-key-0001\\n  role: root\\n"
                    + " | api.keys[0].role: 'root' is not a role (ADMIN, WRITE or READ)",
            "- name: a\\n  key: long-enough-key-0001\\n"
                    + " | api.keys[0].role: is required",
            "- name: a\\n  key: long-enough-key-0001\\n  role: READ\\n  rol: READ\\n"
                    + " | api.keys[0]: unknown field 'rol' (expected name, key and role)",
            "- name: a\\n  key: long-enough-key-0001\\n  role: READ\\n"
                    + "- name: a\\n  key: long-enough-key-0002\\n  role: READ\\n"
                    + " | api.keys[1].name: 'a' is already used by api.keys[0]",
            "- name: a\\n  key: long-enough-key-0001\\n  role: READ\\n"
                    + "- name: b\\n  key: long-enough-key-0001\\n  role: READ\\n"
                    + " | api.keys[1].key: is the same key as api.keys[0]",
            "- name: b\\n  key: admin-key-0123456789\\n  role: READ\\n"
                    + " | api.keys[0].key: is the same key as api.key",
            "- name: bootstrap\\n  key: long-enough-key-0001\\n  role: READ\\n"
                    + " | api.keys[0].name: 'bootstrap' is reserved for api.key",
            "- crm-sync-key-0123456789\\n"
                    + " | api.keys[0]: expected an entry with name, key and role",
            "- name: a\\n  key: [x]\\n  role: READ\\n"
                    + " | api.keys[0].key: is required as a single value",
    })
    void badEntriesAreReported(String keysYaml, String problem) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(keysYaml, Map.of("PARLEY_API_KEY", ADMIN_KEY)));
        assertEquals(List.of(problem), e.problems());
    }

    @ParameterizedTest
    @CsvSource({"ADMIN, true, true", "WRITE, true, false", "READ, false, false"})
    void rolesGrantWhatTheirNameSays(Role role, boolean canWrite, boolean canAdminister) {
        assertEquals(canWrite, role.canWrite());
        assertEquals(canAdminister, role.canAdminister());
        assertEquals(role, Role.parse(role.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
