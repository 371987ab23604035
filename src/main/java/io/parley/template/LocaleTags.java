package io.parley.template;

import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * BCP 47 language tags as used by templates and opt-out notices: canonical spelling and the fallback order
 * exact tag, then the language alone, then {@value #DEFAULT}.
 */
final class LocaleTags {

    /** The locale every template and notice set must provide. */
    static final String DEFAULT = "en";

    private LocaleTags() {
    }

    /** The canonical spelling of a well-formed tag ("zh-cn" becomes "zh-CN"); empty when ill-formed or empty. */
    static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.trim()).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** The tags to try for a requested locale, best first, ending with {@value #DEFAULT}. */
    static List<String> fallbackChain(String requested) {
        Set<String> chain = new LinkedHashSet<>();
        canonical(requested).ifPresent(tag -> {
            chain.add(tag);
            chain.add(Locale.forLanguageTag(tag).getLanguage());
        });
        chain.add(DEFAULT);
        return List.copyOf(chain);
    }

    /** The first tag of the requested locale's fallback chain that is available; {@value #DEFAULT} must be. */
    static String resolve(String requested, Set<String> available) {
        for (String tag : fallbackChain(requested)) {
            if (available.contains(tag)) {
                return tag;
            }
        }
        throw new IllegalStateException("no '" + DEFAULT + "' among " + available);
    }
}
