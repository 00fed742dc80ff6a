import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories } from '../db/schema/cases.js';
import { classifierModels } from '../db/schema/dispatch.js';
import type { Deps } from '../platform/context.js';
import type { ManualClock } from '../platform/clock.js';
import { createTestDeps } from '../test-support/test-db.js';
import { boardMessages } from './text/fixtures/board-corpus.js';
import { tinyLabelled, tinyTest } from './text/fixtures/tiny-corpus.js';
import { trainClassifier } from './text/classifier.js';
import { ModelStore } from './model-store.js';
import { KEEP_INACTIVE, storeVersion } from './model-versions.js';

let deps: Deps & { clock: ManualClock };

beforeAll(async () => {
  deps = await createTestDeps({ demo: true });
});
afterAll(() => deps.database.close());

describe('the model store', () => {
  it('serves the keyword classifier of the leaf categories as version 0 before any training', async () => {
    const store = new ModelStore(deps.db);
    const model = await store.current();
    expect(model).toMatchObject({ version: 0, kind: 'keywords' });
    const leaves = await deps.db.select({ code: categories.code }).from(categories).where(eq(categories.level, 3));
    expect(model!.classifier.labels.length).toBe(leaves.length);
    const ranked = await store.classify('井盖丢了，晚上有人差点掉下去');
    expect(ranked!.top[0]).toMatchObject({ name: expect.any(String), confidence: expect.any(Number) });
    expect(ranked!.top[0]!.keywords!.length).toBeGreaterThan(0);
  });

  it('rebuilds the keyword classifier when an admin edits the keywords', async () => {
    const store = new ModelStore(deps.db, 0);
    expect((await store.classify('楼前有一头羊驼在吃草'))!.top).toEqual([]);
    await deps.db.update(categories).set({ keywords: ['羊驼'] }).where(eq(categories.code, 'B0201'));
    expect((await store.classify('楼前有一头羊驼在吃草'))!.top[0]?.code).toBe('B0201');
  });

  it('picks up a version another instance activated at its next re-check, and keeps its cache until then', async () => {
    const cached = new ModelStore(deps.db, 60_000);
    const eager = new ModelStore(deps.db, 0);
    expect((await cached.current())!.version).toBe(0);
    const classifier = trainClassifier({ labelled: tinyLabelled });
    const v = await storeVersion(deps.db, { classifier, trainedOn: tinyLabelled.length, metrics: { accuracy: 1 }, activate: true, now: deps.clock.now() });
    expect(v).toBe(1);
    expect((await eager.current())).toMatchObject({ version: 1, kind: 'trained', metrics: { accuracy: 1 } });
    expect((await cached.current())!.version).toBe(0);
    cached.invalidate();
    expect((await cached.current())!.version).toBe(1);
    // Labels the taxonomy does not know are shown by their own name.
    expect((await eager.classify('公交车班次太少，等了四十分钟'))!.top[0]).toMatchObject({ code: '交通运输', name: '交通运输' });
  });

  it('keeps one active version and only the newest inactive ones', async () => {
    const classifier = trainClassifier({ labelled: tinyLabelled });
    for (let i = 0; i < KEEP_INACTIVE + 2; i++) {
      await storeVersion(deps.db, { classifier, trainedOn: 1, metrics: {}, activate: i === 0, now: deps.clock.now() });
    }
    const rows = await deps.db.select({ version: classifierModels.version, active: classifierModels.active }).from(classifierModels);
    expect(rows.filter((r) => r.active).map((r) => r.version)).toEqual([2]);
    expect(rows.filter((r) => !r.active).map((r) => r.version).sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8]);
  });

  it('serves a model with the embedding view exactly as it was trained, through the database', async () => {
    const board = boardMessages(240, 4).map((m) => m.text);
    const classifier = trainClassifier({
      labelled: tinyLabelled, unlabelled: board, options: { view: { minTexts: 200, embedding: { dim: 8, minCount: 3, window: 3 } } },
    });
    expect(classifier.view).toBeDefined();
    await storeVersion(deps.db, { classifier, trainedOn: tinyLabelled.length, metrics: {}, activate: true, now: deps.clock.now() });
    const served = (await new ModelStore(deps.db, 0).current())!;
    expect(served.kind).toBe('trained');
    for (const t of [...tinyTest.map((x) => x.text), ...board.slice(0, 10)]) {
      expect(served.classifier.classify(t, 3)).toEqual(classifier.classify(t, 3));
    }
  });
});
