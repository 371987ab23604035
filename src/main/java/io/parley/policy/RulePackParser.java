package io.parley.policy;

import io.parley.domain.Channel;
import io.parley.files.DefinitionFiles;
import io.parley.files.DefinitionYaml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one rule pack file ({@code conf/policies/<id>.yaml}). Validation is strict and complete: unknown fields,
 * malformed hours, durations, days, channels, kinds, scopes and contact types, duplicate cap ids, and an id that
 * differs from the file name are all reported together in one {@link RulePackException}, each error naming the file
 * and the field path. Thread-safe.
 */
public final class RulePackParser {
    static final List<String> FIELDS = List.of("id", "description", "appliesTo", "thirdPartyAfterFailures",
            "channels", "caps");
    static final List<String> APPLIES_TO_FIELDS = List.of("countries", "regions");
    /** Beyond this, "failures before a third party" is a typo rather than a policy. */
    static final int MOST_FAILURES = 100;

    /** Reads and parses a file; its name (without .yaml or .yml) must be the pack's id. */
    public RulePack parse(Path file) {
        return parse(file.toString(), DefinitionFiles.text(file, RulePackException::new));
    }

    /**
     * Parses one YAML document. source is the file it came from: errors name it, and the pack's id must equal its
     * name without directories and extension.
     */
    public RulePack parse(String source, String yamlText) {
        PackProblems problems = new PackProblems(source);
        Object tree = DefinitionYaml.tree(source, yamlText, RulePackException::new);
        if (tree == null) {
            problems.report("", "is empty: expected a rule pack with fields " + String.join(", ", FIELDS));
            problems.throwIfAny();
        }
        PackNode root = PackNode.open(tree, "", problems, FIELDS).orElse(null);
        if (root == null) {
            problems.throwIfAny();
        }
        String expectedId = expectedId(source);
        Optional<String> id = root.parsed("id", true, text -> packId(text, expectedId));
        Optional<String> description = root.text("description", true);
        Optional<Applicability> appliesTo = root.value("appliesTo", true)
                .flatMap(value -> PackNode.open(value, "appliesTo", problems, APPLIES_TO_FIELDS))
                .map(RulePackParser::applicability);
        int thirdPartyAfterFailures = root.has("thirdPartyAfterFailures")
                ? root.integer("thirdPartyAfterFailures", true).filter(n -> failures(root, n)).orElse(0) : 0;
        PackCapReader caps = new PackCapReader(expectedId);
        Map<Channel, ChannelRules> channels = new PackChannelReader(caps).read(root);
        List<Cap> packCaps = caps.packCaps(root);
        problems.throwIfAny();
        return new RulePack(id.orElseThrow(), description.orElseThrow().strip(), appliesTo.orElseThrow(), channels,
                packCaps, thirdPartyAfterFailures);
    }

    private static Applicability applicability(PackNode node) {
        Set<String> countries = node.set("countries", false, true, PackValues::country);
        Set<String> regions = node.set("regions", false, true, PackValues::region);
        return new Applicability(countries, regions);
    }

    private static boolean failures(PackNode root, int value) {
        if (value < 0 || value > MOST_FAILURES) {
            root.report("thirdPartyAfterFailures", value + " is not between 0 and " + MOST_FAILURES);
            return false;
        }
        return true;
    }

    private static String packId(String text, String expected) {
        if (!PackValues.ID.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' must be lower-case letters and digits in words joined"
                    + " by single dashes (e.g. us-regf)");
        }
        if (!text.equals(expected)) {
            throw new IllegalArgumentException("'" + text + "' does not match the file name: the pack in "
                    + expected + ".yaml must have id '" + expected + "'");
        }
        return text;
    }

    /** The file name without directories and without its .yaml or .yml extension. */
    static String expectedId(String source) {
        String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        for (String extension : List.of(".yaml", ".yml")) {
            if (name.endsWith(extension)) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }
}
