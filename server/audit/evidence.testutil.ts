/**
 * Test-only helpers for the database side of the evidence log: test deps with a signing key (test configs point the
 * data folder at /nonexistent, so the key cannot be generated there), queued entries, and an attacker's raw SQL.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { caseAttachments, cases } from '../db/schema/cases.js';
import type { Db } from '../db/client.js';
import { audit } from '../platform/audit.js';
import { systemActor } from '../platform/actor.js';
import type { ManualClock } from '../platform/clock.js';
import type { Deps } from '../platform/context.js';
import { createTestDeps } from '../test-support/test-db.js';
import { generateSigningKey, type SigningKey } from './checkpoint.js';
import type { HashAlgorithm } from './hash.js';

/** The signing key of every test deployment made here. */
export const TEST_SIGNING_KEY: SigningKey = generateSigningKey();

/** Config overrides that give a test deployment its evidence settings. */
export function evidenceConfig(alg: HashAlgorithm = 'sm3', key: SigningKey = TEST_SIGNING_KEY): Record<string, string> {
  return { JICENG_AUDIT_HASH: alg, JICENG_AUDIT_SIGNING_KEY: key.privateKeyPem };
}

/** Fresh test deps (empty database unless demo) with a signing key and the chosen algorithm. */
export async function evidenceDeps(options: { alg?: HashAlgorithm; demo?: boolean } = {}): Promise<Deps & { clock: ManualClock }> {
  return createTestDeps({ demo: options.demo ?? false, config: evidenceConfig(options.alg) });
}

/** Queues n audit entries about a few subjects, one transaction each, a second apart. */
export async function queueEntries(deps: Deps & { clock: ManualClock }, n: number, subject = (i: number) => `C-${i % 3}`): Promise<void> {
  for (let i = 0; i < n; i++) {
    deps.clock.advance(1000);
    await deps.db.transaction(async (tx) => {
      await audit(
        { db: tx, clock: deps.clock, actor: systemActor, meta: { requestId: `req-${i}`, clientAddress: '10.0.0.8' } },
        {
          action: i % 2 ? 'case.accept' : 'case.dispatch',
          subjectType: 'case',
          subjectId: subject(i),
          changes: { status: { before: `s${i}`, after: `s${i + 1}` }, note: { before: null, after: { n: i, ok: true, 中文: '办理' } } },
          reason: i % 4 === 0 ? '按时限办理' : null,
        },
      );
    });
  }
}

/** Runs SQL as an attacker with database access would: with the append-only triggers switched off. */
export async function asAttacker(db: Db, statements: ReturnType<typeof sql>[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of ['audit_entries', 'merkle_nodes', 'checkpoints', 'signing_keys']) {
      await tx.execute(sql.raw(`alter table ${table} disable trigger user`));
    }
    for (const s of statements) await tx.execute(s);
    for (const table of ['audit_entries', 'merkle_nodes', 'checkpoints', 'signing_keys']) {
      await tx.execute(sql.raw(`alter table ${table} enable trigger user`));
    }
  });
}

/** The database's own message for a failed query (drizzle wraps it as the error's cause). */
export async function failureOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const cause = (e as { cause?: { message?: string } }).cause;
    return cause?.message ?? (e as Error).message;
  }
  return 'no error';
}

/** Files of the test case, by name. */
export const CASE_FILES: Record<string, Buffer> = {
  '现场照片.jpg': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a pretend JPEG of a blocked drain')]),
  '整改回执.pdf': Buffer.from('%PDF-1.4 a pretend receipt'),
};

/** A case row (the ledger's minimum) with its two attachment files stored; returns its id and the files' refs. */
export async function insertCaseWithFiles(deps: Deps): Promise<{ caseId: string; refs: Array<{ name: string; sha256: string; size: number }> }> {
  const caseId = randomUUID();
  const now = deps.clock.now();
  await deps.db.insert(cases).values({
    id: caseId,
    number: `T-${caseId.slice(0, 8)}`,
    channel: 'web',
    title: '排水沟堵塞',
    description: '村口排水沟堵塞，雨天积水',
    areaPath: '/',
    status: 'received',
    receivedAt: now,
    updatedAt: now,
  });
  const refs = Object.entries(CASE_FILES).map(([name, content]) => ({ name, sha256: createHash('sha256').update(content).digest('hex'), size: content.length }));
  await deps.db.insert(caseAttachments).values(
    refs.map((r) => ({
      caseId,
      kind: r.name.endsWith('.pdf') ? ('document' as const) : ('photo' as const),
      filename: r.name,
      mime: r.name.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
      size: r.size,
      sha256: r.sha256,
      content: CASE_FILES[r.name] as Buffer,
      createdAt: now,
    })),
  );
  return { caseId, refs };
}
