package io.parley.store;

import java.util.List;
import java.util.Locale;

/** Where an enrollment stands. Active and paused enrollments are open; the others are over. */
public enum EnrollmentStatus {
    ACTIVE, PAUSED, COMPLETED, CANCELLED, STOPPED;

    /** The statuses of an enrollment that is not over. */
    public static final List<EnrollmentStatus> OPEN = List.of(ACTIVE, PAUSED);

    /** The status as stored and shown ("active"). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnrollmentStatus parse(String wire) {
        for (EnrollmentStatus s : values()) {
            if (s.wire().equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown enrollment status '" + wire + "'");
    }

    static String[] wires(List<EnrollmentStatus> statuses) {
        return statuses.stream().map(EnrollmentStatus::wire).toArray(String[]::new);
    }
}
