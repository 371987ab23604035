package io.parley.template;

import java.util.Map;

/** A loaded template: its description, the shape its channel's messages take, and its content per locale. */
record MessageTemplate(TemplateInfo info, MessageShape shape, Map<String, LocalizedTemplate> locales) {

    MessageTemplate {
        locales = Map.copyOf(locales);
    }

    LocalizedTemplate localized(String requested) {
        return locales.get(info.localeFor(requested));
    }
}
