package io.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rule packs written for a test (paths.policies): the shipped packs' call rules, at any hour of the day. */
public final class TestPolicies {
    private TestPolicies() {
    }

    /**
     * Regulation F's calls (7 in 7 per debt, 7-day lockout after a conversation, disclosure, limited-content
     * voicemail) for US debtors, China's (6 unanswered a day per number, no voicemail, promises 15 days ahead) for
     * Chinese ones, and a fallback; every channel allowed 00:00-23:59 local time.
     */
    public static Path callRules() {
        return directory("""
                id: us-regf
                description: Regulation F's call rules at any hour, for tests.
                appliesTo: { countries: [US] }
                channels:
                  voice:
                    hours: "00:00-23:59"
                    lockoutAfterConversation: P7D
                    caps:
                      - { id: 7-in-7, max: 7, window: P7D, scope: debt, counts: [call_placed] }
                    call: { disclosure: true, voicemail: limited, secondFactor: false, promiseWithinDays: 30 }
                """, """
                id: cn
                description: China's call rules at any hour, for tests.
                appliesTo: { countries: [CN] }
                channels:
                  voice:
                    hours: "00:00-23:59"
                    caps:
                      - { id: unanswered-6-per-day, max: 6, window: P1D, scope: contact_point, counts: [call_unanswered] }
                    call: { voicemail: none, promiseWithinDays: 15 }
                """, """
                id: any-time
                description: Everyone else, at any hour, for tests.
                appliesTo: {}
                channels:
                  letter: { hours: "09:00-17:00" }
                """);
    }

    private static Path directory(String... packs) {
        try {
            Path dir = ScratchDirs.create("parley-test-policies");
            for (String pack : packs) {
                String id = pack.lines().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4);
                Files.writeString(dir.resolve(id + ".yaml"), pack);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
