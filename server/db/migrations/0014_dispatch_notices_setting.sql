-- The dispatch setting 'dispatch.notices' (whether every new case is announced to the dispatchers, or urgent ones
-- only) is read by intake from its cached reference snapshot, like 'dispatch.auto': a change must bump the reference
-- version, so that a batch worked out under the old value is worked out again (migration 0008).
DROP TRIGGER settings_reference_version ON settings;
--> statement-breakpoint
DROP TRIGGER settings_reference_version_delete ON settings;
--> statement-breakpoint
CREATE TRIGGER settings_reference_version AFTER INSERT OR UPDATE ON settings
  FOR EACH ROW WHEN (NEW.key IN ('dispatch.auto', 'dispatch.classifier', 'dispatch.notices')) EXECUTE FUNCTION bump_reference_version();
--> statement-breakpoint
CREATE TRIGGER settings_reference_version_delete AFTER DELETE ON settings
  FOR EACH ROW WHEN (OLD.key IN ('dispatch.auto', 'dispatch.classifier', 'dispatch.notices')) EXECUTE FUNCTION bump_reference_version();
