package io.parley.dispatch;

import io.parley.sequence.SequenceCatalog;
import io.parley.sequence.SequenceDefinition;

/** Every sequence version this service can run: those in the files and those running enrollments started with. */
public record Sequences(SequenceCatalog catalog) {

    public SequenceDefinition definition(String name, int version) {
        return catalog.find(name, version).orElseThrow(() -> new IllegalStateException(
                "sequence " + name + " version " + version + " is not known to this instance"));
    }
}
