import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRowsInsert, newCaseRow } from '../cases/new-case-row.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { gridCentreOf, report, storedCase } from './dispatch.testutil.js';

let t: TestApp;
let token: string;
let here: { lng: number; lat: number; gridId: string };
let gridPath: string;

const leak = '和平街菜市场东门的自来水管爆了，水一直往外冒，路面全是水';
const leakAgain = '和平街菜市场东门自来水管爆裂，水一直往外冒，整条路都是水';

/** A case another server instance took in: written straight to the database, this process's cache never saw it. */
async function caseFromAnotherInstance(description: string) {
  const at = t.deps.clock.now();
  const row = newCaseRow({
    id: crypto.randomUUID(), channel: 'web', reporterId: null, anonymous: true, reporterIndex: null, reporterCipher: null, contactCipher: null,
    title: description.slice(0, 20), description, categoryId: null, urgency: 'normal', lng: here.lng, lat: here.lat, address: null,
    gridId: here.gridId, areaPath: gridPath, suggestedUnitId: null, slaPolicyId: null, receivedAt: at, firstResponseDue: null, warnAt: null,
    nextSweepAt: null, externalRef: null, prediction: null,
  });
  await t.deps.db.execute(caseRowsInsert([{ ...row, number: `QH-OTHER-${row.id.slice(0, 8)}` }]));
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
  token = await t.login('gridworker');
  here = await gridCentreOf(t);
  gridPath = (await t.deps.database.query<{ path: string }>('select path from units where id = $1', [here.gridId]))[0]!.path;
});
afterAll(() => t.close());

describe('the duplicate check at intake reads recent cases from memory', () => {
  it('does not see another instance’s case until it hears of it, then finds it at once', async () => {
    t.deps.clock.advance(60_000);
    await report(t, token, { description: '和平街的路灯坏了好几盏，晚上很黑', location: here }); // the grid is now cached
    const other = await caseFromAnotherInstance(leak);
    t.deps.clock.advance(60_000);
    const unheard = await report(t, token, { description: leakAgain, location: here });
    expect((await storedCase(t, unheard.id)).prediction?.duplicates ?? []).toEqual([]);

    // What the live bus delivers from another instance (PostgreSQL NOTIFY) when it takes a case in.
    t.deps.bus.publish({ type: 'case', id: other.id, number: 'QH-OTHER', status: 'received', reporterId: null, reporterIndex: null, areaPath: gridPath, escalationPath: null, taskPaths: [] });
    t.deps.clock.advance(60_000);
    const heard = await report(t, token, { description: leakAgain, location: here });
    const found = (await storedCase(t, heard.id)).prediction?.duplicates?.map((d) => d.id) ?? [];
    expect(found).toContain(other.id);
    expect(found).toContain(unheard.id); // and this process's own report, added as it was written
  });

  it('reads a case heard of from another instance by itself, without reading its grid again', async () => {
    const burst = '和平街小区门口的垃圾桶满了好几天没人清运，臭气熏天';
    t.deps.clock.advance(60_000);
    await report(t, token, { description: '和平街口的井盖松了，车一过就响', location: here }); // the grid is cached (again)
    const unheard = await caseFromAnotherInstance(burst);
    const heard = await caseFromAnotherInstance(burst);
    t.deps.bus.publish({ type: 'case', id: heard.id, number: 'QH-OTHER', status: 'received', reporterId: null, reporterIndex: null, areaPath: gridPath, escalationPath: null, taskPaths: [] });
    t.deps.clock.advance(60_000);
    const checked = await report(t, token, { description: burst, location: here });
    const found = (await storedCase(t, checked.id)).prediction?.duplicates?.map((d) => d.id) ?? [];
    expect(found).toContain(heard.id);
    expect(found).not.toContain(unheard.id); // a reload of the grid would have found it too
  });
});
