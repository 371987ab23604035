package io.parley.template;

import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;

/**
 * One compiled piece of a template (a subject, a body, a paragraph). variables are all the names it uses;
 * required are those used outside any section, which must have a value for the piece to render.
 */
record TemplatePart(String field, Mustache mustache, Set<String> variables, Set<String> required) {

    TemplatePart {
        variables = Set.copyOf(variables);
        required = Set.copyOf(required);
    }

    String render(Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }
}
