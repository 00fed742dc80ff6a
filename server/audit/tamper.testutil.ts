/**
 * Test-only: a small evidence log with one real case (two attachment files, four entries) among other entries and
 * two checkpoints, and the tools an attacker with database access would use on it.
 */
import { createPrivateKey, sign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, isNotNull, sql } from 'drizzle-orm';
import { auditEntries } from '../db/schema/audit.js';
import { audit } from '../platform/audit.js';
import { systemActor } from '../platform/actor.js';
import { isAppError } from '../platform/errors.js';
import { encodeManifest, type EvidenceBundle } from './bundle-schema.js';
import { entryLeafHash } from './canonical.js';
import { caseEvidence, caseEvidenceFile } from './case-evidence.js';
import { checkpoint } from './checkpointer.js';
import { signCheckpoint, type SigningKey } from './checkpoint.js';
import { entryOfRow } from './entry-row.js';
import { asAttacker, evidenceDeps, insertCaseWithFiles, queueEntries } from './evidence.testutil.js';
import { toHex } from './hash.js';
import { CompactRange } from './merkle-compact.js';

/** A log of 13 entries; the case's entries are seq 5–8 (5 and 7 with files); checkpoints at 9 and 13. */
export async function tamperScene() {
  const deps = await evidenceDeps();
  const { caseId, refs } = await insertCaseWithFiles(deps);
  const ctx = { ...deps, actor: systemActor };
  await queueEntries(deps, 5);
  const steps = [
    { action: 'case.receive', attachments: [refs[0]!] },
    { action: 'case.dispatch', attachments: null },
    { action: 'case.resolve', attachments: [refs[1]!, refs[0]!] },
    { action: 'case.close', attachments: null },
  ];
  for (const [i, step] of steps.entries()) {
    deps.clock.advance(60_000);
    await deps.db.transaction((tx) =>
      audit({ db: tx, clock: deps.clock, actor: systemActor }, { ...step, subjectType: 'case', subjectId: caseId, changes: { step: { before: i, after: i + 1 } }, reason: '依规办理' }),
    );
  }
  await checkpoint(deps);
  await queueEntries(deps, 4);
  await checkpoint(deps);
  return { deps, ctx, caseId, refs };
}

/** The case's bundle now, or the error code that refused it. */
export async function exportBundle(ctx: Parameters<typeof caseEvidence>[0], caseId: string): Promise<EvidenceBundle | string> {
  try {
    return await caseEvidence(ctx, caseId);
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

/** Downloads the bundle's attachment files as the platform serves them now, into a new folder named by sha256. */
export async function downloadFiles(ctx: Parameters<typeof caseEvidence>[0], caseId: string, bundle: EvidenceBundle): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-evidence-'));
  for (const a of bundle.attachments) {
    try {
      const file = await caseEvidenceFile(ctx, caseId, a.sha256);
      fs.writeFileSync(path.join(dir, a.sha256), file.content);
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  }
  return dir;
}

/** What a careful attacker does after editing entries: recompute every leaf hash and rebuild every Merkle node. */
export async function rebuildTree(deps: Awaited<ReturnType<typeof evidenceDeps>>): Promise<void> {
  const alg = deps.config.JICENG_AUDIT_HASH;
  const rows = await deps.db.select().from(auditEntries).where(isNotNull(auditEntries.seq)).orderBy(asc(auditEntries.seq));
  const range = new CompactRange(alg);
  const statements = [sql`delete from merkle_nodes`];
  for (const row of rows) {
    const leaf = entryLeafHash(alg, entryOfRow(row));
    statements.push(sql`update audit_entries set leaf_hash = decode(${toHex(leaf)}, 'hex') where id = ${row.id}`);
    for (const n of range.append(leaf)) {
      statements.push(sql`insert into merkle_nodes (level, index, hash) values (${n.level}, ${n.index}, decode(${toHex(n.hash)}, 'hex'))`);
    }
  }
  await asAttacker(deps.db, statements);
}

/** A bundle re-signed by another key: checkpoint, manifest and public key replaced, so it is self-consistent. */
export function resignBundle(bundle: EvidenceBundle, key: SigningKey): EvidenceBundle {
  const privateKey = createPrivateKey(key.privateKeyPem);
  const { signature: _old, ...cp } = bundle.checkpoint;
  const checkpointBody = { ...cp, keyId: key.keyId };
  const leaves = bundle.entries.map((e) => ({ leafIndex: e.leafIndex, leafHash: toHex(entryLeafHash(bundle.algorithm, e.entry as never)) }));
  const manifest = encodeManifest({ ...bundle, treeSize: cp.treeSize, rootHash: cp.rootHash, leaves });
  return {
    ...bundle,
    checkpoint: { ...checkpointBody, signature: signCheckpoint(checkpointBody, privateKey) },
    manifestSignature: sign(null, manifest, privateKey).toString('base64'),
    publicKey: key.publicKeyPem,
  };
}
