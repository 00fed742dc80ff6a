import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Notification } from 'pg';
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

/** How often a listening instance says it is there, and how long one stays known without a word from it. */
export interface PresenceTiming {
  heartbeatMs: number;
  forgetAfterMs: number;
  /** For this long after starting, changes are notified whoever is known: the others' replies are still on their way. */
  graceMs: number;
}

const defaultTiming: PresenceTiming = { heartbeatMs: 30_000, forgetAfterMs: 100_000, graceMs: 5_000 };

/** A presence message: `hello` when an instance starts listening and every heartbeat, `reply` to a hello, `bye` when it stops. */
type Presence = 'hello' | 'reply' | 'bye';

/**
 * Fans changes out to server-sent-event streams: in-process on the embedded database, and across instances through
 * PostgreSQL LISTEN/NOTIFY on a server (each instance ignores the echo of its own notifications).
 *
 * Instances that listen know each other: each says `hello` on the channel when it starts listening and every
 * heartbeat, answers every hello, and says `bye` when it stops; one not heard from for `forgetAfterMs` is
 * forgotten. A listening instance that knows no other sends its changes to no one: alone, every NOTIFY was work for
 * PostgreSQL, for its own listening connection and for this process, only to be dropped as an echo (about a sixth of
 * a single instance's intake throughput, docs/BENCHMARKS.md). It notifies whoever it knows while it cannot be sure:
 * before it listens (the command line, a test), in its first `graceMs`, and once its listening connection failed.
 */
export class LiveBus {
  private readonly emitter = new EventEmitter();
  private readonly origin = randomUUID();
  /** How every notification of this instance begins, event or presence: `{"origin":"…",`. */
  private readonly originPrefix = `{"origin":${JSON.stringify(this.origin)},`;
  /** How every event notification of this instance begins: `{"origin":"…","event":` (the event and `}` follow). */
  private readonly echoPrefix = `${this.originPrefix}"event":`;
  private listening: Promise<void> | null = null;
  /** Notifications not yet sent to the other instances; sent together on the next turn of the event loop. */
  private outgoing: string[] = [];
  private stopListening: (() => Promise<void>) | null = null;
  /** The other listening instances: origin → when last heard from (monotonic milliseconds). */
  private readonly peers = new Map<string, number>();
  /** From when (monotonic milliseconds) the peers are known well enough to skip notifying when there are none; null: never. */
  private trustPeersFrom: number | null = null;

  constructor(
    private readonly database: Database,
    private readonly timing: PresenceTiming = defaultTiming,
  ) {
    this.emitter.setMaxListeners(10_000);
  }

  /**
   * Starts receiving other instances' events (PostgreSQL only) and says hello; resolves once this instance's hello
   * came back through the channel, so every instance already listening has it too. A listening connection that is lost
   * (the database restarted, the connection was killed) is opened again, after 1 s and then up to 30 s between tries.
   */
  async start(): Promise<void> {
    if (this.database.kind !== 'postgres' || this.listening) return;
    this.stopped = false;
    this.listening = this.listen();
    await this.listening;
  }

  /** Set by `stop()`: a lost connection is then not opened again. */
  private stopped = false;
  private retry: { timer: NodeJS.Timeout | null; delayMs: number } = { timer: null, delayMs: 1_000 };

