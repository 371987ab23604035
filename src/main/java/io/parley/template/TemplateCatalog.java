package io.parley.template;

import io.parley.domain.Channel;
import io.parley.files.DefinitionFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message templates of a directory (one &lt;name&gt;.yaml per template), validated at load, rendered per locale.
 * Immutable and safe to share between threads.
 */
public final class TemplateCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateCatalog.class);

    private final Map<String, MessageTemplate> templates;
    private final TemplateRenderer renderer;

    private TemplateCatalog(Map<String, MessageTemplate> templates, OptOutNotices notices) {
        this.templates = Map.copyOf(templates);
        this.renderer = new TemplateRenderer(notices);
    }

    /**
     * Loads every *.yaml and *.yml file of the directory. Throws {@link TemplateLoadException} listing every problem
     * found (each naming file and field) if any file is invalid.
     */
    public static TemplateCatalog loadDirectory(Path dir, OptOutNotices notices, Map<Channel, MessageShape> shapes) {
        Objects.requireNonNull(notices, "notices");
        List<Path> files;
        try {
            files = DefinitionFiles.yamlFiles(dir).stream().filter(file -> !isHidden(file)).toList();
        } catch (IOException e) {
            throw new TemplateLoadException(List.of(new TemplateProblem(dir.toString(), "(directory)",
                    "cannot be listed: " + e)));
        }
        List<TemplateProblem> problems = new ArrayList<>();
        Map<String, MessageTemplate> templates = new LinkedHashMap<>();
        TemplateFileReader reader = new TemplateFileReader(shapes);
        for (Path file : files) {
            String name = templateName(file);
            if (templates.containsKey(name)) {
                problems.add(new TemplateProblem(file.getFileName().toString(), "name",
                        "template '" + name + "' is defined by another file too"));
                continue;
            }
            reader.read(file, problems).ifPresent(template -> templates.put(name, template));
        }
        if (!problems.isEmpty()) {
            throw new TemplateLoadException(problems);
        }
        if (templates.isEmpty()) {
            LOG.warn("No message templates in {}", dir);
        }
        LOG.info("Loaded {} message templates from {}", templates.size(), dir);
        return new TemplateCatalog(templates, notices);
    }

    /** Whether a template of this name exists for this channel. */
    public boolean has(String name, Channel channel) {
        MessageTemplate template = templates.get(name);
        return template != null && template.info().channel() == channel;
    }

    /** The template's channel, safety flags and locales. */
    public Optional<TemplateInfo> info(String name) {
        return Optional.ofNullable(templates.get(name)).map(MessageTemplate::info);
    }

    /** Names of all templates, sorted. */
    public Set<String> names() {
        return new TreeSet<>(templates.keySet());
    }

    /**
     * Renders the template in the locale (exact tag, then its language, then "en") with the context's values.
     *
     * @throws IllegalArgumentException  when there is no template of that name
     * @throws TemplateRenderException when the context lacks a value the template needs
     */
    public RenderedMessage render(String name, String locale, MessageContext ctx) {
        MessageTemplate template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("unknown message template '" + name + "'");
        }
        return renderer.render(template, locale, Objects.requireNonNull(ctx, "ctx"));
    }

    /** The template name a file defines: its file name without the .yaml or .yml extension. */
    static String templateName(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }

    /** Files such as editors' ".name.yaml" backups are not templates. */
    private static boolean isHidden(Path file) {
        return file.getFileName().toString().startsWith(".");
    }
}
