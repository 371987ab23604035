package io.parley.dispatch;

import io.parley.sequence.EnrollmentClock;

import java.util.UUID;

/** Which enrollment, of which case, runs which sequence version on which clock. */
record EnrollmentRef(UUID enrollmentId, String caseId, String sequenceName, int sequenceVersion, EnrollmentClock clock) {
}
