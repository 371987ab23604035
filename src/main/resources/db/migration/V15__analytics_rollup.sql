-- Strategy analytics kept up to date in the background: one row of numbers per enrollment (the funnel: how far it got,
-- when it was first reached), per enrollment and step (attempts, deliveries, outcomes credited to the step) and per
-- enrollment, step and compliance rule (deferrals, suppressions). The rows are computed with the same rules as a
-- computation over the whole history: an outcome (reply, promise, payment, opt-out, dispute) belongs to the case's
-- enrollment in a sequence that was running when it came, credited to that enrollment's last attempt before it.
-- Writes only mark what they touched (triggers on enrollment, attempt, decision and timeline upsert into
-- analytics_pending or analytics_pending_case: no recomputation and no lock in the writer's transaction); the
-- refresher (io.parley.analytics.AnalyticsRefresher) recomputes the marked enrollments about every second, and a
-- report first catches up with what is still marked. GET /v1/analytics/sequences/{name} then sums these rows over a
-- period's enrollments: no timeline is read.

-- the arm and period columns are copied from the enrollment so the report reads one table, no join
CREATE TABLE analytics_enrollment (
    enrollment_id         uuid PRIMARY KEY REFERENCES enrollment (id),
    sequence_name         text        NOT NULL,
    version               int         NOT NULL,
    variant               text        NOT NULL,   -- '' without an experiment
    created_at            timestamptz NOT NULL,
    attempts              int         NOT NULL,
    delivered             int         NOT NULL,
    right_party           int         NOT NULL,
    replies               int         NOT NULL,
    promises              int         NOT NULL,
    kept                  int         NOT NULL,
    first_contact_seconds numeric                 -- first delivered attempt after the start; null: none yet
);
CREATE INDEX analytics_enrollment_by_sequence ON analytics_enrollment (sequence_name, created_at);

-- an enrollment's attempt rows (one per step attempted) and outcome rows (one per step credited; step_id null:
-- outcomes before its first attempt) are kept apart: the report sums both per step
CREATE TABLE analytics_step (
    enrollment_id   uuid        NOT NULL REFERENCES enrollment (id),
    sequence_name   text        NOT NULL,
    version         int         NOT NULL,
    variant         text        NOT NULL,
    created_at      timestamptz NOT NULL,
    step_id         text,
    attempts        int         NOT NULL,
    delivered       int         NOT NULL,
    right_party     int         NOT NULL,
    replies         int         NOT NULL,
    promises        int         NOT NULL,
    kept            int         NOT NULL,
    broken          int         NOT NULL,
    promised_amount numeric,
    paid_amount     numeric,
    opt_outs        int         NOT NULL,
    disputes        int         NOT NULL
);
CREATE INDEX analytics_step_by_enrollment ON analytics_step (enrollment_id);
CREATE INDEX analytics_step_by_sequence ON analytics_step (sequence_name, created_at);

CREATE TABLE analytics_rule (
    enrollment_id uuid        NOT NULL REFERENCES enrollment (id),
    sequence_name text        NOT NULL,
    version       int         NOT NULL,
    variant       text        NOT NULL,
    created_at    timestamptz NOT NULL,
    step_id       text        NOT NULL,
    outcome       text        NOT NULL,   -- defer | suppress
    rule          text        NOT NULL,
    n             int         NOT NULL
);
CREATE INDEX analytics_rule_by_enrollment ON analytics_rule (enrollment_id);
CREATE INDEX analytics_rule_by_sequence ON analytics_rule (sequence_name, created_at);

-- the timeline kinds counted as outcomes (immutable: folded into each plan, so the partial index timeline_outcomes
-- of V12 serves the look-ups)
CREATE FUNCTION analytics_outcome_kinds() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY ['reply.received', 'promise.recorded', 'promise.kept', 'promise.broken', 'case.event',
                  'contact.opted_out']
$$;

