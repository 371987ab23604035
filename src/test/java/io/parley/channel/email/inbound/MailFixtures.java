package io.parley.channel.email.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the .eml fixtures under src/test/resources/mail/. */
final class MailFixtures {
    static final String REPLY_DOMAIN = "reply.parley.test";

    private MailFixtures() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = MailFixtures.class.getResourceAsStream("/mail/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture mail/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static InboundEmail parse(String path) {
        try {
            return InboundEmails.parse(bytes(path));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(path, e);
        }
    }

    /** Tab-separated rows of a fixture table, comments and blank lines skipped. */
    static List<String[]> table(String path) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text(path).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split("\t"));
            }
        }
        return rows;
    }

    /** The attempt id an auto-reply or bounce fixture refers to (mail/ids.txt). */
    static UUID attemptOf(String key) {
        return table("ids.txt").stream().filter(r -> r[0].equals(key)).map(r -> UUID.fromString(r[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key));
    }
}
