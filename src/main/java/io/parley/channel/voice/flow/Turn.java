package io.parley.channel.voice.flow;

import java.util.List;
import java.util.Objects;

/**
 * What a call does next after one thing the callee did: the new state, what is said, then either a question
 * (prompts read while keys are awaited), a transfer to an agent, or hanging up; and the flow events for the timeline.
 */
public record Turn(CallState state, List<String> said, Next next, List<FlowEvent> events) {
    public Turn {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(next, "next");
        said = List.copyOf(said);
        events = List.copyOf(events);
    }

    /** Everything the call says in this turn, in order: the statements, then the question's prompts. */
    public List<String> spoken() {
        return next instanceof Ask ask
                ? java.util.stream.Stream.concat(said.stream(), ask.prompts().stream()).toList() : said;
    }

    /** What follows the statements. */
    public sealed interface Next permits Ask, Transfer, HangUp {
    }

    /**
     * Reads the prompts while waiting for keys: one key, or keys ended by pound.
     *
     * @param untilPound true for keys then #, false for a single key
     */
    public record Ask(List<String> prompts, boolean untilPound) implements Next {
        public Ask {
            prompts = List.copyOf(prompts);
        }
    }

    /** Puts the caller through to a number. */
    public record Transfer(String number) implements Next {
    }

    /** Ends the call. */
    public record HangUp() implements Next {
    }
}
