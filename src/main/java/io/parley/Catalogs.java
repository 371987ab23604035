package io.parley;

import io.parley.config.ParleyConfig;
import io.parley.dispatch.Sequences;
import io.parley.domain.Channel;
import io.parley.sequence.SequenceCatalog;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.Step;
import io.parley.template.OptOutNotices;
import io.parley.template.TemplateCatalog;

import java.util.ArrayList;
import java.util.List;

/** The sequence and template files, loaded and checked against each other at start. */
record Catalogs(SequenceCatalog sequences, TemplateCatalog templates) {

    static Catalogs load(ParleyConfig config) {
        SequenceCatalog sequences = SequenceCatalog.loadDirectory(config.paths().sequences());
        TemplateCatalog templates = TemplateCatalog.loadDirectory(config.paths().templates(), OptOutNotices.defaults());
        return new Catalogs(sequences, templates);
    }

    /** Every step's template (and each fallback's) must exist for the channel it is sent on. */
    static void checkTemplates(Sequences sequences, TemplateCatalog templates) {
        List<String> problems = new ArrayList<>();
        for (SequenceDefinition def : sequences.catalog().all()) {
            for (Step step : def.steps()) {
                check(problems, def, step, step.channel(), step.template(), "template", templates);
                for (int i = 0; i < step.fallback().size(); i++) {
                    var fallback = step.fallback().get(i);
                    check(problems, def, step, fallback.channel(), fallback.template(),
                            "fallback[" + i + "].template", templates);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
    }

    private static void check(List<String> problems, SequenceDefinition def, Step step, Channel channel, String name,
                              String field, TemplateCatalog templates) {
        if (!templates.has(name, channel)) {
            problems.add("sequence '" + def.name() + "' v" + def.version() + ": step '" + step.id() + "': field '"
                    + field + "': no " + channel.wire() + " template named '" + name + "'");
        }
    }
}
