import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../cases/report-samples.js';
import { auditEntries } from '../db/schema/audit.js';
import { classifierModels } from '../db/schema/dispatch.js';
import { mulberry32 } from '../org/prng.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { dispatchAs, gridCentreOf, report, storedCase, unitIdOf } from './dispatch.testutil.js';
import { modelStoreOf } from './model-store.js';
import { retrainIfDue, retrainingDue } from './retrain-job.js';
import { trainFromCases } from './train.js';
import type { TrainingResult } from './train.js';

let t: TestApp;
let here: { lng: number; lat: number };
let tokens: Record<string, string>;
let trained: TrainingResult;

// Leaves with their own report templates; 路灯不亮 (A0301) has a rule that may dispatch without a person.
const LEAVES = ['A0301', 'B0201', 'C0101', 'C0103', 'H0102', 'E0302'];
const PER_LEAF = 12;

beforeAll(async () => {
  t = await createTestApp();
  const { lng, lat } = await gridCentreOf(t);
  here = { lng, lat };
  tokens = { gridworker: await t.login('gridworker'), admin: await t.login('admin'), dispatcher: await t.login('dispatcher') };
  const unit = await unitIdOf(t, '城管局');
  const rng = mulberry32(7);
  for (let i = 0; i < PER_LEAF; i++) {
    for (const code of LEAVES) {
      const r = generateReport(rng, code);
      // Reported without a category; the dispatcher sets it at dispatch (overriding any keyword guess).
      const c = await report(t, tokens.gridworker!, { title: r.title, description: r.description, location: here });
      if (c.status === 'received') await dispatchAs(t, tokens.dispatcher!, c.id, unit, code);
    }
  }
}, 240_000);
afterAll(() => t.close());

