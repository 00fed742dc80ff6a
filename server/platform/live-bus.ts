import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { recordSet, type JsonFill } from '../db/record-set.js';

/** A change that open pages should see: which case, and what decides who may see it. */
export interface LiveEvent {
  type: 'case';
  id: string;
  number: string;
  status: string;
  reporterId: string | null;
  reporterIndex: string | null;
  areaPath: string;
  escalationPath: string | null;
  taskPaths: string[];
}

const CHANNEL = 'jiceng_live';

/**
 * Fans changes out to server-sent-event streams: in-process on the embedded database, and across instances through
 * PostgreSQL LISTEN/NOTIFY on a server (each instance ignores the echo of its own notifications).
 */
export class LiveBus {
  private readonly emitter = new EventEmitter();
  private readonly origin = randomUUID();
  /** How every notification of this instance begins: `{"origin":"…","event":` (the event and `}` follow). */
  private readonly echoPrefix = `{"origin":${JSON.stringify(this.origin)},"event":`;
  private listening: Promise<void> | null = null;
  /** Notifications not yet sent to the other instances; sent together on the next turn of the event loop. */
  private outgoing: string[] = [];
  private stopListening: (() => Promise<void>) | null = null;

  constructor(private readonly database: Database) {
    this.emitter.setMaxListeners(10_000);
  }

  /** Starts receiving other instances' events (PostgreSQL only). */
  async start(): Promise<void> {
    if (this.database.kind !== 'postgres' || this.listening) return;
    this.listening = (async () => {
      const client = await this.database.pool!.connect();
      client.on('notification', (msg) => {
        if (msg.channel !== CHANNEL || !msg.payload) return;
        // Our own echo (one per case this instance writes) is known by how it begins, without parsing it: every
        // payload of this instance begins so, whoever wrote its event.
        if (msg.payload.startsWith(this.echoPrefix)) return;
        this.emitter.emit('event', (JSON.parse(msg.payload) as { event: LiveEvent }).event);
      });
      await client.query(`listen ${CHANNEL}`);
      this.stopListening = async () => {
        await client.query(`unlisten ${CHANNEL}`).catch(() => undefined);
        client.release();
      };
    })();
    await this.listening;
  }

  /**
   * Publishes an event to this instance's streams and, on PostgreSQL, to the other instances. Events published in
   * the same turn of the event loop (a batch of reports written together) leave in one statement.
   */
  publish(event: LiveEvent): void {
    this.emitLocal(event);
    if (this.database.kind !== 'postgres') return;
    if (this.outgoing.push(this.payloadOf(event)) > 1) return;
    setImmediate(() => {
      const payloads = this.outgoing;
      this.outgoing = [];
      void this.database.query('select pg_notify($1, p) from unnest($2::text[]) as p', [CHANNEL, payloads]).catch(() => undefined);
    });
  }

  /**
   * The statement that tells the other instances of these events when the caller's transaction commits (PostgreSQL
   * delivers NOTIFY at commit, never for a rollback), or null on the embedded database; after the commit, the caller
   * gives the same events to `emitLocal`. This saves the separate NOTIFY round trip (and its commit) of `publish`.
   * The events may be rewritten in SQL (each as jsonb; the intake writer sets case numbers there), and the bus wraps
   * each in its payload itself, so that a payload always begins as `payloadOf` begins it.
   */
  notifyInTransaction(events: readonly LiveEvent[], fillEvents?: JsonFill): SQL | null {
    if (this.database.kind !== 'postgres' || !events.length) return null;
    const records = events.map((e, k) => ({ i: fillEvents?.index[k] ?? null, e }));
    const text = sql`(${fillEvents ? fillEvents.value(sql`x.e`, sql`x.i`) : sql`x.e`})::text`;
    return sql`select pg_notify(${CHANNEL}, ${this.echoPrefix} || ${text} || '}') from ${recordSet(records, 'i int, e jsonb')}`;
  }

  /** What a notification carries: the event and this instance, whose own echoes `start()` ignores. */
  private payloadOf(event: LiveEvent): string {
    return `${this.echoPrefix}${JSON.stringify(event)}}`;
  }

  /** Delivers events to this instance's streams only: their notification went out with their transaction. */
  emitLocal(event: LiveEvent): void {
    this.emitter.emit('event', event);
  }

  /** Subscribes to events; returns the unsubscribe function. */
  subscribe(listener: (e: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
  }
}
