import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../db/client.js';
import { createTestDatabase } from '../test-support/test-db.js';
import pg from 'pg';
import { LiveBus, type LiveEvent, type PresenceTiming } from './live-bus.js';

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

  describe.skipIf(!process.env.TEST_DATABASE_URL)('instances that know each other', () => {
    const quick: PresenceTiming = { heartbeatMs: 100, forgetAfterMs: 400, graceMs: 0 };

    /** Waits (up to 3 s) until the condition holds. */
    async function until(what: string, holds: () => boolean): Promise<void> {
      for (let waited = 0; !holds(); waited += 20) {
        if (waited > 3_000) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    /** A plain connection listening on the bus's channel: the event notifications it receives. */
    async function eavesdrop(): Promise<{ events: string[]; say(payload: string): Promise<unknown>; close(): Promise<void> }> {
      const client = new pg.Client({ connectionString: database.url! });
      await client.connect();
      const events: string[] = [];
      client.on('notification', (m) => m.payload?.includes('"event":') && events.push(m.payload));
      await client.query('listen jiceng_live');
      return { events, say: (payload) => client.query('select pg_notify($1, $2)', ['jiceng_live', payload]), close: () => client.end() };
    }

    it('alone, sends its changes to no one; with another instance listening, to it; when it leaves, to no one again', async () => {
      const ear = await eavesdrop();
      const other = await openPostgres(database.url!, 2);
      const here = new LiveBus(database, quick);
      const there = new LiveBus(other, quick);
      try {
        await here.start();
        expect(here.otherInstances).toBe(0);
        expect(here.notifyInTransaction([event(1)])).toBeNull();
        here.publish(event(2));
        await new Promise((r) => setTimeout(r, 200));
        expect(ear.events).toEqual([]);

        await there.start();
        await until('both instances to know each other', () => here.otherInstances === 1 && there.otherInstances === 1);
        const arriving = collect(there, 2);
        here.publish(event(3));
        await database.db.transaction(async (tx) => {
          await tx.execute(here.notifyInTransaction([event(4)])!);
        });
        expect((await arriving).map((e) => e.id).sort()).toEqual(['case-3', 'case-4']); // publish sends on the next turn of the loop

        await there.stop();
        await until('the instance that left to be gone', () => here.otherInstances === 0);
        expect(here.notifyInTransaction([event(5)])).toBeNull();
      } finally {
        await here.stop();
        await there.stop();
        await other.close();
        await ear.close();
      }
    });

    it('listens again when its connection is lost, and learns again who is there', async () => {
      const other = await openPostgres(database.url!, 2);
      const here = new LiveBus(database, quick);
      const there = new LiveBus(other, quick);
      try {
        await here.start();
        await there.start();
        await until('both instances to know each other', () => here.otherInstances === 1 && there.otherInstances === 1);
        // The database drops both listening connections (as a restart would).
        const killed = await database.query<{ n: number }>(`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and query in ('listen jiceng_live', 'select pg_notify($1, $2)')`);
        expect(killed[0]!.n).toBe(2);
        await until('the loss to be noticed', () => here.otherInstances === 0 && there.otherInstances === 0);
        // Meanwhile each notifies whoever may listen.
        expect(here.notifyInTransaction([event(1)])).not.toBeNull();
        await until('both to listen again and know each other', () => here.otherInstances === 1 && there.otherInstances === 1);
        const arriving = collect(there, 1);
        here.publish(event(2));
        expect((await arriving).map((e) => e.id)).toEqual(['case-2']);
      } finally {
        await here.stop();
        await there.stop();
        await other.close();
      }
    });

    it('forgets an instance it has not heard from for a while, and notifies whoever is known in its first moments', async () => {
      const ear = await eavesdrop();
      const here = new LiveBus(database, quick);
      try {
        await here.start();
        // Someone else's NOTIFY on the channel is ignored; then one hello and silence (an instance that died without
        // saying bye).
        await ear.say('not a message of ours');
        await ear.say('null');
        await ear.say(JSON.stringify({ origin: 'a-silent-instance', presence: 'hello' }));
        await until('the silent instance to be known', () => here.otherInstances === 1);
        await until('the silent instance to be forgotten', () => here.otherInstances === 0);
        expect(here.notifyInTransaction([event(1)])).toBeNull();
      } finally {
        await here.stop();
      }
      const patient = new LiveBus(database, { ...quick, graceMs: 60_000 });
      const stopped = new LiveBus(database, quick);
      try {
        await patient.start();
        expect(patient.otherInstances).toBe(0);
        expect(patient.notifyInTransaction([event(2)])).not.toBeNull();
        // A bus that no longer listens cannot know who does: it notifies.
        await stopped.start();
        await stopped.stop();
        expect(stopped.notifyInTransaction([event(3)])).not.toBeNull();
      } finally {
        await patient.stop();
        await ear.close();
      }
    });
  });
});
