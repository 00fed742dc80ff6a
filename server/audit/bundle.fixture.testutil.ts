/**
 * Test-only: a small audit log about three cases, with attachments, and its evidence bundle for case C-1.
 */
import { createHash, createPrivateKey } from 'node:crypto';
import { buildBundle } from './bundle-build.js';
import type { EvidenceBundle } from './bundle-schema.js';
import { entryLeafHash } from './canonical.js';
import { generateSigningKey, signCheckpoint, type Checkpoint, type SigningKey } from './checkpoint.js';
import type { AttachmentRef, AuditEntry } from './entry.js';
import { toHex, type HashAlgorithm } from './hash.js';
import { memoryTree } from './merkle-nodes.js';
import { treeRoot, type SubtreeHashes } from './merkle.js';

/** Attachment files by name, with their contents. */
export const FILES: Record<string, Buffer> = {
  '现场照片.jpg': Buffer.from('pretend this is a JPEG of a blocked lane'),
  '整改回执.pdf': Buffer.from('pretend this is a signed PDF receipt'),
};

/** The attachment reference of a fixture file. */
export function refOf(name: string): AttachmentRef {
  const content = FILES[name] as Buffer;
  return { name, sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
}

const ACTIONS = ['case.receive', 'case.dispatch', 'case.accept', 'case.handle', 'case.resolve', 'case.close'];

/** Entry seq of the log: three cases take turns, case C-1 gets attachments at seq 6 and 15. */
export function logEntries(size = 30): AuditEntry[] {
  return Array.from({ length: size }, (_, seq) => {
    const subjectId = `C-${(seq % 3) + 1}`;
    return {
      seq,
      at: new Date(Date.UTC(2026, 10, 22, 8, seq)).toISOString(),
      actorId: `u-${100 + (seq % 4)}`,
      actorRole: seq % 2 === 0 ? 'dispatcher' : 'handler',
      unitId: seq % 2 === 0 ? 'unit-指挥中心' : 'unit-城管',
      action: ACTIONS[Math.floor(seq / 3) % ACTIONS.length] as string,
      subjectType: 'case',
      subjectId,
      changes: { status: { before: `s${seq}`, after: `s${seq + 1}` } },
      reason: seq % 5 === 0 ? '按时限办理' : null,
      requestId: `req-${seq}`,
      clientAddress: '10.0.0.8',
      attachments: seq === 6 ? [refOf('现场照片.jpg')] : seq === 15 ? [refOf('整改回执.pdf'), refOf('现场照片.jpg')] : null,
    };
  });
}

/** A signed log and a way to cut bundles from it. */
export interface FixtureLog {
  alg: HashAlgorithm;
  key: SigningKey;
  entries: AuditEntry[];
  tree: SubtreeHashes;
  checkpointAt(treeSize: number, key?: SigningKey): { checkpoint: Checkpoint; signature: string };
  bundleFor(subjectId: string, treeSize?: number, key?: SigningKey): EvidenceBundle;
}

/** Builds the fixture log with a fresh signing key. */
export function fixtureLog(alg: HashAlgorithm, entries = logEntries()): FixtureLog {
  const key = generateSigningKey();
  const tree = memoryTree(alg, entries.map((e) => entryLeafHash(alg, e)));
  const checkpointAt = (treeSize: number, k = key) => {
    const checkpoint: Checkpoint = {
      treeSize,
      rootHash: toHex(treeRoot(tree, treeSize)),
      timestamp: '2026-11-22T09:00:00.000Z',
      algorithm: alg,
      keyId: k.keyId,
    };
    return { checkpoint, signature: signCheckpoint(checkpoint, createPrivateKey(k.privateKeyPem)) };
  };
  const bundleFor = (subjectId: string, treeSize = entries.length, k = key) => {
    const { checkpoint, signature } = checkpointAt(treeSize, k);
    return buildBundle({
      subject: { type: 'case', id: subjectId },
      entries: entries.filter((e) => e.subjectId === subjectId && e.seq < treeSize),
      tree,
      checkpoint,
      checkpointSignature: signature,
      privateKey: createPrivateKey(k.privateKeyPem),
    });
  };
  return { alg, key, entries, tree, checkpointAt, bundleFor };
}
