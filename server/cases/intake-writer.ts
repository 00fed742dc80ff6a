/**
 * The process's intake writer: reports taken in at the same moment are written by one transaction (group commit, see
 * platform/batcher.ts). Up to four batches are in flight at a time per process, each of up to 64 reports: while one
 * waits for its commit, the next is written.
 */
import type { Db } from '../db/client.js';
import { Batcher } from '../platform/batcher.js';
import type { Deps } from '../platform/context.js';
import type { PreparedCase } from './prepare-case.js';
import { writeCases, type WrittenCase } from './write-cases.js';

const writers = new WeakMap<Db, Batcher<PreparedCase, WrittenCase>>();

/** The writer of a database handle (one per process and database, created on first use). */
export function intakeWriterOf(deps: Pick<Deps, 'db' | 'clock' | 'work' | 'config' | 'reference'>): Batcher<PreparedCase, WrittenCase> {
  let writer = writers.get(deps.db);
  if (!writer) writers.set(deps.db, (writer = new Batcher((batch) => writeCases(deps, batch), { maxBatch: 64, maxInFlight: 4 })));
  return writer;
}
