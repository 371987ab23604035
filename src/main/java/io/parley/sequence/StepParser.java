package io.parley.sequence;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.Channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads one step of a sequence, reporting every problem against the step. */
final class StepParser {
    static final List<String> FIELDS = List.of("id", "kind", "channel", "template", "at", "skipIf", "retry", "fallback", "on",
            "audience", "voicemail");
    static final List<String> RETRY_FIELDS = List.of("max", "backoff");
    static final List<Channel> HAND_OFFS = List.of(Channel.VISIT, Channel.AGENCY, Channel.LEGAL);
    static final List<String> FALLBACK_FIELDS = List.of("channel", "template");
    static final int MAX_RETRIES = 10;

    private final Set<String> stepIds;
    private final BranchOutcomes outcomes;

    /**
     * @param stepIds  every step id declared in the sequence, for checking branch targets
     * @param outcomes the outcomes a step may branch on, by its channel
     */
    StepParser(Set<String> stepIds, BranchOutcomes outcomes) {
        this.stepIds = stepIds;
        this.outcomes = outcomes;
    }

    /** The step, or empty when anything in it was reported. */
    Optional<Step> parse(Object raw, Problems.Scope scope) {
        int problemsBefore = scope.problems().count();
        Optional<Node> opened = Node.open(raw, "", scope, FIELDS);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Node node = opened.get();
        Optional<String> id = node.text("id", true).filter(text -> checkId(node, text));
        Optional<Channel> channel = node.has("kind") ? handOff(node)
                : node.text("channel", true).flatMap(text -> parsed(node, "channel", text, Channel::parse));
        Optional<String> template = node.text("template", true).filter(text -> checkName(node, "template", text));
        Optional<Timing> timing = node.node("at", true, TimingParser.FIELDS).flatMap(TimingParser::parse);
        Set<SkipCondition> skipIf = EnumSet.noneOf(SkipCondition.class);
        node.list("skipIf", false).ifPresent(list -> skipIf.addAll(items(node, "skipIf", list, SkipCondition::parse)));
        Optional<RetryPolicy> retry = node.has("retry")
                ? node.node("retry", true, RETRY_FIELDS).flatMap(StepParser::retry) : Optional.of(RetryPolicy.none());
        List<Fallback> fallback = node.list("fallback", false).map(list -> fallbacks(node, list)).orElse(List.of());
        channel.filter(own -> fallback.stream().anyMatch(f -> f.channel() == own)).ifPresent(own ->
                scope.report(node.path("fallback"), "'" + own.wire() + "' is the step's own channel"));
        Map<AttemptOutcome, String> on = node.has("on") && channel.isPresent() ? branches(node, channel.get()) : Map.of();
        Optional<String> voicemail = node.has("voicemail")
                ? node.text("voicemail", true).filter(text -> checkName(node, "voicemail", text)) : Optional.empty();
        if (voicemail.isPresent() && channel.isPresent() && channel.get() != Channel.VOICE) {
            scope.report(node.path("voicemail"), "only voice steps can leave a voicemail");
        }
        Optional<Audience> audience = node.has("audience")
                ? node.text("audience", true).flatMap(text -> parsed(node, "audience", text, Audience::parse))
                : Optional.of(Audience.BORROWER);
        if (scope.problems().count() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Step(id.orElseThrow(), channel.orElseThrow(), template.orElseThrow(),
                timing.orElseThrow(), skipIf, on, retry.orElseThrow(), fallback, audience.orElseThrow(),
                voicemail.orElse(null)));
    }

    private static boolean checkId(Node node, String id) {
        if (Step.END.equals(id)) {
            node.scope().report(node.path("id"), "'end' is reserved: as a branch target it finishes the sequence");
            return false;
        }
        return checkName(node, "id", id);
    }

    static boolean checkName(Node node, String key, String text) {
        if (!WireValues.NAME.matcher(text).matches()) {
            node.scope().report(node.path(key), "'" + text + "' must be lower-case letters, digits and single dashes");
            return false;
        }
        return true;
    }

