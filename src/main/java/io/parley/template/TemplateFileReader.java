package io.parley.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.parley.domain.Channel;
import io.parley.files.DefinitionYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one template file (conf/templates/&lt;name&gt;.yaml) and validates it strictly: known keys only, the name
 * matching the file, a channel, an "en" locale, every field the channel needs, valid Mustache using only variables
 * the renderer provides, and no account variables in third-party-safe or limited content.
 */
final class TemplateFileReader {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TemplateFileReader.class);

    private static final List<String> TOP_LEVEL = List.of("name", "channel", "thirdPartySafe", "limitedContent",
            "locales");

    private final YAMLMapper yaml = DefinitionYaml.strictMapper();
    private final TemplateCompiler compiler = new TemplateCompiler();
    private final Map<Channel, MessageShape> shapes;

    /** @param shapes the shape of each channel a module is registered for */
    TemplateFileReader(Map<Channel, MessageShape> shapes) {
        this.shapes = Map.copyOf(shapes);
    }

    /** The template, or empty after adding everything wrong with the file to problems. */
    Optional<MessageTemplate> read(Path path, List<TemplateProblem> problems) {
        FileProblems file = new FileProblems(path.getFileName().toString(), problems);
        JsonNode root;
        try {
            root = yaml.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            file.add("(file)", "invalid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
            return Optional.empty();
        } catch (IOException e) {
            file.add("(file)", "cannot be read: " + e);
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            file.add("(file)", "must be a YAML mapping with keys " + TOP_LEVEL);
            return Optional.empty();
        }
        int before = problems.size();
        file.unknownKeys(root, "", TOP_LEVEL);
        String name = file.text(root, "name");
        String expected = TemplateCatalog.templateName(path);
        if (name != null && !name.equals(expected)) {
            file.add("name", "'" + name + "' must match the file name ('" + expected + "')");
        }
        Channel channel = null;
        String wire = file.text(root, "channel");
        if (wire != null) {
            try {
                channel = Channel.parse(wire);
            } catch (IllegalArgumentException e) {
                file.add("channel", e.getMessage());
            }
            if (channel != null && !shapes.containsKey(channel)) {
                LOG.warn("{}: template for channel '{}', which no registered channel module runs: not loaded",
                        path.getFileName(), channel.wire());
                return Optional.empty();
            }
        }
        boolean thirdPartySafe = file.flag(root, "thirdPartySafe");
        boolean limitedContent = file.flag(root, "limitedContent");
        Map<String, LocalizedTemplate> locales = channel == null ? Map.of() : locales(root, channel, file);
        if (problems.size() > before) {
            return Optional.empty();
        }
        checkSafeContent(locales, thirdPartySafe, limitedContent, file);
        checkCallTimeVariables(locales, channel == null ? null : shapes.get(channel), file);
        if (problems.size() > before) {
            return Optional.empty();
        }
        TemplateInfo info = new TemplateInfo(name, channel, thirdPartySafe, limitedContent, locales.keySet());
        return Optional.of(new MessageTemplate(info, shapes.get(channel), locales));
    }

    private Map<String, LocalizedTemplate> locales(JsonNode root, Channel channel, FileProblems file) {
        JsonNode node = root.get("locales");
        if (node == null || !node.isObject() || node.isEmpty()) {
            file.add("locales", "required: a mapping from language tag (en, zh-CN...) to content");
            return Map.of();
        }
        ChannelShape shape = ChannelShape.of(shapes.get(channel));
        Map<String, LocalizedTemplate> locales = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String field = "locales." + entry.getKey();
            Optional<String> tag = LocaleTags.canonical(entry.getKey());
            if (tag.isEmpty()) {
                file.add(field, "'" + entry.getKey() + "' is not a BCP 47 language tag (e.g. en, zh-CN)");
            } else if (locales.containsKey(tag.get())) {
                file.add(field, "locale '" + tag.get() + "' is given twice");
            } else {
                locales.put(tag.get(), localized(tag.get(), field, entry.getValue(), channel, shape, file));
            }
        });
        if (!locales.containsKey(LocaleTags.DEFAULT)) {
            file.add("locales", "locale '" + LocaleTags.DEFAULT + "' is required (it is the fallback)");
        }
        return locales;
    }

    private LocalizedTemplate localized(String tag, String field, JsonNode content, Channel channel,
                                        ChannelShape shape, FileProblems file) {
        Map<String, List<TemplatePart>> parts = new LinkedHashMap<>();
        // a voice script is either one text read out (a voicemail) or the prompts of a call
        if (shape.scalar() || content.isTextual() && shapes.get(channel) == MessageShape.SCRIPT) {
            compile(field, content, false, file).ifPresent(part -> parts.put(ChannelShape.TEXT, List.of(part)));
            return new LocalizedTemplate(tag, parts);
        }
        if (!content.isObject()) {
            file.add(field, "the " + channel.wire() + " channel needs " + shape.keys() + " per locale");
            return new LocalizedTemplate(tag, parts);
        }
        file.unknownKeys(content, field + ".", shape.keys());
        for (ChannelShape.Field spec : shape.fields()) {
            String path = field + "." + spec.key();
            JsonNode value = content.get(spec.key());
            if (value == null || value.isNull()) {
                if (!spec.optional()) {
                    file.add(path, "required for the " + channel.wire() + " channel");
                }
            } else if (spec.kind() == ChannelShape.Kind.LIST) {
                parts.put(spec.key(), paragraphs(path, value, file));
            } else if (spec.kind() == ChannelShape.Kind.MAP) {
                named(spec.key(), path, value, file, parts);
            } else {
                boolean html = spec.kind() == ChannelShape.Kind.HTML;
                compile(path, value, html, file).ifPresent(part -> parts.put(spec.key(), List.of(part)));
            }
        }
        if (shapes.get(channel) == MessageShape.SCRIPT) {
            CallScriptRules.check(field, parts, file);
        }
        return new LocalizedTemplate(tag, parts);
    }

    private List<TemplatePart> paragraphs(String path, JsonNode value, FileProblems file) {
        List<TemplatePart> parts = new ArrayList<>();
        if (!value.isArray() || value.isEmpty()) {
            file.add(path, "must be a non-empty list of paragraphs");
            return parts;
        }
        for (int i = 0; i < value.size(); i++) {
            compile(path + "[" + i + "]", value.get(i), false, file).ifPresent(parts::add);
        }
        return parts;
    }

    /** A mapping of names to texts, each kept as the part "key.name". */
    private void named(String key, String path, JsonNode value, FileProblems file,
                       Map<String, List<TemplatePart>> parts) {
        if (!value.isObject() || value.isEmpty()) {
            file.add(path, "must be a non-empty mapping of names to text");
            return;
        }
        value.fields().forEachRemaining(entry -> compile(path + "." + entry.getKey(), entry.getValue(), false, file)
                .ifPresent(part -> parts.put(key + "." + entry.getKey(), List.of(part))));
    }

    private Optional<TemplatePart> compile(String path, JsonNode value, boolean html, FileProblems file) {
        if (!value.isTextual() || value.asText().isBlank()) {
            file.add(path, "must be non-empty text");
            return Optional.empty();
        }
        return compiler.compile(file.name(), path, value.asText(), html, file.problems());
    }

    private static void checkCallTimeVariables(Map<String, LocalizedTemplate> locales, MessageShape shape,
                                               FileProblems file) {
        locales.values().forEach(localized -> localized.parts().forEach((key, list) -> list.forEach(part -> {
            boolean allowed = shape == MessageShape.SCRIPT && CallScript.PROMISE_CONFIRM.equals(key);
            part.variables().stream().filter(CallScript.CALL_TIME_VARIABLES::contains).filter(v -> !allowed).sorted()
                    .forEach(variable -> file.add(part.field(), "'" + variable + "' is filled in during a call: only"
                            + " a call script's " + CallScript.PROMISE_CONFIRM + " may use it"));
        })));
    }

    private static void checkSafeContent(Map<String, LocalizedTemplate> locales, boolean thirdPartySafe,
                                         boolean limitedContent, FileProblems file) {
        if (!thirdPartySafe && !limitedContent) {
            return;
        }
        String flag = thirdPartySafe ? "thirdPartySafe" : "limitedContent";
        locales.values().forEach(localized -> localized.parts().values().forEach(list -> list.forEach(part -> {
            Set<String> used = part.variables();
            used.stream().filter(TemplateVariables::disclosesDebt).sorted().forEach(variable ->
                    file.add(part.field(), "a " + flag + " template must not use '" + variable + "'"));
        })));
    }
}
