-- jiceng_open_cases (migration 0010) planned its lookup afresh at every call (EXECUTE), so that a plan made while
-- `cases` was small could not stay a sequential scan as the table grew. Planning alone was 3.6 % of PostgreSQL's CPU
-- under intake load once batches stopped waiting for each other (perf). The lookup is now a static query whose
-- plan PL/pgSQL keeps, with sequential scans off inside the function: whatever the table's size when the plan was
-- made, it reads the primary key index, which is the right plan for a few ids out of any number of cases; and its
-- generic plan is used from the first call (a custom plan per call would plan it every time, as before).
CREATE OR REPLACE FUNCTION jiceng_open_cases(ids uuid[], statuses text[]) RETURNS text[] AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN '{}'::text[];
  END IF;
  -- The status is compared as an expression no index has: otherwise a plan made on a small table may also read the
  -- status index (a BitmapAnd with the primary key), which on a large one means every open case's entry.
  RETURN (SELECT coalesce(array_agg(c.id::text), '{}'::text[]) FROM cases c WHERE c.id = ANY(ids) AND (c.status || '') = ANY(statuses));
END;
$$ LANGUAGE plpgsql VOLATILE SET enable_seqscan = off SET plan_cache_mode = force_generic_plan;