-- an attempt that is a delivery (a delivered status, or any outcome but these); one that reached the debtor in person
CREATE FUNCTION analytics_delivered(status text, outcome text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT status = 'delivered' OR (outcome IS NOT NULL
        AND outcome <> ALL (ARRAY ['failed', 'no_answer', 'not_reached', 'suppressed', 'unknown']))
$$;
CREATE FUNCTION analytics_right_party(outcome text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE(outcome = ANY (ARRAY ['reached', 'promised', 'transferred', 'replied']), false)
$$;

-- the running span of an enrollment: from its start until the case's next enrollment in the same sequence
CREATE FUNCTION analytics_span(ids uuid[])
    RETURNS TABLE (id uuid, case_id text, sequence_name text, version int, variant text, started_at timestamptz,
                   created_at timestamptz, next_start timestamptz)
    LANGUAGE sql STABLE AS $$
    SELECT e.id, e.case_id, e.sequence_name, e.sequence_version, COALESCE(e.variant, ''), e.started_at, e.created_at,
           (SELECT n.started_at FROM enrollment n
            WHERE n.case_id = e.case_id AND n.sequence_name = e.sequence_name
              AND (n.started_at, n.id) > (e.started_at, e.id)
            ORDER BY n.started_at, n.id LIMIT 1)
    FROM unnest(ids) x (id) JOIN enrollment e ON e.id = x.id
$$;

-- Recomputes the rows of these enrollments from the history. Only the refresher calls it, one at a time
-- (SequenceAnalytics.refresh holds an advisory lock for its transaction).
CREATE FUNCTION analytics_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    ids := ARRAY(SELECT DISTINCT x FROM unnest(ids) x WHERE x IS NOT NULL ORDER BY 1);
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    -- joins with unnest, not "= ANY (ids)": a refresh takes a thousand enrollments at once
    DELETE FROM analytics_enrollment a USING unnest(ids) x (id) WHERE a.enrollment_id = x.id;
    DELETE FROM analytics_step a USING unnest(ids) x (id) WHERE a.enrollment_id = x.id;
    DELETE FROM analytics_rule a USING unnest(ids) x (id) WHERE a.enrollment_id = x.id;

    INSERT INTO analytics_enrollment
    SELECT e.id, e.sequence_name, e.version, e.variant, e.created_at, s.attempts, s.delivered, s.right_party,
           o.replies, o.promises, o.kept, extract(epoch FROM s.first_delivered - e.started_at)
    FROM analytics_span(ids) e
    CROSS JOIN LATERAL (
        SELECT count(*) AS attempts, count(*) FILTER (WHERE analytics_delivered(a.status, a.outcome)) AS delivered,
               count(*) FILTER (WHERE analytics_right_party(a.outcome)) AS right_party,
               min(a.created_at) FILTER (WHERE analytics_delivered(a.status, a.outcome)) AS first_delivered
        FROM attempt a WHERE a.enrollment_id = e.id) s
    CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE t.kind = 'reply.received') AS replies,
               count(*) FILTER (WHERE t.kind = 'promise.recorded') AS promises,
               count(*) FILTER (WHERE t.kind = 'promise.kept') AS kept
        FROM timeline t
        WHERE t.case_id = e.case_id AND t.kind = ANY (analytics_outcome_kinds())
          AND t.at >= e.started_at AND (e.next_start IS NULL OR t.at < e.next_start)) o;

    INSERT INTO analytics_step (enrollment_id, sequence_name, version, variant, created_at, step_id, attempts,
                                delivered, right_party, replies, promises, kept, broken, opt_outs, disputes)
    SELECT e.id, e.sequence_name, e.version, e.variant, e.created_at, a.step_id, count(*),
           count(*) FILTER (WHERE analytics_delivered(a.status, a.outcome)),
           count(*) FILTER (WHERE analytics_right_party(a.outcome)), 0, 0, 0, 0, 0, 0
    FROM analytics_span(ids) e JOIN attempt a ON a.enrollment_id = e.id
    GROUP BY e.id, e.sequence_name, e.version, e.variant, e.created_at, a.step_id;

    INSERT INTO analytics_step
    SELECT e.id, e.sequence_name, e.version, e.variant, e.created_at, last.step_id, 0, 0, 0,
           count(*) FILTER (WHERE t.kind = 'reply.received'),
           count(*) FILTER (WHERE t.kind = 'promise.recorded'),
           count(*) FILTER (WHERE t.kind = 'promise.kept'),
           count(*) FILTER (WHERE t.kind = 'promise.broken'),
           sum(CASE WHEN m.amount ~ '^-?[0-9]+(\.[0-9]+)?$' THEN m.amount::numeric END)
               FILTER (WHERE t.kind = 'promise.recorded'),
           sum(CASE WHEN m.amount ~ '^-?[0-9]+(\.[0-9]+)?$' THEN m.amount::numeric END)
               FILTER (WHERE t.kind = 'case.event' AND t.data ->> 'type' = 'payment_received'),
           count(*) FILTER (WHERE t.kind = 'contact.opted_out'),
           count(*) FILTER (WHERE t.kind = 'case.event' AND t.data ->> 'type' = 'dispute')
    FROM analytics_span(ids) e
    JOIN timeline t ON t.case_id = e.case_id AND t.kind = ANY (analytics_outcome_kinds())
        AND t.at >= e.started_at AND (e.next_start IS NULL OR t.at < e.next_start)
    CROSS JOIN LATERAL (SELECT CASE WHEN t.kind = 'promise.recorded' THEN t.data ->> 'amount'
                                    ELSE t.data -> 'details' ->> 'amount' END AS amount) m
    -- the step of the enrollment's last attempt at or before the outcome (ties: the later run)
    LEFT JOIN LATERAL (SELECT a.step_id FROM attempt a
                       WHERE a.enrollment_id = e.id AND a.created_at <= t.at
                       ORDER BY a.created_at DESC, a.run_no DESC LIMIT 1) last ON true
    GROUP BY e.id, e.sequence_name, e.version, e.variant, e.created_at, last.step_id;

    INSERT INTO analytics_rule
    SELECT e.id, e.sequence_name, e.version, e.variant, e.created_at, d.step_id, d.outcome, d.rule, count(*)
    FROM analytics_span(ids) e JOIN decision d ON d.enrollment_id = e.id
    WHERE d.outcome IN ('defer', 'suppress')
    GROUP BY e.id, e.sequence_name, e.version, e.variant, e.created_at, d.step_id, d.outcome, d.rule;
