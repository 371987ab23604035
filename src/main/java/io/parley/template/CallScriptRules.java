package io.parley.template;

import java.util.List;
import java.util.Map;

/**
 * What a call script template must respect beyond its fields: nothing said before the right party is verified may
 * reveal the debt, and a second factor comes with the answer it expects.
 */
final class CallScriptRules {
    private CallScriptRules() {
    }

    /** Reports what is wrong with one locale's prompts (nothing for a script that is one text). */
    static void check(String field, Map<String, List<TemplatePart>> parts, FileProblems file) {
        if (parts.containsKey(ChannelShape.TEXT)) {
            return;
        }
        CallScript.BEFORE_VERIFICATION.forEach(key -> parts.getOrDefault(key, List.of()).forEach(part ->
                part.variables().stream().filter(TemplateVariables::disclosesDebt).sorted().forEach(variable ->
                        file.add(part.field(), "is said before the right party is verified, so it must not use '"
                                + variable + "'"))));
        boolean asks = parts.containsKey(CallScript.SECOND_FACTOR);
        boolean expects = parts.containsKey(CallScript.SECOND_FACTOR_ANSWER);
        if (asks != expects) {
            file.add(field + "." + (asks ? CallScript.SECOND_FACTOR_ANSWER : CallScript.SECOND_FACTOR),
                    "required with " + (asks ? CallScript.SECOND_FACTOR : CallScript.SECOND_FACTOR_ANSWER)
                            + ": a second factor is asked with the answer it expects (e.g. {{variables.birthYear}})");
        }
    }
}
