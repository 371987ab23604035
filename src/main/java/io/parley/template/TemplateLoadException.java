package io.parley.template;

import java.util.List;
import java.util.stream.Collectors;

/** The template directory cannot be used as it is; lists every problem found, each naming file and field. */
public class TemplateLoadException extends RuntimeException {

    private final transient List<TemplateProblem> problems;

    public TemplateLoadException(List<TemplateProblem> problems) {
        super(problems.size() + " problem(s) in message templates:\n  "
                + problems.stream().map(TemplateProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