END
$$;

-- What is still to recompute: enrollments (an attempt or decision of theirs was written) and cases (an enrollment of
-- theirs started or moved, or an outcome came: all their enrollments, resolved by the refresher once the write is
-- committed, so an enrollment and an outcome written at once by two transactions are both seen). Each mark is new;
-- the refresher deletes a row only if its mark is still the one it read, so a write meanwhile is refreshed again.
CREATE SEQUENCE analytics_mark;
CREATE TABLE analytics_pending (
    enrollment_id uuid PRIMARY KEY,
    mark          bigint NOT NULL
);
CREATE INDEX analytics_pending_by_mark ON analytics_pending (mark);
CREATE TABLE analytics_pending_case (
    case_id text PRIMARY KEY,
    mark    bigint NOT NULL
);
CREATE INDEX analytics_pending_case_by_mark ON analytics_pending_case (mark);

-- in key order, so that two writers marking the same rows take them in the same order
CREATE FUNCTION analytics_mark(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO analytics_pending (enrollment_id, mark)
    SELECT id, nextval('analytics_mark')
    FROM (SELECT DISTINCT x FROM unnest(ids) x WHERE x IS NOT NULL ORDER BY 1) d (id)
    ON CONFLICT (enrollment_id) DO UPDATE SET mark = EXCLUDED.mark
$$;
CREATE FUNCTION analytics_mark_cases(cases text[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO analytics_pending_case (case_id, mark)
    SELECT id, nextval('analytics_mark')
    FROM (SELECT DISTINCT x FROM unnest(cases) x WHERE x IS NOT NULL ORDER BY 1) d (id)
    ON CONFLICT (case_id) DO UPDATE SET mark = EXCLUDED.mark
$$;

-- a new enrollment: its case (its own rows, and its case's other enrollments in the sequence: their spans moved)
CREATE FUNCTION analytics_enrollments_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analytics_mark_cases(ARRAY(SELECT case_id FROM new_rows));
    RETURN NULL;
END
$$;
CREATE TRIGGER analytics_enrollments_inserted AFTER INSERT ON enrollment
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_enrollments_inserted();

CREATE FUNCTION analytics_enrollment_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analytics_mark_cases(ARRAY[OLD.case_id, NEW.case_id]);
    RETURN NULL;
END
$$;
CREATE TRIGGER analytics_enrollment_moved AFTER UPDATE ON enrollment FOR EACH ROW
    WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id OR OLD.sequence_name IS DISTINCT FROM NEW.sequence_name
        OR OLD.sequence_version IS DISTINCT FROM NEW.sequence_version OR OLD.variant IS DISTINCT FROM NEW.variant
        OR OLD.started_at IS DISTINCT FROM NEW.started_at OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION analytics_enrollment_moved();

CREATE FUNCTION analytics_attempts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analytics_mark(ARRAY(SELECT enrollment_id FROM new_rows));
    RETURN NULL;
END
$$;
CREATE TRIGGER analytics_attempts_inserted AFTER INSERT ON attempt
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_attempts_inserted();

CREATE FUNCTION analytics_attempt_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analytics_mark(ARRAY[OLD.enrollment_id, NEW.enrollment_id]);
    RETURN NULL;
END
$$;
-- only changes of what is counted: not sending -> sent, a provider reference or a time stamp
CREATE TRIGGER analytics_attempt_changed AFTER UPDATE ON attempt FOR EACH ROW
    WHEN (analytics_delivered(OLD.status, OLD.outcome) IS DISTINCT FROM analytics_delivered(NEW.status, NEW.outcome)
        OR analytics_right_party(OLD.outcome) <> analytics_right_party(NEW.outcome)
        OR OLD.step_id IS DISTINCT FROM NEW.step_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
        OR OLD.run_no IS DISTINCT FROM NEW.run_no OR OLD.enrollment_id IS DISTINCT FROM NEW.enrollment_id)
    EXECUTE FUNCTION analytics_attempt_changed();

CREATE FUNCTION analytics_decisions_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analytics_mark(ARRAY(SELECT enrollment_id FROM new_rows WHERE outcome IN ('defer', 'suppress')));
    RETURN NULL;
END
$$;
CREATE TRIGGER analytics_decisions_inserted AFTER INSERT ON decision
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_decisions_inserted();

-- an outcome on a case: its case (the refresher finds the enrollments it belongs to, committed or not when it came)
CREATE FUNCTION analytics_outcomes_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analytics_mark_cases(ARRAY(SELECT case_id FROM new_rows WHERE kind = ANY (analytics_outcome_kinds())));
    RETURN NULL;
END
$$;
CREATE TRIGGER analytics_outcomes_inserted AFTER INSERT ON timeline
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_outcomes_inserted();

-- the history so far
SELECT analytics_refresh(ARRAY(SELECT id FROM enrollment));
