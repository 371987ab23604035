package io.parley.e2e;

import io.parley.testing.ScratchDirs;
import io.parley.Parley;
import io.parley.testing.ServiceHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up refuses bad sequence files, templates that do not exist, and versions changed in place. */
class StartupTest {
    private ServiceHarness harness;
    private Path sequences;

    @BeforeEach
    void start() throws IOException {
        harness = new ServiceHarness();
        sequences = ScratchDirs.create("parley-sequences");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private String failure() {
        var started = Parley.start(harness.config(Map.of("paths.sequences", sequences.toString())));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> started.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS));
        return e.getCause().getMessage();
    }

    private void write(String file, String template, String after) throws IOException {
        Files.writeString(sequences.resolve(file), """
                name: probe
                version: 1
                stopOn: [dispute]
                steps:
                  - id: first-text
                    channel: sms
                    template: %s
                    at: { anchor: enrollment, after: %s }
                """.formatted(template, after));
    }

    @Test
    void anInvalidSequenceFileNamesFileStepAndField() throws IOException {
        write("probe.yaml", "demo-sms-1", "P1X");
        String message = failure();
        assertTrue(message.contains("probe.yaml") && message.contains("step 'first-text'")
                && message.contains("'at.after'"), message);
    }

    @Test
    void aStepWhoseTemplateDoesNotExistStopsTheStart() throws IOException {
        write("probe.yaml", "no-such-template", "PT0S");
        String message = failure();
        assertTrue(message.contains("step 'first-text'") && message.contains("no-such-template"), message);
    }

    @Test
    void aVersionChangedInPlaceStopsTheStart() throws IOException {
        write("probe.yaml", "demo-sms-1", "PT0S");
        Parley first = harness.start(Map.of("paths.sequences", sequences.toString()));
        harness.stop(first);
        write("probe.yaml", "demo-sms-1", "PT10S");
        String message = failure();
        assertTrue(message.contains("probe v1") && message.contains("new version"), message);
    }
}
