-- Histograms of the rollups from jsonb {bucket: count} to 6 bytes per bucket (cockpit/hist-bytes.ts): int2 bucket and
-- int4 count, big-endian, ascending buckets. Converted in place (ALTER … USING takes no subquery).
ALTER TABLE "cockpit_r_all" ADD COLUMN "accept_hist_b" bytea;--> statement-breakpoint
ALTER TABLE "cockpit_r_all" ADD COLUMN "resolve_hist_b" bytea;--> statement-breakpoint
UPDATE "cockpit_r_all" SET "accept_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(accept_hist) e), "resolve_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(resolve_hist) e);--> statement-breakpoint
ALTER TABLE "cockpit_r_all" DROP COLUMN "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_all" RENAME COLUMN "accept_hist_b" TO "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_all" ALTER COLUMN "accept_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_all" DROP COLUMN "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_all" RENAME COLUMN "resolve_hist_b" TO "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_all" ALTER COLUMN "resolve_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_cat1" ADD COLUMN "accept_hist_b" bytea;--> statement-breakpoint
ALTER TABLE "cockpit_r_cat1" ADD COLUMN "resolve_hist_b" bytea;--> statement-breakpoint
UPDATE "cockpit_r_cat1" SET "accept_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(accept_hist) e), "resolve_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(resolve_hist) e);--> statement-breakpoint
ALTER TABLE "cockpit_r_cat1" DROP COLUMN "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_cat1" RENAME COLUMN "accept_hist_b" TO "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_cat1" ALTER COLUMN "accept_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_cat1" DROP COLUMN "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_cat1" RENAME COLUMN "resolve_hist_b" TO "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_cat1" ALTER COLUMN "resolve_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_channel" ADD COLUMN "accept_hist_b" bytea;--> statement-breakpoint
ALTER TABLE "cockpit_r_channel" ADD COLUMN "resolve_hist_b" bytea;--> statement-breakpoint
UPDATE "cockpit_r_channel" SET "accept_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(accept_hist) e), "resolve_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(resolve_hist) e);--> statement-breakpoint
ALTER TABLE "cockpit_r_channel" DROP COLUMN "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_channel" RENAME COLUMN "accept_hist_b" TO "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_channel" ALTER COLUMN "accept_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_channel" DROP COLUMN "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_channel" RENAME COLUMN "resolve_hist_b" TO "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_channel" ALTER COLUMN "resolve_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_township" ADD COLUMN "accept_hist_b" bytea;--> statement-breakpoint
ALTER TABLE "cockpit_r_township" ADD COLUMN "resolve_hist_b" bytea;--> statement-breakpoint
UPDATE "cockpit_r_township" SET "accept_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(accept_hist) e), "resolve_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(resolve_hist) e);--> statement-breakpoint
ALTER TABLE "cockpit_r_township" DROP COLUMN "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_township" RENAME COLUMN "accept_hist_b" TO "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_township" ALTER COLUMN "accept_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_township" DROP COLUMN "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_township" RENAME COLUMN "resolve_hist_b" TO "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_township" ALTER COLUMN "resolve_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_unit" ADD COLUMN "accept_hist_b" bytea;--> statement-breakpoint
ALTER TABLE "cockpit_r_unit" ADD COLUMN "resolve_hist_b" bytea;--> statement-breakpoint
UPDATE "cockpit_r_unit" SET "accept_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(accept_hist) e), "resolve_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(resolve_hist) e);--> statement-breakpoint
ALTER TABLE "cockpit_r_unit" DROP COLUMN "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_unit" RENAME COLUMN "accept_hist_b" TO "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_unit" ALTER COLUMN "accept_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_unit" DROP COLUMN "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_unit" RENAME COLUMN "resolve_hist_b" TO "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_unit" ALTER COLUMN "resolve_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_uch" ADD COLUMN "accept_hist_b" bytea;--> statement-breakpoint
ALTER TABLE "cockpit_r_uch" ADD COLUMN "resolve_hist_b" bytea;--> statement-breakpoint
UPDATE "cockpit_r_uch" SET "accept_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(accept_hist) e), "resolve_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(resolve_hist) e);--> statement-breakpoint
ALTER TABLE "cockpit_r_uch" DROP COLUMN "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_uch" RENAME COLUMN "accept_hist_b" TO "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_uch" ALTER COLUMN "accept_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_uch" DROP COLUMN "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_uch" RENAME COLUMN "resolve_hist_b" TO "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_uch" ALTER COLUMN "resolve_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_utc" ADD COLUMN "accept_hist_b" bytea;--> statement-breakpoint
ALTER TABLE "cockpit_r_utc" ADD COLUMN "resolve_hist_b" bytea;--> statement-breakpoint
UPDATE "cockpit_r_utc" SET "accept_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(accept_hist) e), "resolve_hist_b" = (select coalesce(string_agg(int2send(e.key::int2) || int4send(e.value::int4), ''::bytea order by e.key::int), ''::bytea) from jsonb_each_text(resolve_hist) e);--> statement-breakpoint
ALTER TABLE "cockpit_r_utc" DROP COLUMN "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_utc" RENAME COLUMN "accept_hist_b" TO "accept_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_utc" ALTER COLUMN "accept_hist" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cockpit_r_utc" DROP COLUMN "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_utc" RENAME COLUMN "resolve_hist_b" TO "resolve_hist";--> statement-breakpoint
ALTER TABLE "cockpit_r_utc" ALTER COLUMN "resolve_hist" SET NOT NULL;
