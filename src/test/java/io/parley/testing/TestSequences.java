package io.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sequence files written for a test, in a directory of their own (paths.sequences). */
public final class TestSequences {
    /** One text at enrollment, from the shipped demo template. */
    public static final String ONE_TEXT = """
            name: one-text
            version: 1
            stopOn: [payment_received]
            steps:
              - id: text
                channel: sms
                template: demo-sms-1
                at: { anchor: enrollment, after: PT0S }
            """;

    /** One text two days after enrollment, paused by a promise: a case that replies can act on before anything goes. */
    public static final String LATER_TEXT = """
            name: later
            version: 1
            stopOn: [payment_received]
            pauseOn: [promise_to_pay]
            steps:
              - id: first
                channel: sms
                template: demo-sms-1
                at: { anchor: enrollment, after: P2D }
            """;

    private static final Pattern NAME = Pattern.compile("(?m)^name: *([a-z0-9-]+)");

    /**
     * A parser that knows the outcomes of the registered channel modules (a call is reached, not_reached...), as the
     * service parses sequence files.
     */
    public static io.parley.sequence.SequenceParser parser() {
        return new io.parley.sequence.SequenceParser(
                io.parley.channel.ChannelModules.registered(java.util.List.of()).outcomes());
    }

    /** The sequences shipped in conf/sequences, parsed as the service parses them. */
    public static io.parley.sequence.SequenceCatalog shipped() {
        return io.parley.sequence.SequenceCatalog.loadDirectory(Path.of("conf", "sequences"), parser());
    }

    private TestSequences() {
    }

    /** A new directory holding each document as &lt;name&gt;.yaml. */
    public static Path directory(String... documents) {
        try {
            Path dir = ScratchDirs.create("parley-sequences");
            for (String document : documents) {
                Matcher name = NAME.matcher(document);
                if (!name.find()) {
                    throw new IllegalArgumentException("a sequence document needs a name: " + document);
                }
                Files.writeString(dir.resolve(name.group(1) + ".yaml"), document);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
