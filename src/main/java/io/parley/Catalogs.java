package io.parley;

import io.parley.channel.ChannelModules;
import io.parley.config.ParleyConfig;
import io.parley.sequence.SequenceParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Set;
import io.parley.policy.RulePackCatalog;
import io.parley.reply.ReplyClassifier;
import io.parley.sequence.Audience;
import io.parley.domain.Channel;
import io.parley.sequence.SequenceCatalog;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.Step;
import io.parley.template.OptOutNotices;
import io.parley.template.TemplateCatalog;

import java.util.ArrayList;
import java.util.List;

/** The sequence, template, rule pack and reply classifier files, loaded and checked against each other at start. */
record Catalogs(SequenceCatalog sequences, TemplateCatalog templates, RulePackCatalog packs,
                ReplyClassifier replies, Set<Channel> running) {
    private static final Logger LOG = LoggerFactory.getLogger(Catalogs.class);

    /** The files, read for the registered channel modules: their template shapes and branch outcomes. */
    static Catalogs load(ParleyConfig config, ChannelModules channels) {
        SequenceCatalog sequences = SequenceCatalog.loadDirectory(config.paths().sequences(),
                new SequenceParser(channels.outcomes()));
        TemplateCatalog templates = TemplateCatalog.loadDirectory(config.paths().templates(), OptOutNotices.defaults(),
                channels.shapes());
        RulePackCatalog packs = RulePackCatalog.loadDirectory(config.paths().policies());
        ReplyClassifier replies = ReplyClassifier.load(config.paths().replies());
        return new Catalogs(sequences, templates, packs, replies, channels.channels());
    }

    /**
     * Every step's template (and each fallback's) in the files must exist for the channel it is sent on, and a step
     * addressed to third parties must use a template marked safe for them.
     */
    void checkTemplates() {
        List<String> problems = new ArrayList<>();
        for (SequenceDefinition def : sequences.all()) {
            for (Step step : def.allSteps()) {
                check(problems, def, step, step.channel(), step.template(), "template", templates);
                if (step.voicemail() != null) {
                    check(problems, def, step, Channel.VOICE, step.voicemail(), "voicemail", templates);
                    templates.info(step.voicemail()).filter(t -> !t.limitedContent()).ifPresent(t -> problems.add(
                            "sequence '" + def.name() + "' v" + def.version() + ": step '" + step.id()
                                    + "': field 'voicemail': '" + step.voicemail() + "' is not marked limitedContent, "
                                    + "so it may not be left as a voicemail"));
                }
                if (step.audience() == Audience.THIRD_PARTY) {
                    templates.info(step.template()).filter(t -> !t.thirdPartySafe()).ifPresent(t -> problems.add(
                            "sequence '" + def.name() + "' v" + def.version() + ": step '" + step.id()
                                    + "': field 'template': '" + step.template() + "' is not marked thirdPartySafe, "
                                    + "so it may not be sent to third parties"));
                }
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

    private void check(List<String> problems, SequenceDefinition def, Step step, Channel channel, String name,
                       String field, TemplateCatalog templates) {
        if (!running.contains(channel)) {
            // named once at start; at run time such a step is suppressed with this reason (see ContactChoice)
            LOG.warn("{}: sequence '{}' v{}: step '{}': field '{}': channel '{}' has no registered channel module; "
                            + "the step will be suppressed", sequences.origin(def.name(), def.version()).orElse("?"),
                    def.name(), def.version(), step.id(), field, channel.wire());
            return;
        }
        if (!templates.has(name, channel)) {
            problems.add("sequence '" + def.name() + "' v" + def.version() + ": step '" + step.id() + "': field '"
                    + field + "': no " + channel.wire() + " template named '" + name + "'");
        }
    }
}
