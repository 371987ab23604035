package io.parley.enrollment;

import java.util.List;
import java.util.UUID;

/**
 * What a case event did: the enrollments it stopped and those it paused, and whether it put the case on hold.
 */
public record CaseEventOutcome(List<UUID> stopped, List<UUID> paused, boolean hold) {
    public CaseEventOutcome {
        stopped = List.copyOf(stopped);
        paused = List.copyOf(paused);
    }
}
