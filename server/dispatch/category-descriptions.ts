/**
 * Category descriptions for training: what the taxonomy itself says about each label the model learns. A label gets
 * one description from its own name and keywords, and a level-1 label (learnt for its rare leaves) gets one more for
 * every active category under it that is not learnt on its own. They name sub-topics the confirmed cases may not
 * cover yet. On the 2020 Teddy Cup messages the official taxonomy's names raised cross-validated macro-F1 (0.729 →
 * 0.808 leave-cluster-out, 0.860 → 0.885 stratified) but the test's only by 0.005 (docs/BENCHMARKS.md#classifier);
 * they are kept because nothing went down and a deployment's own keywords say more than those terse names.
 */
import type { TextInput } from './text/features.js';
import type { CategoryIndex, IndexedCategory } from './category-index.js';

/** One description: a short text standing for a label. */
export interface CategoryDescription {
  label: string;
  text: TextInput;
}

function describe(c: IndexedCategory): TextInput {
  // Names say what a category is; keywords are how residents put it. Both go in the title, which counts most.
  return { title: [c.name, ...c.keywords].filter((w) => w.trim() !== '').join(' ') };
}

/** Descriptions of the given labels (category codes) from the category index; unknown labels get none. */
export function categoryDescriptions(labels: ReadonlySet<string>, index: CategoryIndex): CategoryDescription[] {
  const out: CategoryDescription[] = [];
  for (const c of [...index.byCode.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    if (labels.has(c.code)) {
      out.push({ label: c.code, text: describe(c) });
    } else if (c.active && labels.has(c.rootCode) && c.rootCode !== c.code) {
      out.push({ label: c.rootCode, text: describe(c) });
    }
  }
  return out;
}