  /** Opens the listening connection, says hello and starts the heartbeat; on loss, tries again later. */
  private async listen(): Promise<void> {
    const client = await this.database.pool!.connect();
    let heartbeat: NodeJS.Timeout | undefined = undefined;
    let gone = false;
    // A listener that lost its connection no longer hears who else is there: it notifies whoever is known until it
    // listens again, and it is told again who is there.
    const lost = (error?: unknown) => {
      if (!leave()) return;
      client.off('notification', onNotification).off('error', lost).off('end', lost);
      client.release(error instanceof Error ? error : new Error('live bus: listening connection lost'));
      if (!this.stopped) this.listenLater();
    };
    /** Stops hearing and telling on this connection (once: false when it already was); the peers are unknown from now. */
    const leave = (): boolean => {
      if (gone) return false;
      gone = true;
      clearInterval(heartbeat);
      this.trustPeersFrom = null;
      this.peers.clear();
      this.say = () => undefined;
      return true;
    };
    client.on('error', lost);
    client.on('end', lost);
    let helloHeard: () => void = () => undefined;
    const heard = new Promise<void>((resolve) => (helloHeard = resolve));
    const onNotification = (msg: Notification) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      // Our own echo (one per case this instance writes) is known by how it begins, without parsing it.
      if (msg.payload.startsWith(this.originPrefix)) {
        if (!msg.payload.startsWith(this.echoPrefix)) helloHeard();
        return;
      }
      let message: { origin: string; event?: LiveEvent; presence?: Presence };
      try {
        message = JSON.parse(msg.payload) as typeof message;
      } catch {
        return; // not one of ours: someone else's NOTIFY on the channel
      }
      if (typeof message?.origin !== 'string') return;
      if (message.presence) return this.heardPresence(message.origin, message.presence);
      this.peers.set(message.origin, performance.now());
      if (message.event) this.emitter.emit('event', message.event);
    };
    client.on('notification', onNotification);
    const say = (presence: Presence) => client.query('select pg_notify($1, $2)', [CHANNEL, this.presenceOf(presence)]);
    try {
      await client.query(`listen ${CHANNEL}`);
      await say('hello');
    } catch (e) {
      lost(e);
      throw e;
    }
    this.say = (presence) => void say(presence).catch(() => undefined);
    // Until its hello has come back this instance cannot know it hears the others: if it never does, it always notifies.
    const echoed = await Promise.race([heard.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, 5_000, false).unref())]);
    if (gone) return;
    if (echoed) this.trustPeersFrom = performance.now() + this.timing.graceMs;
    this.retry.delayMs = 1_000;
    heartbeat = setInterval(() => this.say('hello'), this.timing.heartbeatMs);
    heartbeat.unref();
    this.stopListening = async () => {
      if (!leave()) return;
      await say('bye').catch(() => undefined);
      await client.query(`unlisten ${CHANNEL}`).catch(() => undefined);
      // The connection goes back to the pool: without this bus's listeners.
      client.off('notification', onNotification).off('error', lost).off('end', lost);
      client.release();
    };
  }

  /** Listens again after a delay that doubles with each failed try (up to 30 s). */
  private listenLater(): void {
    if (this.retry.timer) return;
    const delay = this.retry.delayMs;
    this.retry.delayMs = Math.min(delay * 2, 30_000);
    this.retry.timer = setTimeout(() => {
      this.retry.timer = null;
      if (this.stopped) return;
      this.listening = this.listen();
      this.listening.catch(() => this.listenLater());
    }, delay);
    this.retry.timer.unref();
  }

  /** Sends a presence message (set while listening). */
  private say: (presence: Presence) => void = () => undefined;

  private presenceOf(presence: Presence): string {
    return `${this.originPrefix}"presence":${JSON.stringify(presence)}}`;
  }

  /** Another instance said hello, replied to ours, or left. A hello is answered, so that its sender learns of us too. */
  private heardPresence(origin: string, presence: Presence): void {
    if (presence === 'bye') {
      this.peers.delete(origin);
      return;
    }
    this.peers.set(origin, performance.now());
    // Every hello is answered, heartbeats too: an instance that listens again after losing its connection has
    // forgotten who is there, and learns it at once.
    if (presence === 'hello') this.say('reply');
  }

  /** How many other listening instances this one knows of (0 when it does not listen). */
  get otherInstances(): number {
    const now = performance.now();
    for (const [origin, at] of this.peers) if (now - at > this.timing.forgetAfterMs) this.peers.delete(origin);
    return this.peers.size;
  }

  /** Whether changes must be notified: unless this instance listens and knows that no other one does. */
  private get othersMayListen(): boolean {
    return this.trustPeersFrom === null || performance.now() < this.trustPeersFrom || this.otherInstances > 0;
  }

  /**
   * Publishes an event to this instance's streams and, on PostgreSQL, to the other instances. Events published in
   * the same turn of the event loop (a batch of reports written together) leave in one statement.
   */
  publish(event: LiveEvent): void {
    this.emitLocal(event);
    if (this.database.kind !== 'postgres' || !this.othersMayListen) return;
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
    if (this.database.kind !== 'postgres' || !events.length || !this.othersMayListen) return null;
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
    this.stopped = true;
    if (this.retry.timer) clearTimeout(this.retry.timer);
    this.retry = { timer: null, delayMs: 1_000 };
    await this.listening?.catch(() => undefined);
    await this.stopListening?.();
    this.stopListening = null;
    this.listening = null;
  }
}