describe('training from the cases dispatchers confirmed', () => {
  it('is due once enough cases were dispatched', async () => {
    expect((await retrainingDue(t.deps)).due).toBe(true);
  });

  it('creates version 1 with held-out figures and makes it active over the keyword classifier', async () => {
    trained = await trainFromCases(t.deps);
    expect(trained.version).toBe(1);
    expect(trained.examples).toBe(LEAVES.length * PER_LEAF);
    expect(trained.labels).toBe(LEAVES.length);
    expect(trained.heldOut).toBeGreaterThanOrEqual(LEAVES.length);
    expect(trained.previous).toMatchObject({ version: 0, kind: 'keywords' });
    expect(trained.macroF1).toBeGreaterThanOrEqual(trained.previous!.macroF1);
    expect(trained.activated).toBe(true);
    // The ledger's 72 case texts are far too few to learn word vectors from: the sparse model serves alone.
    expect(trained.embeddingWords).toBeNull();
    const [row] = await t.deps.db.select().from(classifierModels).where(eq(classifierModels.version, 1));
    expect(row).toMatchObject({ kind: 'linear', active: true, trainedOn: trained.examples - trained.heldOut });
    expect(row!.metrics).toMatchObject({ accuracy: trained.accuracy, macroF1: trained.macroF1, heldOut: trained.heldOut, previousVersion: 0 });
    expect((await retrainingDue(t.deps)).due).toBe(false);
    expect(await retrainIfDue(t.deps)).toBeNull();
  });

  it('new cases carry the prediction of version 1', async () => {
    const c = await report(t, tokens.gridworker!, { description: '楼下饭店的油烟直接往我们窗户里排，家里全是油烟味', location: here });
    const stored = await storedCase(t, c.id);
    expect(stored.prediction).toMatchObject({ modelVersion: 1, kind: 'trained' });
    expect(stored.prediction!.top).toHaveLength(3);
    expect(stored.prediction!.top[0]).toMatchObject({ code: 'C0101', name: '餐饮油烟' });
    const conf = stored.prediction!.top.map((p) => p.confidence);
    expect(conf).toEqual([...conf].sort((a, b) => b - a));
    const model = await t.request('GET', '/api/dispatch/model', { token: tokens.admin });
    expect(model.body.serving).toMatchObject({ version: 1, kind: 'trained', labels: LEAVES.length });
    expect(model.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('cases dispatched by rule alone are not learnt from', async () => {
    await t.request('PUT', '/api/settings/dispatch', { token: tokens.admin, body: { autoDispatch: true } });
    const c = await report(t, tokens.gridworker!, { description: '小区路灯不亮', category: 'A0301', location: here });
    expect(c.status).toBe('dispatched');
    const again = await trainFromCases(t.deps);
    expect(again.examples).toBe(LEAVES.length * PER_LEAF);
    expect(again.version).toBe(2);
    modelStoreOf(t.deps).invalidate();
  });
});

describe('automatic dispatch of predicted categories', () => {
  it('a confident prediction with automatic dispatch allowed is dispatched by the rule without a person', async () => {
    await t.request('PUT', '/api/settings/dispatch', { token: tokens.admin, body: { autoDispatch: true } });
    await t.request('PUT', '/api/settings/classifier', { token: tokens.admin, body: { minConfidence: 0.5, autoDispatch: true } });
    const c = await report(t, tokens.gridworker!, { title: '路灯不亮', description: '我们小区门口的路灯坏了一个多星期，晚上黑灯瞎火的', location: here });
    const stored = await storedCase(t, c.id);
    expect(stored.prediction!.top[0]!.code).toBe('A0301');
    expect(stored.prediction!.top[0]!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(c.status).toBe('dispatched');
    expect(stored.leadUnitId).toBe(await unitIdOf(t, '城管局'));
    const [entry] = await t.deps.db.select().from(auditEntries).where(and(eq(auditEntries.subjectId, c.id), eq(auditEntries.action, 'dispatched')));
    expect(entry?.actorId).toBeNull();
    expect(entry?.reason).toContain('智能分类');
  });

  it('below the threshold a person decides: no category, no dispatch', async () => {
    // Trained on a few dozen template reports, the calibrated model is sure of nearly everything (even of this
    // text, which names no problem), so only the strictest threshold (a certainty it never reaches) holds it back.
    await t.request('PUT', '/api/settings/classifier', { token: tokens.admin, body: { minConfidence: 1, autoDispatch: true } });
    const c = await report(t, tokens.gridworker!, { description: '上次说的那个事情还没有下文，麻烦回个电话', location: here });
    const stored = await storedCase(t, c.id);
    expect(stored.prediction!.modelVersion).toBeGreaterThan(0);
    expect(stored.prediction!.top[0]!.confidence).toBeGreaterThan(0.5);
    expect(c.status).toBe('received');
    expect(stored.categoryId).toBeNull();
  });

  it('without automatic dispatch allowed, a confident prediction only sets the category', async () => {
    await t.request('PUT', '/api/settings/classifier', { token: tokens.admin, body: { minConfidence: 0.5, autoDispatch: false } });
    const c = await report(t, tokens.gridworker!, { title: '路灯不亮', description: '我们小区门口的路灯坏了一个多星期，晚上黑灯瞎火的', location: here });
    expect(c.status).toBe('received');
    expect(c.suggestedUnitId).toBe(await unitIdOf(t, '城管局'));
  });
});

describe('scheduled retraining', () => {
  it('trains when enough cases were dispatched since the last training, one instance at a time', async () => {
    const deps = { ...t.deps, config: { ...t.deps.config, JICENG_CLASSIFIER_RETRAIN_CASES: 1 } };
    expect((await retrainingDue(deps)).due).toBe(false);
    t.deps.clock.advance(60_000);
    await t.request('PUT', '/api/settings/dispatch', { token: tokens.admin, body: { autoDispatch: true } });
    expect((await report(t, tokens.gridworker!, { description: '小区路灯不亮', category: 'A0301', location: here })).status).toBe('dispatched');
    expect((await retrainingDue(deps)).due).toBe(true);
    const [a, b] = await Promise.all([retrainIfDue(deps), retrainIfDue(deps)]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    expect((a ?? b)!.version).toBe(3);
    // The attempt is recorded: nothing new is due until more cases are dispatched.
    expect((await retrainingDue(deps)).due).toBe(false);
  });
});
