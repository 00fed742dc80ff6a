/**
 * The classifier that serves predictions: the active version in classifier_models, kept in memory and re-checked
 * every 30 s (one indexed query) so that a version trained by another instance is picked up. Before any version is
 * trained it is the keyword classifier of the leaf categories (version 0, kind 'keywords'), rebuilt when an admin
 * edits the taxonomy. The store is one per database handle, so every route and job of a process shares it.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { classifierModels } from '../db/schema/dispatch.js';
import type { Classifier } from './text/classifier.js';
import type { TextInput } from './text/features.js';
import { keywordClassifier } from './text/keyword-classifier.js';
import type { KeywordPrediction } from './text/keyword-classifier.js';
import { classifierFromJSON } from './text/load-classifier.js';
import { categoriesFingerprint, loadCategoryIndex } from './category-index.js';
import type { CategoryIndex } from './category-index.js';
import { ensureUserDictionary } from './user-dictionary.js';

/** The model in service: its version (0 for the keyword fallback), kind and the categories its labels name. */
export interface ServingModel {
  version: number;
  kind: 'keywords' | 'trained';
  classifier: Classifier;
  /** The version's own threshold, when its trainer set one; the admin's setting applies otherwise. */
  minConfidence: number | null;
  metrics: Record<string, number> | null;
  categories: CategoryIndex;
}

/** One ranked category as the case and the workbench show it. */
export interface RankedCategory {
  code: string;
  name: string;
  confidence: number;
  /** For the keyword classifier: the keywords that matched, so the dispatcher sees why. */
  keywords?: string[];
}

export const RECHECK_MS = 30_000;

/** Loads, caches and re-checks the active classifier of one database. */
export class ModelStore {
  private model: ServingModel | null = null;
  private checkedAt = -Infinity;
  private fingerprint = '';
  private loading: Promise<ServingModel | null> | null = null;

  constructor(private readonly db: Db, private readonly recheckMs = RECHECK_MS) {}

  /** The model in service (null only when no category has keywords and nothing is trained). */
  async current(): Promise<ServingModel | null> {
    if (performance.now() - this.checkedAt < this.recheckMs) return this.model;
    this.loading ??= this.refresh().finally(() => (this.loading = null));
    return this.loading;
  }

  /** Forces a re-check at the next use (after this process trained or activated a version). */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }

  /** The top-k categories for a report, with the version that ranked them. */
  async classify(input: TextInput, k = 3): Promise<{ model: ServingModel; top: RankedCategory[] } | null> {
    const model = await this.current();
    if (!model) return null;
    const top = model.classifier.classify(input, k).map((p) => {
      const c = model.categories.byCode.get(p.label);
      const keywords = (p as Partial<KeywordPrediction>).keywords;
      return { code: p.label, name: c?.name ?? p.label, confidence: p.confidence, ...(keywords ? { keywords } : {}) };
    });
    return { model, top };
  }

  private async refresh(): Promise<ServingModel | null> {
    const [active] = await this.db
      .select({ version: classifierModels.version })
      .from(classifierModels)
      .where(eq(classifierModels.active, true))
      .orderBy(desc(classifierModels.version))
      .limit(1);
    const fingerprint = await categoriesFingerprint(this.db);
    const version = active?.version ?? 0;
    if (this.model && this.model.version === version && fingerprint === this.fingerprint) {
      this.checkedAt = performance.now();
      return this.model;
    }
    // Words first: a trained model's features were counted after the same dictionary was loaded.
    await ensureUserDictionary(this.db);
    const categories = await loadCategoryIndex(this.db);
    this.model = version > 0 ? await this.loadVersion(version, categories) : coldStart(categories);
    this.fingerprint = fingerprint;
    this.checkedAt = performance.now();
    return this.model;
  }

  private async loadVersion(version: number, categories: CategoryIndex): Promise<ServingModel | null> {
    if (this.model?.version === version) return { ...this.model, categories };
    const [row] = await this.db.select().from(classifierModels).where(eq(classifierModels.version, version));
    if (!row) return coldStart(categories);
    const classifier = classifierFromJSON(row.model);
    return { version, kind: classifier.kind, classifier, minConfidence: row.minConfidence, metrics: row.metrics, categories };
  }
}

/** The keyword classifier of the active leaves, or null when no leaf has keywords. */
function coldStart(categories: CategoryIndex): ServingModel | null {
  if (Object.keys(categories.leafKeywords).length === 0) return null;
  return { version: 0, kind: 'keywords', classifier: keywordClassifier(categories.leafKeywords), minConfidence: null, metrics: null, categories };
}

const stores = new WeakMap<Db, ModelStore>();

/** The process's model store of a database (one per handle, created on first use). */
export function modelStoreOf(deps: { db: Db }): ModelStore {
  let store = stores.get(deps.db);
  if (!store) stores.set(deps.db, (store = new ModelStore(deps.db)));
  return store;
}
