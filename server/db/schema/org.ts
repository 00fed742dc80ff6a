import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { UnitKind } from '../../../common/roles.js';
import type { Polygon } from '../../../common/geo.js';

/** The organisation tree (county → township → village → grid) and the functional offices that own work. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    kind: text('kind').$type<UnitKind>().notNull(),
    name: text('name').notNull(),
    code: text('code').notNull().unique(),
    /** Ids from the root down to this unit, as '/id/id/…/' — a subtree is a prefix match. */
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('units_path_idx').on(t.path.op('text_pattern_ops')),
    index('units_parent_idx').on(t.parentId),
    index('units_kind_idx').on(t.kind),
  ],
);

/** A grid's geometry and its grid worker; the grid itself is a unit of kind 'grid'. */
export const grids = pgTable(
  'grids',
  {
    unitId: uuid('unit_id')
      .primaryKey()
      .references(() => units.id),
    boundary: jsonb('boundary').$type<Polygon>().notNull(),
    minLng: doublePrecision('min_lng').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLng: doublePrecision('max_lng').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    centroidLng: doublePrecision('centroid_lng').notNull(),
    centroidLat: doublePrecision('centroid_lat').notNull(),
    gridWorkerId: uuid('grid_worker_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('grids_bbox_idx').on(t.minLng, t.maxLng, t.minLat, t.maxLat)],
);

/** Key-value settings of one deployment (e.g. whether demo data was seeded). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * One counter that triggers bump whenever reference data changes (categories, dispatch rules, SLA policies, units,
 * the dispatch settings), so every process can cache that data and still notice a change at once (cases/reference-data.ts).
 */
export const referenceVersions = pgTable('reference_versions', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});
