/**
 * The process's intake writer: reports taken in at the same moment are written by one transaction (group commit, see
 * platform/batcher.ts). Two batches of up to 64 reports are in flight at a time per process: while one commits, the
 * next is ready and waits for the day's counter row.
 */
import type { Db } from '../db/client.js';
import { Batcher } from '../platform/batcher.js';
import type { Deps } from '../platform/context.js';
import type { PreparedCase } from './prepare-case.js';
import { writeCases, type WrittenCase } from './write-cases.js';

const writers = new WeakMap<Db, Batcher<PreparedCase, WrittenCase>>();

/** The writer of a database handle (one per process and database, created on first use). */
export function intakeWriterOf(deps: Pick<Deps, 'db' | 'clock' | 'work' | 'config' | 'reference' | 'bus'>): Batcher<PreparedCase, WrittenCase> {
  let writer = writers.get(deps.db);
  if (!writer) writers.set(deps.db, (writer = new Batcher((batch) => writeCases(deps, batch), { maxBatch: 64, maxInFlight: 2 })));
  return writer;
}
