import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type PgColumnBuilderBase,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * What the cockpit counts for each case (docs/KPIS.md defines each one). A case's facts are 0/1 flags, counts and
 * working-minute sums; rollups hold their sums. The order is the column order everywhere.
 */
export const cockpitMeasures = [
  'received', 'merged', 'urgent', 'open', 'open_urgent', 'overdue_open',
  'dispatched', 'accepted', 'accepted_on_time', 'accept_timed', 'accept_minutes',
  'responded_48h', 'resolved', 'resolved_on_time', 'resolve_timed', 'resolve_minutes', 'resolved_ever',
  'returned', 'returns', 'buck_passing', 'escalated', 'supervision_orders', 'overdue',
  'rated', 'satisfied', 'basically_satisfied', 'reopened', 'reopens',
] as const;
export type CockpitMeasure = (typeof cockpitMeasures)[number];

/** Measures that are sums of minutes (wider columns in rollups). */
export const minuteMeasures: readonly CockpitMeasure[] = ['accept_minutes', 'resolve_minutes'];

/** The dimension columns a rollup may carry; 'area' implies township and village, 'category' implies cat1 and cat2. */
export type CockpitDim = 'township' | 'village' | 'area' | 'cat1' | 'cat2' | 'category' | 'channel' | 'unit';

const dimColumn = (d: CockpitDim) => (d === 'channel' ? text('channel').notNull() : uuid(d).notNull());

function measureColumns(kind: 'fact' | 'sum') {
  const cols: Record<string, PgColumnBuilderBase> = {};
  for (const m of cockpitMeasures) {
    const wide = minuteMeasures.includes(m);
    cols[m] = kind === 'fact' ? (wide ? integer(m).notNull() : smallint(m).notNull()) : wide ? bigint(m, { mode: 'number' }).notNull() : integer(m).notNull();
  }
  return cols as Record<CockpitMeasure, ReturnType<typeof integer>>;
}

/**
 * A rollup ("cube"): sums of the measures per dyadic block of days (level ℓ, block b covers China days
 * [b·2^ℓ, (b+1)·2^ℓ)) and per value of its key dimensions; optionally the histograms of accept and resolve minutes
 * (6 bytes per bucket held, see cockpit/hist-bytes.ts). `stored` columns are implied by the key (an area's township).
 */
function cube(name: string, key: CockpitDim[], stored: CockpitDim[], hist: boolean) {
  const dims: Record<string, PgColumnBuilderBase> = {};
  for (const d of [...stored, ...key]) dims[d] = dimColumn(d);
  return pgTable(
    name,
    {
      level: smallint('level').notNull(),
      block: integer('block').notNull(),
      ...dims,
      ...measureColumns('sum'),
      ...(hist ? { accept_hist: bytea('accept_hist').notNull(), resolve_hist: bytea('resolve_hist').notNull() } : {}),
    },
    (t) => {
      const c = t as unknown as Record<string, never>;
      return [primaryKey({ name: `${name}_pk`, columns: [c.level, c.block, ...key.map((k) => c[k])] as never })];
    },
  );
}

// The lattice of rollups. The query planner (cockpit/planner.ts) picks the smallest one that holds every dimension a
// question filters or groups by; cockpit/cubes.ts describes the same list for it.
export const cockpitRAll = cube('cockpit_r_all', [], [], true);
export const cockpitRTownship = cube('cockpit_r_township', ['township'], [], true);
export const cockpitRChannel = cube('cockpit_r_channel', ['channel'], [], true);
export const cockpitRCat1 = cube('cockpit_r_cat1', ['cat1'], [], true);
export const cockpitRUnit = cube('cockpit_r_unit', ['unit'], [], true);
export const cockpitRArea = cube('cockpit_r_area', ['area'], ['township', 'village'], false);
export const cockpitRCategory = cube('cockpit_r_category', ['category'], ['cat1', 'cat2'], false);
export const cockpitRTownshipCat1Channel = cube('cockpit_r_tcc', ['township', 'cat1', 'channel'], [], false);
export const cockpitRAreaChannel = cube('cockpit_r_ach', ['area', 'channel'], ['township', 'village'], false);
export const cockpitRAreaCat1 = cube('cockpit_r_ac1', ['area', 'cat1'], ['township', 'village'], false);
export const cockpitRTownshipCategory = cube('cockpit_r_tc', ['township', 'category'], ['cat1', 'cat2'], false);
export const cockpitRUnitTownshipCat1 = cube('cockpit_r_utc', ['unit', 'township', 'cat1'], [], true);
export const cockpitRUnitChannel = cube('cockpit_r_uch', ['unit', 'channel'], [], true);
export const cockpitRAreaUnit = cube('cockpit_r_au', ['area', 'unit'], ['township', 'village'], false);
export const cockpitRUnitTownshipCat1Channel = cube('cockpit_r_utcc', ['unit', 'township', 'cat1', 'channel'], [], false);

/**
 * One row per case: its place, category, channel, lead unit, received day and facts, as of its last change. The
 * finest level of the rollups (questions no cube covers read it through its indexes) and the "before" of every change.
 */
export const cockpitCaseFacts = pgTable(
  'cockpit_case_facts',
  {
    caseId: uuid('case_id').primaryKey(),
    day: integer('day').notNull(),
    township: uuid('township').notNull(),
    village: uuid('village').notNull(),
    area: uuid('area').notNull(),
    category: uuid('category').notNull(),
    channel: text('channel').notNull(),
    unit: uuid('unit').notNull(),
    ...measureColumns('fact'),
    acceptBucket: smallint('accept_bucket'),
    resolveBucket: smallint('resolve_bucket'),
  },
  (t) => [
    index('cockpit_case_facts_day_idx').on(t.day),
    index('cockpit_case_facts_area_idx').on(t.area, t.day),
    index('cockpit_case_facts_category_idx').on(t.category, t.day),
    index('cockpit_case_facts_unit_idx').on(t.unit, t.day),
  ],
);

/**
 * Changes of case facts not yet folded into the rollups: each change appends the old facts with sign −1 and the new
 * with +1, so concurrent intake never waits on a shared rollup row. The fold job (cockpit/fold.ts) moves them.
 */
export const cockpitDeltas = pgTable('cockpit_deltas', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  day: integer('day').notNull(),
  township: uuid('township').notNull(),
  village: uuid('village').notNull(),
  area: uuid('area').notNull(),
  category: uuid('category').notNull(),
  channel: text('channel').notNull(),
  unit: uuid('unit').notNull(),
  sign: smallint('sign').notNull(),
  ...measureColumns('fact'),
  acceptBucket: smallint('accept_bucket'),
  resolveBucket: smallint('resolve_bucket'),
});

/** Generated reports (monthly, per unit and for the county), kept with their bytes for download. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'monthly'>().notNull(),
    /** 'YYYY-MM' for monthly reports. */
    period: text('period').notNull(),
    /** The unit the report is about; null for the whole county. */
    unitId: uuid('unit_id'),
    format: text('format').$type<'xlsx' | 'html'>().notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('reports_unique_idx').on(t.kind, t.period, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.format),
    index('reports_period_idx').on(t.period),
  ],
);
