// The browser's bundle check against bundles the server's own code builds and signs, intact and tampered with;
// the server's offline verifier (server/audit/bundle.ts) must agree on every verdict.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureLog } from '../../../server/audit/bundle.fixture.testutil.js';
import { verifyBundle as serverVerify } from '../../../server/audit/bundle.js';
import { entryLeafHash } from '../../../server/audit/canonical.js';
import type { EvidenceBundle as ServerBundle } from '../../../server/audit/bundle-schema.js';
import { generateSigningKey } from '../../../server/audit/checkpoint.js';
import { toHex } from './bytes.js';
import { readBundle } from './evidence-types.js';
import { verifyEvidenceBundle } from './verify-bundle.js';

const clone = (b: ServerBundle): ServerBundle => JSON.parse(JSON.stringify(b)) as ServerBundle;

async function check(b: ServerBundle) {
  const read = readBundle(JSON.parse(JSON.stringify(b)));
  if (!read) throw new Error('readBundle refused a bundle the server built');
  return verifyEvidenceBundle(read);
}

afterEach(() => vi.restoreAllMocks());

describe.each(['sm3', 'sha256'] as const)('an intact %s bundle', (alg) => {
  const log = fixtureLog(alg);

  it('verifies every entry, the checkpoint and the manifest, with the server’s leaf hashes', async () => {
    const bundle = log.bundleFor('C-1');
    const result = await check(bundle);
    expect(result.ok).toBe(true);
    expect(result.keyId).toBe(log.key.keyId);
    expect(result.checkpoint.status).toBe('verified');
    expect(result.manifest.status).toBe('verified');
    expect(result.entries.map((e) => e.status)).toEqual(bundle.entries.map(() => 'verified'));
    expect(result.entries.map((e) => e.leafHash)).toEqual(bundle.entries.map((e) => toHex(entryLeafHash(alg, e.entry as never))));
    expect((await serverVerify(bundle)).ok).toBe(true);
  });

  it('verifies bundles cut at every tree size, so proofs of every shape are walked', async () => {
    for (let size = 2; size <= log.entries.length; size += 1) {
      const result = await check(log.bundleFor('C-2', size));
      expect(result.ok, `tree size ${size}`).toBe(true);
    }
  });
});

describe('a tampered bundle', () => {
  const log = fixtureLog('sm3');

  const cases: Array<[string, (b: ServerBundle) => void, (r: Awaited<ReturnType<typeof check>>) => void]> = [
    ['a changed reason fails that entry alone (and the manifest)', (b) => ((b.entries[1]!.entry as { reason: string }).reason = '改过了'), (r) => {
      expect(r.entries.map((e) => e.status)).toEqual(r.entries.map((_, i) => (i === 1 ? 'failed' : 'verified')));
      expect(r.entries[1]!.problems).toEqual(['proof']);
      expect(r.manifest.problems).toContain('signature');
    }],
    ['another root fails the checkpoint signature and every proof', (b) => (b.checkpoint.rootHash = 'ab'.repeat(32)), (r) => {
      expect(r.checkpoint.problems).toEqual(['signature']);
      expect(r.entries.every((e) => e.status === 'failed' && e.problems.includes('proof'))).toBe(true);
    }],
    ['a removed entry fails the manifest', (b) => b.entries.splice(2, 1), (r) => {
      expect(r.entries.every((e) => e.status === 'verified')).toBe(true);
      expect(r.manifest.problems).toEqual(['signature']);
    }],
    ['swapped entries are out of order', (b) => b.entries.reverse(), (r) => {
      expect(r.entries.some((e) => e.problems.includes('order'))).toBe(true);
    }],
    ['an entry moved to another leaf index fails seq and proof', (b) => (b.entries[0]!.leafIndex += 3), (r) => {
      expect(r.entries[0]!.problems).toEqual(expect.arrayContaining(['seq', 'proof']));
    }],
    ['a dropped attachment reference fails the manifest’s attachment list', (b) => b.attachments.pop(), (r) => {
      expect(r.manifest.problems).toEqual(expect.arrayContaining(['attachments', 'signature']));
    }],
    ['a timestamp moved by a millisecond fails the checkpoint signature only', (b) => (b.checkpoint.timestamp = '2026-11-22T09:00:00.001Z'), (r) => {
      expect(r.checkpoint.problems).toEqual(['signature']);
      expect(r.entries.every((e) => e.status === 'unsigned')).toBe(true);
    }],
    ['a bundle re-keyed with another key names the wrong keyId', (b) => (b.publicKey = generateSigningKey().publicKeyPem), (r) => {
      expect(r.checkpoint.problems).toEqual(['keyId', 'signature']);
    }],
    ['a signature in a non-canonical base64 spelling is refused', (b) => (b.checkpoint.signature = b.checkpoint.signature.replace(/=+$/, '')), (r) => {
      expect(r.checkpoint.problems).toEqual(['signature']);
    }],
  ];

  it.each(cases)('%s — and the server’s verifier agrees', async (_what, tamper, expectations) => {
    const bundle = clone(log.bundleFor('C-1'));
    tamper(bundle);
    const result = await check(bundle);
    expect(result.ok).toBe(false);
    expectations(result);
    expect((await serverVerify(bundle)).ok).toBe(false);
  });
});

describe('a browser without Ed25519', () => {
  it('says the signatures could not be checked, and marks proven entries as unsigned, not verified', async () => {
    const notSupported = new DOMException('Ed25519 is not supported', 'NotSupportedError');
    vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(notSupported);
    const result = await check(fixtureLog('sha256').bundleFor('C-3'));
    expect(result.checkpoint.status).toBe('unsupported');
    expect(result.manifest.status).toBe('unsupported');
    expect(result.entries.every((e) => e.status === 'unsigned')).toBe(true);
    expect(result.ok).toBe(false);
  });
});

describe('readBundle', () => {
  it('refuses answers that are not bundles', () => {
    const bundle = JSON.parse(JSON.stringify(fixtureLog('sm3').bundleFor('C-1'))) as Record<string, unknown>;
    expect(readBundle(bundle)).not.toBeNull();
    expect(readBundle({ ...bundle, format: 'jiceng-evidence-v2' })).toBeNull();
    expect(readBundle({ ...bundle, algorithm: 'md5' })).toBeNull();
    expect(readBundle({ ...bundle, entries: [{ entry: {}, leafIndex: -1, inclusionProof: [] }] })).toBeNull();
    expect(readBundle(null)).toBeNull();
  });
});
