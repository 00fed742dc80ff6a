/**
 * The process's intake writer: reports taken in at the same moment are written by one transaction (group commit, see
 * platform/batcher.ts). One batch of up to 64 reports is in flight at a time per process, and the reports that arrive
 * meanwhile go together in the next. A second batch in flight could only wait for the first's lock on the day's
 * counter row, and it halved the batches: at 32 connections two in flight wrote ~9 reports a batch, one ~16, with
 * less server and database CPU per report and 9–32 % more reports a second in paired runs (docs/BENCHMARKS.md).
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
  if (!writer) writers.set(deps.db, (writer = new Batcher((batch) => writeCases(deps, batch), { maxBatch: 64, maxInFlight: 1 })));
  return writer;
}
