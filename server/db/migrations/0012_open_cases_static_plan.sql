-- jiceng_open_cases (migration 0010) planned its lookup afresh at every call (EXECUTE), so that a plan made while
-- `cases` was small could not stay a sequential scan as the table grew. Parsing and planning at every batch was ~10 %
-- of PostgreSQL's CPU per intake once batches stopped waiting for each other. The lookup is now a static query whose
-- plan PL/pgSQL keeps, with sequential scans off inside the function: whatever the table's size when the plan was
-- made, it reads the primary key index, which is the right plan for a few ids out of any number of cases; and its
-- generic plan is used from the first call (a custom plan per call would plan it every time, as before).
CREATE OR REPLACE FUNCTION jiceng_open_cases(ids uuid[], statuses text[]) RETURNS text[] AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN '{}'::text[];
  END IF;
  RETURN (SELECT coalesce(array_agg(c.id::text), '{}'::text[]) FROM cases c WHERE c.id = ANY(ids) AND c.status = ANY(statuses));
END;
$$ LANGUAGE plpgsql VOLATILE SET enable_seqscan = off SET plan_cache_mode = force_generic_plan;