    private static <T> Optional<T> parsed(Node node, String key, String text, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException e) {
            node.scope().report(node.path(key), e.getMessage());
            return Optional.empty();
        }
    }

    private static <T> List<T> items(Node node, String key, List<?> list, Function<String, T> parser) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = node.path(key) + "[" + i + "]";
            Object item = list.get(i);
            if (!(item instanceof String text)) {
                node.scope().report(path, "must be a string, not " + Node.describe(item));
                continue;
            }
            try {
                T value = parser.apply(text);
                if (items.contains(value)) {
                    node.scope().report(path, "'" + text + "' is listed twice");
                } else {
                    items.add(value);
                }
            } catch (IllegalArgumentException e) {
                node.scope().report(path, e.getMessage());
            }
        }
        return items;
    }

    /**
     * A hand-off step names its kind instead of a channel: {@code visit} (a field visit), {@code agency} (placing the
     * case with an agency) or {@code legal} (a legal referral).
     */
    private Optional<Channel> handOff(Node node) {
        if (node.has("channel")) {
            node.scope().report(node.path("channel"), "a step has a kind or a channel, not both");
        }
        return node.text("kind", true).flatMap(text -> parsed(node, "kind", text, value -> HAND_OFFS.stream()
                .filter(c -> c.wire().equals(value.trim())).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "unknown kind '" + value + "' (expected one of visit, agency, legal)"))));
    }

    /** Fallbacks are mappings {channel, template}: each channel needs a template written for it. */
    private static List<Fallback> fallbacks(Node node, List<?> list) {
        List<Fallback> fallbacks = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = node.path("fallback") + "[" + i + "]";
            Node.open(list.get(i), path, node.scope(), FALLBACK_FIELDS).ifPresent(item -> {
                Optional<Channel> channel = item.text("channel", true)
                        .flatMap(text -> parsed(item, "channel", text, Channel::parse));
                Optional<String> template = item.text("template", true)
                        .filter(text -> checkName(item, "template", text));
                if (channel.isPresent() && template.isPresent()) {
                    if (fallbacks.stream().anyMatch(f -> f.channel() == channel.get())) {
                        item.scope().report(item.path("channel"), "'" + channel.get().wire() + "' is listed twice");
                    } else {
                        fallbacks.add(new Fallback(channel.get(), template.get()));
                    }
                }
            });
        }
        return fallbacks;
    }

    private static Optional<RetryPolicy> retry(Node retry) {
        Optional<Integer> max = retry.integer("max", true).filter(n -> {
            if (n < 1 || n > MAX_RETRIES) {
                retry.scope().report(retry.path("max"), n + " is out of range (1 to " + MAX_RETRIES
                        + "; leave 'retry' out for no retries)");
                return false;
            }
            return true;
        });
        var backoff = retry.text("backoff", true).flatMap(text -> TimingParser.duration(retry, "backoff", text))
                .filter(d -> {
                    if (d.isZero()) {
                        retry.scope().report(retry.path("backoff"), "must be positive");
                        return false;
                    }
                    return true;
                });
        return max.isPresent() && backoff.isPresent()
                ? Optional.of(new RetryPolicy(max.get(), backoff.get())) : Optional.empty();
    }

    private Map<AttemptOutcome, String> branches(Node node, Channel channel) {
        Map<AttemptOutcome, String> on = new LinkedHashMap<>();
        List<String> possible = this.outcomes.of(channel).stream().map(AttemptOutcome::wire).toList();
        node.node("on", true, possible).ifPresent(branches -> {
            for (Object key : branches.entries().keySet()) {
                String outcome = String.valueOf(key);
                if (!possible.contains(outcome)) {
                    continue; // reported as an unknown field when the mapping was opened
                }
                branches.text(outcome, true).filter(target -> checkTarget(branches, outcome, target))
                        .ifPresent(target -> on.put(AttemptOutcome.parse(outcome), target));
            }
        });
        return on;
    }

    private boolean checkTarget(Node branches, String outcome, String target) {
        if (Step.END.equals(target) || stepIds.contains(target)) {
            return true;
        }
        branches.scope().report(branches.path(outcome), "'" + target + "' is not a step of this sequence (steps: "
                + String.join(", ", stepIds) + ") nor 'end'");
        return false;
    }
}
