package io.parley.api;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published description passes Redocly's recommended rules: no error and no warning, beyond those accepted with
 * their reasons in {@code .redocly.lint-ignore.yaml}. Redocly's linter is a Node.js tool: {@code .ci/run} installs it
 * under {@code target/redocly}; without it this test is skipped, saying how to install it.
 */
class OpenApiLintTest {
    /** The linter's version, as {@code .ci/run} installs it. */
    static final String REDOCLY = "@redocly/cli@2.77.0";
    static final Path INSTALLED = Path.of("target", "redocly", "node_modules", ".bin", "redocly");
    private static final String DESCRIPTION = "src/main/resources/openapi.yaml";

    @Test
    void theDescriptionPassesTheRecommendedRules() throws Exception {
        Optional<String> linter = linter();
        if (linter.isEmpty()) {
            String how = "Redocly's linter is not installed, so openapi.yaml was not linted. Install it with `npm install"
                    + " --prefix target/redocly " + REDOCLY + "` (as .ci/run does), or name an installed one with"
                    + " -Dredocly=/path/to/redocly";
            System.err.println("OpenApiLintTest skipped: " + how);
            Assumptions.abort(how);
        }
        List<String> command = new ArrayList<>(List.of(linter.get(), "lint", "--extends=recommended", "--format=json",
                DESCRIPTION));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the linter finished");

        JsonObject report = new JsonObject(output.substring(output.indexOf('{')));
        JsonObject totals = report.getJsonObject("totals");
        String problems = report.getJsonArray("problems").encodePrettily();
        assertEquals(0, totals.getInteger("errors"), problems);
        assertEquals(0, totals.getInteger("warnings"), problems);
        assertEquals(0, process.exitValue(), output);
    }

    /** -Dredocly, else the copy .ci/run installs, else redocly on the PATH. */
    private static Optional<String> linter() {
        String named = System.getProperty("redocly");
        if (named != null && !named.isBlank()) {
            return Optional.of(named);
        }
        if (Files.isExecutable(INSTALLED)) {
            return Optional.of(INSTALLED.toAbsolutePath().toString());
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "redocly")).filter(Files::isExecutable).findFirst().map(Path::toString);
    }
}
