package io.parley.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.util.List;

/** Reads definition files strictly: a key given twice in one mapping is a syntax error, not a silent overwrite. */
public final class DefinitionYaml {
    private static final TypeReference<Object> ANY = new TypeReference<>() {
    };
    private static final YAMLMapper YAML = strictMapper();

    private DefinitionYaml() {
    }

    /** A new YAML mapper that rejects duplicate keys. */
    public static YAMLMapper strictMapper() {
        return YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    }

    /**
     * One YAML document as plain Java values (maps, lists, strings, numbers, booleans), or null when it has no
     * content. A syntax error is thrown as failure's exception with one error: source, then {@link YamlSyntax}'s
     * description.
     */
    public static Object tree(String source, String yamlText, Failure failure) {
        try (JsonParser parser = YAML.createParser(yamlText)) {
            return parser.nextToken() == null ? null : YAML.readValue(parser, ANY);
        } catch (IOException e) {
            throw failure.of(source, List.of(source + ": " + YamlSyntax.describe(e)));
        }
    }
}
