-- Intake's one-statement batch checks, inside that statement, that the reference data (categories, rules, policies,
-- units, dispatch settings) its reports were worked out from is still current. When any report of the batch was
-- worked out from another version, the whole statement fails with SQLSTATE JC409, the current version in its detail,
-- and nothing of the batch is written; intake works those reports out again from the new data.
CREATE OR REPLACE FUNCTION jiceng_reference_is(expected integer[]) RETURNS integer AS $$
DECLARE
  current integer;
BEGIN
  SELECT version INTO current FROM reference_versions WHERE id = 1;
  current := coalesce(current, 0);
  IF EXISTS (SELECT 1 FROM unnest(expected) AS e(v) WHERE e.v IS DISTINCT FROM current) THEN
    RAISE EXCEPTION USING ERRCODE = 'JC409', MESSAGE = 'reference data changed', DETAIL = current::text;
  END IF;
  RETURN current;
END;
$$ LANGUAGE plpgsql VOLATILE;
--> statement-breakpoint
-- Which of these cases are still open (the duplicates intake is about to offer), for the same batch statement. The
-- query is planned afresh at each call (EXECUTE): the batch statement's plan is kept for the connection's life, and a
-- plan made while `cases` was small would scan the whole table for ever after.
CREATE OR REPLACE FUNCTION jiceng_open_cases(ids uuid[], statuses text[]) RETURNS text[] AS $$
DECLARE
  found text[];
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN '{}'::text[];
  END IF;
  EXECUTE 'SELECT coalesce(array_agg(id::text), ''{}''::text[]) FROM cases WHERE id = ANY($1) AND status = ANY($2)'
    INTO found USING ids, statuses;
  RETURN found;
END;
$$ LANGUAGE plpgsql VOLATILE;
