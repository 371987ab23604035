-- The analytics marks of V15 cost writers less. The two mark functions were SQL functions called from the statement
-- triggers: their INSERT was planned again at every call, that is at every statement writing enrollments, attempts,
-- decisions or timeline entries (a single enrolment paid it twice). As PL/pgSQL functions their INSERT is planned
-- once per connection, and a statement with nothing to mark (most timeline entries and decisions) stops before it.
-- What is marked, and when, is unchanged.
CREATE OR REPLACE FUNCTION analytics_mark(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) IS DISTINCT FROM 0 THEN
        -- in key order, so that two writers marking the same rows take them in the same order
        INSERT INTO analytics_pending (enrollment_id, mark)
        SELECT d.id, nextval('analytics_mark')
        FROM (SELECT DISTINCT x FROM unnest(ids) x WHERE x IS NOT NULL ORDER BY 1) d (id)
        ON CONFLICT (enrollment_id) DO UPDATE SET mark = EXCLUDED.mark;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION analytics_mark_cases(cases text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(cases) IS DISTINCT FROM 0 THEN
        INSERT INTO analytics_pending_case (case_id, mark)
        SELECT d.id, nextval('analytics_mark')
        FROM (SELECT DISTINCT x FROM unnest(cases) x WHERE x IS NOT NULL ORDER BY 1) d (id)
        ON CONFLICT (case_id) DO UPDATE SET mark = EXCLUDED.mark;
    END IF;
END
$$;
