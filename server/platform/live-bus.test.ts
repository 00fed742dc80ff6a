import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../db/client.js';
import { createTestDatabase } from '../test-support/test-db.js';
import { LiveBus, type LiveEvent } from './live-bus.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const event = (i: number): LiveEvent => ({ type: 'case', id: `case-${i}`, number: `QH-${i}`, status: 'received', reporterId: null, reporterIndex: null, areaPath: '/a/b/', escalationPath: null, taskPaths: [] });

/** Collects events until `count` arrived (or a second passed). */
function collect(bus: LiveBus, count: number): Promise<LiveEvent[]> {
  const seen: LiveEvent[] = [];
  return new Promise((resolve) => {
    const stop = bus.subscribe((e) => {
      seen.push(e);
      if (seen.length >= count) finish();
    });
    const timer = setTimeout(finish, 1_000);
    function finish() {
      clearTimeout(timer);
      stop();
      resolve(seen);
    }
  });
}

describe('LiveBus', () => {
  it('has a notification to send with a transaction on PostgreSQL only, and none for no events', async () => {
    const notify = new LiveBus(database).notifyInTransaction([event(1)]);
    if (database.kind === 'embedded') expect(notify).toBeNull();
    else expect(notify).not.toBeNull();
    expect(new LiveBus(database).notifyInTransaction([])).toBeNull();
  });

  it('delivers events to this instance’s subscribers at once', async () => {
    const bus = new LiveBus(database);
    const seen: string[] = [];
    const stop = bus.subscribe((e) => seen.push(e.id));
    for (let i = 0; i < 3; i++) bus.publish(event(i));
    expect(seen).toEqual(['case-0', 'case-1', 'case-2']);
    stop();
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('delivers a burst of events to another instance, all and in order, without echoing them back', async () => {
    const other = await openPostgres(database.url!, 2);
    const here = new LiveBus(database);
    const there = new LiveBus(other);
    try {
      await here.start();
      await there.start();
      const arriving = collect(there, 50);
      const echoed = collect(here, 51); // here sees its own 50 once, in-process, and no echo through NOTIFY
      for (let i = 0; i < 50; i++) here.publish(event(i));
      expect((await arriving).map((e) => e.id)).toEqual(Array.from({ length: 50 }, (_, i) => `case-${i}`));
      expect(await echoed).toHaveLength(50);

      // Notified with a transaction: delivered when it commits, never when it rolls back.
      const committed = collect(there, 2);
      await database.db.transaction(async (tx) => {
        await tx.execute(here.notifyInTransaction([event(100), event(101)])!);
      });
      expect((await committed).map((e) => e.id)).toEqual(['case-100', 'case-101']);

      // Events rewritten in SQL (intake sets the case number there, and jsonb prints keys in its own order): still
      // delivered to the other instance, still not echoed here.
      const rewritten = collect(there, 1);
      const echoOfRewritten = collect(here, 1);
      await database.db.transaction(async (tx) => {
        await tx.execute(here.notifyInTransaction([event(300)], { index: [7], value: (v, i) => sql`jsonb_set(${v}, '{number}', to_jsonb('QH-300-' || ${i}))` })!);
      });
      expect((await rewritten).map((e) => [e.id, e.number])).toEqual([['case-300', 'QH-300-7']]);
      expect(await echoOfRewritten).toEqual([]);
      const rolledBack = collect(there, 1);
      await database.db.transaction(async (tx) => {
        await tx.execute(here.notifyInTransaction([event(200)])!);
        tx.rollback();
      }).catch(() => undefined);
      expect(await rolledBack).toEqual([]);
    } finally {
      await here.stop();
      await there.stop();
      await other.close();
    }
  });
});
