package io.parley.template;

import java.util.Map;

/** A loaded template: its description and its content per locale. */
record MessageTemplate(TemplateInfo info, Map<String, LocalizedTemplate> locales) {

    MessageTemplate {
        locales = Map.copyOf(locales);
    }

    LocalizedTemplate localized(String requested) {
        return locales.get(info.localeFor(requested));
    }
}
