package io.parley.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A template's compiled content in one locale: its parts by field key (several for a letter's paragraphs). */
record LocalizedTemplate(String locale, Map<String, List<TemplatePart>> parts) {

    LocalizedTemplate {
        Map<String, List<TemplatePart>> copy = new LinkedHashMap<>();
        parts.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        parts = Collections.unmodifiableMap(copy);
    }

    /** Variables that must have a value for this locale to render. */
    Set<String> required() {
        Set<String> required = new TreeSet<>();
        parts.values().forEach(list -> list.forEach(part -> required.addAll(part.required())));
        return required;
    }

    /** Each field rendered with the scope, in field order. */
    Map<String, List<String>> render(Map<String, Object> scope) {
        Map<String, List<String>> rendered = new LinkedHashMap<>();
        parts.forEach((key, list) -> rendered.put(key, list.stream().map(part -> part.render(scope)).toList()));
        return rendered;
    }
}
