package io.parley.store;

/**
 * The kinds of timeline entry the service writes about every case, whatever the channel. A channel's own entries
 * (an email's soft bounce, a call's flow) are named in its package. Which kinds the collection engine hears about as
 * case events is {@link Outbox#typeOf}'s business.
 */
public final class TimelineKinds {
    public static final String ENROLLMENT_CREATED = "enrollment.created";
    public static final String ENROLLMENT_PAUSED = "enrollment.paused";
    public static final String ENROLLMENT_RESUMED = "enrollment.resumed";
    public static final String ENROLLMENT_STOPPED = "enrollment.stopped";
    public static final String ENROLLMENT_CANCELLED = "enrollment.cancelled";
    public static final String ENROLLMENT_COMPLETED = "enrollment.completed";

    public static final String STEP_SCHEDULED = "step.scheduled";
    public static final String STEP_SKIPPED = "step.skipped";
    public static final String STEP_ERROR = "step.error";
    /** A compliance decision about a step run, with its reasons. */
    public static final String DECISION = "decision";

    public static final String ATTEMPT_SENDING = "attempt.sending";
    public static final String ATTEMPT_STATUS = "attempt.status";
    public static final String ATTEMPT_UNKNOWN = "attempt.unknown";

    public static final String CONTACT_OPTED_OUT = "contact.opted_out";
    public static final String CONTACT_OPTED_IN = "contact.opted_in";
    public static final String CONTACT_INVALID = "contact.invalid";
    public static final String DEBTOR_PREFERENCES = "debtor.preferences";
    public static final String HOLD_LIFTED = "hold.lifted";
    public static final String SUPPRESSION_LIFTED = "suppression.lifted";

    public static final String REPLY_RECEIVED = "reply.received";
    public static final String AGENT_FLAGGED = "agent.flagged";
    /** A reply that may not act for the contact point it concerns (not from it, or not authenticated), and why. */
    public static final String REPLY_UNKNOWN_SENDER = "reply.unknown_sender";
    /** A fact about the case from the collection engine (or a reply taken as one). */
    public static final String CASE_EVENT = "case.event";
    public static final String PROMISE_RECORDED = "promise.recorded";
    public static final String PROMISE_KEPT = "promise.kept";
    public static final String PROMISE_BROKEN = "promise.broken";

    /** A hand-off task (field visit, agency placement, legal referral) handed to the collection engine. */
    public static final String TASK_CREATED = "task.created";
    /** What came of a hand-off task (or its timeout). */
    public static final String TASK_OUTCOME = "task.outcome";
    /** A hand-off task closed by Parley: a dispute or other hold cancelled it, or the case was recalled. */
    public static final String TASK_CLOSED = "task.closed";
    /** A task's outcome that lay outside its lawful window: recorded, and flagged. */
    public static final String TASK_COMPLIANCE_EXCEPTION = "task.compliance_exception";

    private TimelineKinds() {
    }
}
