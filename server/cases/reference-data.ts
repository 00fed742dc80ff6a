/**
 * The reference data intake and dispatch read on every case — categories, deadline policies, dispatch rules, units,
 * the dispatch settings — held in memory as one consistent snapshot. Triggers bump `reference_versions` on every
 * change to those tables (migration 0008), so a snapshot knows whether it is current: the intake writer compares the
 * version inside its own transaction (and asks for a reload when it moved), other use cases call `fresh()`.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { categories, dispatchRules, slaPolicies } from '../db/schema/cases.js';
import { referenceVersions, settings, units } from '../db/schema/org.js';
import { CLASSIFIER_SETTINGS_KEY, classifierSettingsFrom, type ClassifierSettings } from '../dispatch/classifier-settings.js';
import { autoDispatchFrom, DISPATCH_NOTICES_KEY, DISPATCH_SETTINGS_KEY, notifyEveryNewCaseFrom } from './dispatch-settings.js';
import type { CategoryRow } from './categories.js';
import type { SlaPolicy } from './sla-policy.js';

export type DispatchRuleRow = typeof dispatchRules.$inferSelect;
export type UnitRef = Pick<typeof units.$inferSelect, 'id' | 'parentId' | 'path' | 'name' | 'kind' | 'depth' | 'active'>;

/** Everything intake looks up, as of one version. */
export interface ReferenceSnapshot {
  version: number;
  categoryById: Map<string, CategoryRow>;
  categoryByCode: Map<string, CategoryRow>;
  /** Active deadline policies. */
  policies: SlaPolicy[];
  /** Active dispatch rules by category id. */
  rulesByCategory: Map<string, DispatchRuleRow[]>;
  unitById: Map<string, UnitRef>;
  /** Units by parent id (a township's offices are its children). */
  childrenOf: Map<string, UnitRef[]>;
  /** Path of the top unit (the county), '/' when there is none yet. */
  rootPath: string;
  /** Whether an administrator lets rules dispatch without a person (settings key 'dispatch.auto'). */
  dispatchAuto: boolean;
  /** Whether every new case is announced to the dispatchers, not only urgent ones (settings key 'dispatch.notices'). */
  notifyEveryNewCase: boolean;
  classifier: ClassifierSettings;
}

function group<K, V>(rows: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Reads one consistent snapshot (a repeatable-read transaction, so the version matches the rows). */
export async function loadReferenceSnapshot(db: Db): Promise<ReferenceSnapshot> {
  return db.transaction(
    async (tx) => {
      const version = await currentReferenceVersion(tx);
      const cats = await tx.select().from(categories);
      const policies = await tx.select().from(slaPolicies).where(eq(slaPolicies.active, true));
      const rules = await tx.select().from(dispatchRules).where(eq(dispatchRules.active, true));
      const unitRows = await tx
        .select({ id: units.id, parentId: units.parentId, path: units.path, name: units.name, kind: units.kind, depth: units.depth, active: units.active })
        .from(units);
      const settingRows = await tx.select({ key: settings.key, value: settings.value }).from(settings);
      const setting = (key: string) => settingRows.find((s) => s.key === key)?.value;
      const root = unitRows.filter((u) => u.depth === 0).sort((a, b) => a.path.localeCompare(b.path))[0];
      return {
        version,
        categoryById: new Map(cats.map((c) => [c.id, c])),
        categoryByCode: new Map(cats.map((c) => [c.code, c])),
        policies,
        rulesByCategory: group(rules, (r) => r.categoryId),
        unitById: new Map(unitRows.map((u) => [u.id, u])),
        childrenOf: group(unitRows.filter((u) => u.parentId), (u) => u.parentId as string),
        rootPath: root?.path ?? '/',
        dispatchAuto: autoDispatchFrom(setting(DISPATCH_SETTINGS_KEY)),
        notifyEveryNewCase: notifyEveryNewCaseFrom(setting(DISPATCH_NOTICES_KEY)),
        classifier: classifierSettingsFrom(setting(CLASSIFIER_SETTINGS_KEY)),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The version reference data has now (one indexed read). */
export async function currentReferenceVersion(db: Db): Promise<number> {
  const [v] = await db.select({ version: referenceVersions.version }).from(referenceVersions).where(eq(referenceVersions.id, 1));
  return v?.version ?? 0;
}

/** One process's cache of the reference snapshot. */
export class ReferenceData {
  private snapshot: ReferenceSnapshot | null = null;
  private loading: Promise<ReferenceSnapshot> | null = null;
  /** A version seen newer than the snapshot's: the next `current()` reloads. */
  private seen = 0;

  constructor(private readonly db: Db) {}

  /** The cached snapshot, loaded on first use and again after a newer version was seen. */
  async current(): Promise<ReferenceSnapshot> {
    if (this.snapshot && this.snapshot.version >= this.seen) return this.snapshot;
    this.loading ??= loadReferenceSnapshot(this.db)
      .then((s) => (this.snapshot = s))
      .finally(() => (this.loading = null));
    return this.loading;
  }

  /** The snapshot after checking the version first: for use cases off the hot path that must see a change at once. */
  async fresh(): Promise<ReferenceSnapshot> {
    this.saw(await currentReferenceVersion(this.db));
    return this.current();
  }

  /** Records a version read elsewhere (inside the intake writer's transaction). */
  saw(version: number): void {
    if (version > this.seen) this.seen = version;
  }
}
