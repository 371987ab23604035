package io.parley.template;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.codes.CommentCode;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.codes.WriteCode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles template text with Mustache and checks it: syntax, only known variables, no partials, inheritance or
 * delimiter changes. Values are HTML-escaped in HTML parts only, and HTML parts may not bypass the escaping.
 */
final class TemplateCompiler {

    private final DefaultMustacheFactory htmlFactory = new DefaultMustacheFactory(name -> null);
    private final DefaultMustacheFactory plainFactory = new DefaultMustacheFactory(name -> null) {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** The compiled part, or empty after adding what is wrong with it to problems. */
    Optional<TemplatePart> compile(String file, String field, String source, boolean html,
                                   List<TemplateProblem> problems) {
        int before = problems.size();
        if (source.contains("{{=")) {
            problems.add(new TemplateProblem(file, field, "changing Mustache delimiters is not supported"));
        }
        if (html && (source.contains("{{{") || source.contains("{{&"))) {
            problems.add(new TemplateProblem(file, field,
                    "unescaped variables ({{{...}}} or {{&...}}) are not allowed in HTML"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Mustache mustache;
        try {
            DefaultMustacheFactory factory = html ? htmlFactory : plainFactory;
            mustache = factory.compile(new StringReader(source), file + "#" + field);
        } catch (MustacheNotFoundException e) {
            problems.add(new TemplateProblem(file, field,
                    "partials and template inheritance ({{> name}}, {{< name}}) are not supported"));
            return Optional.empty();
        } catch (MustacheException e) {
            problems.add(new TemplateProblem(file, field, "Mustache syntax error: " + e.getMessage()));
            return Optional.empty();
        }
        Set<String> variables = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        walk(mustache.getCodes(), false, variables, required, file, field, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new TemplatePart(field, mustache, variables, required));
    }

    private static void walk(Code[] codes, boolean inSection, Set<String> variables, Set<String> required,
                             String file, String field, List<TemplateProblem> problems) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            if (code instanceof ValueCode) {
                use(code.getName(), file, field, problems, variables);
                if (!inSection) {
                    required.add(code.getName());
                }
            } else if (code instanceof IterableCode) {
                use(code.getName(), file, field, problems, variables);
                walk(code.getCodes(), true, variables, required, file, field, problems);
            } else if (code.getName() != null && !(code instanceof WriteCode) && !(code instanceof CommentCode)) {
                problems.add(new TemplateProblem(file, field, "unsupported tag '" + code.getName()
                        + "' (partials and template inheritance are not supported)"));
            }
        }
    }

    private static void use(String name, String file, String field, List<TemplateProblem> problems,
                            Set<String> variables) {
        if (TemplateVariables.known(name)) {
            variables.add(name);
        } else {
            problems.add(new TemplateProblem(file, field, "unknown variable '" + name + "' (known: "
                    + String.join(", ", new TreeSet<>(TemplateVariables.FIXED)) + ", variables.<key>)"));
        }
    }
}
