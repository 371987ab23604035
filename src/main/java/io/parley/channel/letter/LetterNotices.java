package io.parley.channel.letter;

import com.fasterxml.jackson.core.type.TypeReference;
import io.parley.files.DefinitionYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The notices a letter must carry under the rule packs that apply to it (conf/letters/notices.yaml): per pack, per
 * locale, a list of texts. A letter carries the notices of every pack that applies, in the locale of the letter (its
 * language, then English when the pack has no such text), each once.
 */
public final class LetterNotices {
    private final Map<String, Map<String, List<String>>> byPack;

    private LetterNotices(Map<String, Map<String, List<String>>> byPack) {
        this.byPack = Map.copyOf(byPack);
    }

    public static LetterNotices none() {
        return new LetterNotices(Map.of());
    }

    /** Reads the file; a file that is not there means no notices. Throws naming the file when it is malformed. */
    public static LetterNotices load(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        try {
            Map<String, Map<String, List<String>>> read = DefinitionYaml.strictMapper().readValue(file.toFile(),
                    new TypeReference<>() {
                    });
            return new LetterNotices(read == null ? Map.of() : read);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not a map of pack -> locale -> list of notices: "
                    + e.getMessage(), e);
        }
    }

    /** The notices for a letter in this locale under these packs, in pack order, without repeats. */
    public List<String> forLetter(Collection<String> packs, String locale) {
        Set<String> notices = new LinkedHashSet<>();
        for (String pack : packs) {
            Map<String, List<String>> byLocale = byPack.getOrDefault(pack, Map.of());
            Locale parsed = Locale.forLanguageTag(locale);
            List<String> texts = byLocale.get(parsed.toLanguageTag());
            if (texts == null) {
                texts = byLocale.getOrDefault(parsed.getLanguage(), byLocale.getOrDefault("en", List.of()));
            }
            notices.addAll(texts);
        }
        return List.copyOf(notices);
    }
}
