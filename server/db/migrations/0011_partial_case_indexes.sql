DROP INDEX "cases_reporter_idx";--> statement-breakpoint
DROP INDEX "cases_reporter_index_idx";--> statement-breakpoint
DROP INDEX "cases_lead_unit_idx";--> statement-breakpoint
CREATE INDEX "cases_reporter_idx" ON "cases" USING btree ("reporter_id") WHERE "cases"."reporter_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_reporter_index_idx" ON "cases" USING btree ("reporter_index") WHERE "cases"."reporter_index" is not null;--> statement-breakpoint
CREATE INDEX "cases_lead_unit_idx" ON "cases" USING btree ("lead_unit_id") WHERE "cases"."lead_unit_id" is not null;