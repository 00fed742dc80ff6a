CREATE TABLE "reference_versions" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
INSERT INTO "reference_versions" ("id", "version") VALUES (1, 1);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_reference_version() RETURNS trigger AS $$
BEGIN
  UPDATE reference_versions SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER categories_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
  FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
--> statement-breakpoint
CREATE TRIGGER dispatch_rules_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dispatch_rules
  FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
--> statement-breakpoint
CREATE TRIGGER sla_policies_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sla_policies
  FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
--> statement-breakpoint
CREATE TRIGGER units_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
--> statement-breakpoint
-- Only the settings intake reads: the retraining lease and report bookkeeping change often and must not count.
CREATE TRIGGER settings_reference_version AFTER INSERT OR UPDATE ON settings
  FOR EACH ROW WHEN (NEW.key IN ('dispatch.auto', 'dispatch.classifier')) EXECUTE FUNCTION bump_reference_version();
--> statement-breakpoint
CREATE TRIGGER settings_reference_version_delete AFTER DELETE ON settings
  FOR EACH ROW WHEN (OLD.key IN ('dispatch.auto', 'dispatch.classifier')) EXECUTE FUNCTION bump_reference_version();
