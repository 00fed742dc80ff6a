-- The trail is append-only: no DELETE, and an UPDATE only to sequence a row once (seq and leaf_hash from NULL).
CREATE OR REPLACE FUNCTION audit_entries_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_entries is append-only: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'audit_entries is append-only: TRUNCATE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.leaf_hash IS NOT NULL
     AND (to_jsonb(NEW) - 'seq' - 'leaf_hash') = (to_jsonb(OLD) - 'seq' - 'leaf_hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_entries is append-only: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_guard();
--> statement-breakpoint
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_guard();
