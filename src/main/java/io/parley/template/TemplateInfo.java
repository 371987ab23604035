package io.parley.template;

import io.parley.domain.Channel;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What callers need to know about a template without rendering it. thirdPartySafe: no amount or debt wording, may
 * reach family or an employer. limitedContent: no debt disclosure, safe for voicemail. locales: BCP 47 tags, "en"
 * among them.
 */
public record TemplateInfo(String name, Channel channel, boolean thirdPartySafe, boolean limitedContent,
                           Set<String> locales) {

    public TemplateInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        locales = Collections.unmodifiableSet(new TreeSet<>(locales));
        if (!locales.contains(LocaleTags.DEFAULT)) {
            throw new IllegalArgumentException("template '" + name + "' has no '" + LocaleTags.DEFAULT + "' locale");
        }
    }

    /** The locale a message for the requested one is written in: exact tag, then its language, then "en". */
    public String localeFor(String requested) {
        return LocaleTags.resolve(requested, locales);
    }
}
