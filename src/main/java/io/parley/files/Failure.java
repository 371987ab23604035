package io.parley.files;

import java.util.List;

/** Makes the loader's own exception for the errors of a source, e.g. {@code RulePackException::new}. */
@FunctionalInterface
public interface Failure {
    DefinitionFileException of(String source, List<String> errors);
}
