import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceBundle } from './bundle-schema.js';
import { verifyBundle } from './bundle.js';
import { entryLeafHash } from './canonical.js';
import { generateSigningKey, signCheckpoint } from './checkpoint.js';
import { asAttacker, failureOf, TEST_SIGNING_KEY } from './evidence.testutil.js';
import { toHex } from './hash.js';
import { latestCheckpoint } from './log-store.js';
import { downloadFiles, exportBundle, rebuildTree, resignBundle, tamperScene } from './tamper.testutil.js';
import { verifyLog } from './verify-log.js';
import { createPrivateKey } from 'node:crypto';

type Scene = Awaited<ReturnType<typeof tamperScene>>;
const trusted = { trustedKeyIds: [TEST_SIGNING_KEY.keyId] };
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

async function scene(): Promise<Scene> {
  const s = await tamperScene();
  cleanup.push(() => s.deps.database.close());
  return s;
}

async function bundleOf(s: Scene): Promise<EvidenceBundle> {
  const b = await exportBundle(s.ctx, s.caseId);
  if (typeof b === 'string') throw new Error(`export refused: ${b}`);
  return b;
}

describe('an untouched log', () => {
  it('verifies clean, and so does the case bundle with its files', async () => {
    const s = await scene();
    const log = await verifyLog(s.deps, trusted);
    expect(log.problems).toEqual([]);
    expect(log).toMatchObject({ ok: true, treeSize: 13, checkpointsChecked: 2, attachmentsChecked: 2, queued: 0 });
    const bundle = await bundleOf(s);
    expect(bundle.entries.map((e) => e.leafIndex)).toEqual([5, 6, 7, 8]);
    expect(bundle.attachments.map((a) => a.name).sort()).toEqual(['整改回执.pdf', '现场照片.jpg']);
    const result = await verifyBundle(bundle, { ...trusted, attachmentsDir: await downloadFiles(s.ctx, s.caseId, bundle) });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('cannot be changed while the triggers are on', async () => {
    const s = await scene();
    expect(await failureOf(s.deps.db.execute(sql`update audit_entries set reason = '改过' where seq = 6`))).toMatch(/append-only: UPDATE refused/);
    expect(await failureOf(s.deps.db.execute(sql`delete from audit_entries where seq = 6`))).toMatch(/append-only: DELETE refused/);
    expect((await verifyLog(s.deps, trusted)).ok).toBe(true);
  });
});

describe('tampering by someone with database access', () => {
  it('a changed field names its entry, and breaks that entry in a new bundle', async () => {
    const s = await scene();
    await asAttacker(s.deps.db, [sql`update audit_entries set reason = '未按时限办理' where seq = 6`]);
    const log = await verifyLog(s.deps, trusted);
    expect(log.ok).toBe(false);
    expect(log.problems[0]).toMatch(/^entry seq 6 \(id \d+\): .*entry changed/);
    expect(log.problems.some((p) => p.startsWith('checkpoint 9:'))).toBe(true);
    const result = await verifyBundle(await bundleOf(s), trusted);
    expect(result.problems).toEqual([expect.stringMatching(/^entries\[1\] \(leafIndex 6\): .*inclusion proof does not verify/)]);
  });

  it('a deleted entry shows as a gap in seq', async () => {
    const s = await scene();
    await asAttacker(s.deps.db, [sql`delete from audit_entries where seq = 3`]);
    const log = await verifyLog(s.deps, trusted);
    expect(log.problems[0]).toMatch(/^entry seq 4 \(id \d+\): .*seq 3\.\.3 missing/);
  });

  it('two entries with swapped contents (and leaf hashes) are both named', async () => {
    const s = await scene();
    await asAttacker(s.deps.db, [
      sql`update audit_entries a set action = b.action, at = b.at, changes = b.changes, reason = b.reason, attachments = b.attachments,
          request_id = b.request_id, leaf_hash = b.leaf_hash from audit_entries b where (a.seq, b.seq) in ((5, 7), (7, 5))`,
    ]);
    const log = await verifyLog(s.deps, trusted);
    expect(log.problems.filter((p) => p.startsWith('entry'))).toEqual([
      expect.stringMatching(/^entry seq 5 \(id \d+\): .*entry changed/),
      expect.stringMatching(/^entry seq 7 \(id \d+\): .*entry changed/),
    ]);
    const result = await verifyBundle(await bundleOf(s), trusted);
    expect(result.problems.filter((p) => p.startsWith('entries'))).toEqual([
      expect.stringMatching(/^entries\[0\] \(leafIndex 5\): .*inclusion/),
      expect.stringMatching(/^entries\[2\] \(leafIndex 7\): .*inclusion/),
    ]);
  });

  it('a forged entry slipped into the past, with every hash recomputed, breaks the signed roots', async () => {
    const s = await scene();
    await asAttacker(s.deps.db, [
      sql`update audit_entries set seq = seq + 1000 where seq >= 6`,
      sql`update audit_entries set seq = seq - 999 where seq >= 1000`,
      sql`insert into audit_entries (seq, at, action, subject_type, subject_id, reason, leaf_hash)
          values (6, '2026-11-16T02:00:00.000Z', 'case.close', 'case', ${s.caseId}, '伪造的结案', '\\x00')`,
    ]);
    await rebuildTree(s.deps);
    const log = await verifyLog(s.deps, trusted);
    // Leaves and nodes agree with the forged entries now; only the signatures remember the truth.
    expect(log.problems).toEqual([expect.stringMatching(/^checkpoint 9: .*signed entries were changed/), expect.stringMatching(/^checkpoint 13: /)]);
    // And the platform refuses to sign over the rewritten past, so no bundle of it can be exported.
    expect(await exportBundle(s.ctx, s.caseId)).toBe('integrity_violation');
  });

  it('a forged entry appended without its Merkle nodes is caught', async () => {
    const s = await scene();
    const forged = { seq: 13, at: '2026-11-16T02:00:00.000Z', actorId: null, actorRole: null, unitId: null, action: 'case.close', subjectType: 'case', subjectId: s.caseId, changes: null, reason: null, requestId: null, clientAddress: null, attachments: null };
    const leaf = toHex(entryLeafHash('sm3', forged));
    await asAttacker(s.deps.db, [
      sql`insert into audit_entries (seq, at, action, subject_type, subject_id, leaf_hash) values (13, ${forged.at}, 'case.close', 'case', ${s.caseId}, decode(${leaf}, 'hex'))`,
    ]);
    const log = await verifyLog(s.deps, trusted);
    expect(log.problems[0]).toMatch(/^merkle node \(level 0, index 13; .*missing/);
    expect(await exportBundle(s.ctx, s.caseId)).toBe('integrity_violation');
  });

  it('a checkpoint given another root no longer verifies', async () => {
    const s = await scene();
    await asAttacker(s.deps.db, [sql`update checkpoints set root_hash = (select root_hash from checkpoints where tree_size = 9) where tree_size = 13`]);
    const log = await verifyLog(s.deps, trusted);
    expect(log.problems[0]).toMatch(/^checkpoint 13 \(signed .*\): .*signature does not verify/);
    expect(log.problems).toContainEqual(expect.stringMatching(/^checkpoint 13: .*signed root differs/));
    expect(await exportBundle(s.ctx, s.caseId)).toBe('integrity_violation');
  });

  it('a checkpoint re-signed with another key is caught by pinning the published key', async () => {
    const s = await scene();
    const bundle = await bundleOf(s);
    const attacker = generateSigningKey();
    const cp = (await latestCheckpoint(s.deps.db))!;
    const { signature: _s, ...body } = cp;
    const forged = { ...body, keyId: attacker.keyId };
    const signature = signCheckpoint(forged, createPrivateKey(attacker.privateKeyPem));
    await asAttacker(s.deps.db, [
      sql`insert into signing_keys (key_id, public_key_pem, created_at, active) values (${attacker.keyId}, ${attacker.publicKeyPem}, now(), true)`,
      sql`update checkpoints set key_id = ${attacker.keyId}, signature = ${signature} where tree_size = 13`,
    ]);
    // Without a pinned key the database's own key list vouches for the forgery; that is why the key is published.
    expect((await verifyLog(s.deps)).ok).toBe(true);
    expect((await verifyLog(s.deps, trusted)).problems).toEqual([expect.stringMatching(/^checkpoint 13 .*untrusted key/)]);

    const forgedBundle = resignBundle(bundle, attacker);
    expect((await verifyBundle(forgedBundle)).ok).toBe(true);
    expect((await verifyBundle(forgedBundle, trusted)).problems).toEqual([expect.stringMatching(/^publicKey: .*not trusted/)]);
  });

  it('an attachment whose stored content changed is caught by both', async () => {
    const s = await scene();
    const bundle = await bundleOf(s);
    await asAttacker(s.deps.db, [sql`update case_attachments set content = ${Buffer.from('a different photo')} where filename = '现场照片.jpg'`]);
    const log = await verifyLog(s.deps, trusted);
    expect(log.problems).toEqual([expect.stringMatching(/^case attachment .*现场照片\.jpg\): .*does not match its recorded hash/)]);
    const dir = await downloadFiles(s.ctx, s.caseId, bundle);
    const result = await verifyBundle(bundle, { ...trusted, attachmentsDir: dir });
    expect(result.problems).toEqual([expect.stringMatching(/^attachments\[\d\] \(现场照片\.jpg\): .*recorded/)]);
    fs.rmSync(dir, { recursive: true });
  });

  it('an attachment replaced together with its recorded hash is caught by both', async () => {
    const s = await scene();
    const bundle = await bundleOf(s);
    const other = Buffer.from('%PDF-1.4 a different receipt');
    const sha = createHash('sha256').update(other).digest('hex');
    await asAttacker(s.deps.db, [sql`update case_attachments set content = ${other}, sha256 = ${sha}, size = ${other.length} where filename = '整改回执.pdf'`]);
    const log = await verifyLog(s.deps, trusted);
    expect(log.problems).toEqual([expect.stringMatching(/^entry seq 7 \(id \d+\): .*整改回执\.pdf .*not stored with its case/)]);
    const dir = await downloadFiles(s.ctx, s.caseId, bundle);
    const result = await verifyBundle(bundle, { ...trusted, attachmentsDir: dir });
    expect(result.problems).toEqual([expect.stringMatching(/^attachments\[\d\] \(整改回执\.pdf\): .*file not found/)]);
    fs.rmSync(dir, { recursive: true });
  });
});
