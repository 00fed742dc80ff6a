import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FILES, fixtureLog, refOf } from './bundle.fixture.testutil.js';
import { verifyBundle } from './bundle.js';
import type { EvidenceBundle } from './bundle-schema.js';
import { generateSigningKey, signCheckpoint } from './checkpoint.js';
import { buildBundle } from './bundle-build.js';
import type { AuditEntry } from './entry.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A directory holding the fixture files, named by sha256 or by their own names. */
function filesDir(by: 'sha256' | 'name', alter?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'jiceng-evidence-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(FILES)) {
    const body = name === alter ? Buffer.concat([content, Buffer.from('!')]) : content;
    writeFileSync(join(dir, by === 'sha256' ? refOf(name).sha256 : name), body);
  }
  return dir;
}

const clone = (b: EvidenceBundle): EvidenceBundle => structuredClone(b);
const entryAt = (b: EvidenceBundle, i: number) => (b.entries[i] as EvidenceBundle['entries'][number]).entry as AuditEntry;

describe.each(['sm3', 'sha256'] as const)('%s evidence bundle', (alg) => {
  const log = fixtureLog(alg);
  const bundle = log.bundleFor('C-1');
  const indexes = bundle.entries.map((e) => e.leafIndex);

  it('an intact bundle passes, with and without its files', async () => {
    expect(indexes).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
    expect(bundle.attachments.map((a) => a.name)).toEqual(['现场照片.jpg', '整改回执.pdf']);
    const plain = await verifyBundle(JSON.parse(JSON.stringify(bundle)), { trustedKeyIds: [log.key.keyId] });
    expect(plain).toEqual({ ok: true, problems: [], entriesChecked: 10, keyId: log.key.keyId });
    expect((await verifyBundle(bundle, { attachmentsDir: filesDir('sha256') })).problems).toEqual([]);
    expect((await verifyBundle(bundle, { attachmentsDir: filesDir('name') })).problems).toEqual([]);
  });

  it('catches a changed field, naming the entry', async () => {
    const b = clone(bundle);
    entryAt(b, 2).reason = '无需处理';
    const r = await verifyBundle(b);
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.startsWith('entries[2] (leafIndex 6)') && p.includes('inclusion proof'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('manifestSignature'))).toBe(true);
  });

  it('catches a removed entry', async () => {
    const b = clone(bundle);
    b.entries.splice(3, 1);
    const r = await verifyBundle(b);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.stringContaining('manifestSignature')]);
  });

  it('catches swapped entries, both reordered and with exchanged positions', async () => {
    const reordered = clone(bundle);
    [reordered.entries[1], reordered.entries[2]] = [reordered.entries[2]!, reordered.entries[1]!];
    const r1 = await verifyBundle(reordered);
    expect(r1.problems.some((p) => p.startsWith('entries[2] (leafIndex 3)') && p.includes('out of log order'))).toBe(true);
    expect(r1.ok).toBe(false);

    const exchanged = clone(bundle);
    const [a, c] = [entryAt(exchanged, 1), entryAt(exchanged, 2)];
    [exchanged.entries[1]!.entry, exchanged.entries[2]!.entry] = [c, a];
    const r2 = await verifyBundle(exchanged);
    expect(r2.problems.filter((p) => p.includes('seq differs')).length).toBe(2);
    expect(r2.problems.filter((p) => p.includes('inclusion proof')).length).toBe(2);
  });

  it('catches a forged entry inserted with a borrowed proof', async () => {
    const b = clone(bundle);
    const forged: AuditEntry = { ...entryAt(b, 2), seq: 7, at: '2026-11-22T08:07:00.000Z', reason: '补录' };
    b.entries.splice(3, 0, { entry: forged, leafIndex: 7, inclusionProof: b.entries[2]!.inclusionProof });
    const r = await verifyBundle(b);
    expect(r.problems.some((p) => p.startsWith('entries[3] (leafIndex 7)') && p.includes('inclusion proof'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('manifestSignature'))).toBe(true);
  });

  it('catches a genuine entry of another case slipped in', async () => {
    const b = clone(bundle);
    const otherCase = log.bundleFor('C-2').entries[0]!;
    b.entries.splice(1, 0, otherCase);
    const r = await verifyBundle(b);
    expect(r.problems.some((p) => p.startsWith('entries[1] (leafIndex 1)') && p.includes('another subject'))).toBe(true);
  });

  it('catches a checkpoint re-signed with another key', async () => {
    const stranger = generateSigningKey();
    const b = clone(bundle);
    const { checkpoint, signature } = log.checkpointAt(log.entries.length, stranger);
    b.checkpoint = { ...checkpoint, signature };
    const r = await verifyBundle(b);
    expect(r.problems).toContain('checkpoint.signature: 检查点签名无效 (checkpoint signature does not verify)');
    expect(r.problems.some((p) => p.startsWith('checkpoint.keyId'))).toBe(true);
  });

  it('a bundle wholly re-signed by another key is consistent but not trusted', async () => {
    const stranger = generateSigningKey();
    const forged = log.bundleFor('C-1', log.entries.length, stranger);
    const untrusted = await verifyBundle(forged, { trustedKeyIds: [log.key.keyId] });
    expect(untrusted.ok).toBe(false);
    expect(untrusted.problems).toEqual([expect.stringContaining('key is not trusted')]);
    // Without a trusted key only internal consistency is shown; the keyId is what the reviewer must compare.
    const unpinned = await verifyBundle(forged);
    expect(unpinned.ok).toBe(true);
    expect(unpinned.keyId).toBe(stranger.keyId);
  });

  it('catches a different root: an older genuine checkpoint swapped in', async () => {
    const b = clone(bundle);
    const { checkpoint, signature } = log.checkpointAt(20);
    b.checkpoint = { ...checkpoint, signature };
    const r = await verifyBundle(b);
    expect(r.problems.some((p) => p.startsWith('entries[7] (leafIndex 21)') && p.includes('beyond'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('entries[0] (leafIndex 0)') && p.includes('inclusion proof'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('manifestSignature'))).toBe(true);
  });

  it('catches an altered attachment file and an altered attachment list', async () => {
    const r = await verifyBundle(bundle, { attachmentsDir: filesDir('sha256', '整改回执.pdf') });
    expect(r.problems).toEqual([expect.stringMatching(/^attachments\[1\] \(整改回执\.pdf\): .*recorded/)]);
    const byName = await verifyBundle(bundle, { attachmentsDir: filesDir('name', '整改回执.pdf') });
    expect(byName.problems).toEqual([expect.stringMatching(/^attachments\[1\] \(整改回执\.pdf\): .*recorded/)]);

    const b = clone(bundle);
    b.attachments[0]!.sha256 = 'ff'.repeat(32);
    const listed = await verifyBundle(b);
    expect(listed.problems.some((p) => p.startsWith('attachments[0]') && p.includes('referenced by no entry'))).toBe(true);
    expect(listed.problems.some((p) => p.includes('referenced but not listed'))).toBe(true);
    expect(listed.problems.some((p) => p.startsWith('manifestSignature'))).toBe(true);
  });

  it('reports malformed bundles by field, never throwing', async () => {
    expect((await verifyBundle(null)).problems).toEqual([expect.stringMatching(/^\(root\): /)]);
    const b = clone(bundle) as unknown as Record<string, unknown>;
    b.format = 'jiceng-evidence-v0';
    delete b.publicKey;
    const r = await verifyBundle(b);
    expect(r.problems.map((p) => p.split(':')[0])).toEqual(['format', 'publicKey']);
    const c = clone(bundle);
    (entryAt(c, 4) as { at: string }).at = 'yesterday';
    const r2 = await verifyBundle(c);
    expect(r2.problems.some((p) => p.startsWith('entries[4] (leafIndex 12): 条目无法编码') && p.includes('at'))).toBe(true);
  });
});

describe('buildBundle', () => {
  const log = fixtureLog('sm3');
  const { checkpoint, signature } = log.checkpointAt(30);
  const input = {
    subject: { type: 'case', id: 'C-1' },
    entries: log.entries.filter((e) => e.subjectId === 'C-1'),
    tree: log.tree,
    checkpoint,
    checkpointSignature: signature,
    privateKey: createPrivateKey(log.key.privateKeyPem),
  };

  it('refuses inputs that disagree with each other', () => {
    expect(() => buildBundle(input)).not.toThrow();
    expect(() => log.bundleFor('C-1', 31)).toThrow(/tree has only 30/);
    expect(() => buildBundle({ ...input, entries: log.entries.slice(0, 3) })).toThrow(/another subject/);
    expect(() => buildBundle({ ...input, entries: [...input.entries].reverse() })).toThrow(/ascend/);
    expect(() => buildBundle({ ...input, checkpointSignature: log.checkpointAt(29).signature })).toThrow(/signature/);
    const privateKey = createPrivateKey(generateSigningKey().privateKeyPem);
    expect(() => buildBundle({ ...input, privateKey })).toThrow(/signature/);
    const wrongRoot = { ...checkpoint, rootHash: '00'.repeat(32) };
    const wrongSig = signCheckpoint(wrongRoot, createPrivateKey(log.key.privateKeyPem));
    expect(() => buildBundle({ ...input, checkpoint: wrongRoot, checkpointSignature: wrongSig })).toThrow(/checkpoint root/);
  });
});
