/**
 * Checks a case's evidence bundle in the browser, trusting nothing the server computed: every leaf hash is
 * recomputed from the entry's fields, every inclusion proof is walked up to the checkpoint root, and the checkpoint's
 * and the manifest's Ed25519 signatures are checked with WebCrypto. The same checks as `jiceng audit verify-bundle`
 * (server/audit/bundle.ts), without the attachment files, reported per entry for the page to show.
 */
import { fromHex, toHex } from './bytes.js';
import { encodeEntry } from './canonical.js';
import type { EvidenceBundle } from './evidence-types.js';
import { leafHash, verifyInclusion } from './merkle.js';
import { checkpointBytes, importEd25519, keyIdOf, manifestBytes, verifySignature } from './signature.js';

/** Why an entry failed: not encodable, seq ≠ leafIndex, out of order, another subject, beyond the tree, bad proof. */
export type EntryProblem = 'encoding' | 'seq' | 'order' | 'subject' | 'index' | 'proof';

/** An entry's verdict: verified; failed; or its proof holds but the checkpoint over it could not be verified. */
export interface EntryCheck {
  leafIndex: number;
  status: 'verified' | 'failed' | 'unsigned';
  problems: EntryProblem[];
  leafHash: string | null;
}

/** Why a signature did not verify: unreadable key, keyId not the key's, algorithm mismatch, bad signature, malformed. */
export type SignatureProblem = 'key' | 'keyId' | 'algorithm' | 'signature' | 'format' | 'attachments' | 'empty';

/** A signature's verdict; 'unsupported' when this browser has no Ed25519 in WebCrypto. */
export interface SignatureCheck {
  status: 'verified' | 'failed' | 'unsupported';
  problems: SignatureProblem[];
}

/** The verdict on a whole bundle. */
export interface BundleCheck {
  /** The keyId computed from the bundle's public key (compare it with the published one). */
  keyId: string | null;
  checkpoint: SignatureCheck;
  manifest: SignatureCheck;
  entries: EntryCheck[];
  /** Everything verified: the checkpoint, the manifest and every entry. */
  ok: boolean;
}

const attachmentKey = (a: { name: string; sha256: string; size: number }) => JSON.stringify([a.sha256, a.size, a.name]);

/** The verdict on a signature given the problems found before checking it. */
async function signatureCheck(key: CryptoKey | 'unsupported' | null, signature: string, bytes: Uint8Array | null, problems: SignatureProblem[]): Promise<SignatureCheck> {
  if (key === null) return { status: 'failed', problems: [...problems, 'key'] };
  if (key === 'unsupported') return { status: 'unsupported', problems };
  if (!bytes) return { status: 'failed', problems: [...problems, 'format'] };
  const valid = await verifySignature(key, signature, bytes);
  const all: SignatureProblem[] = valid ? problems : [...problems, 'signature'];
  return { status: all.length ? 'failed' : 'verified', problems: all };
}

/** Checks a bundle completely; never throws on bad input (a malformed part is a failed check). */
export async function verifyEvidenceBundle(b: EvidenceBundle): Promise<BundleCheck> {
  const alg = b.algorithm;
  const cp = b.checkpoint;
  const keyId = await keyIdOf(b.publicKey);
  const key = await importEd25519(b.publicKey);

  const cpProblems: SignatureProblem[] = [];
  if (keyId !== cp.keyId) cpProblems.push('keyId');
  if (cp.algorithm !== alg || (alg !== 'sm3' && alg !== 'sha256')) cpProblems.push('algorithm');
  const { signature, ...body } = cp;
  const checkpoint = await signatureCheck(key, signature, checkpointBytes(body), cpProblems);

  const root = fromHex(cp.rootHash);
  const entries: EntryCheck[] = [];
  let previous = -1;
  for (const item of b.entries) {
    const problems: EntryProblem[] = [];
    if (item.leafIndex <= previous) problems.push('order');
    previous = Math.max(previous, item.leafIndex);
    let hash: Uint8Array | null = null;
    try {
      hash = await leafHash(alg, encodeEntry(item.entry));
    } catch {
      problems.push('encoding');
    }
    const e = item.entry as { seq?: unknown; subjectType?: unknown; subjectId?: unknown };
    if (e.seq !== item.leafIndex) problems.push('seq');
    if (e.subjectType !== b.subject.type || e.subjectId !== b.subject.id) problems.push('subject');
    if (!(item.leafIndex < cp.treeSize)) problems.push('index');
    const proof = item.inclusionProof.map(fromHex);
    const included = hash !== null && root !== null && proof.every((p) => p !== null) && (await verifyInclusion(alg, hash, item.leafIndex, cp.treeSize, proof as Uint8Array[], root));
    if (hash !== null && !included) problems.push('proof');
    const status = problems.length ? 'failed' : checkpoint.status === 'verified' ? 'verified' : 'unsigned';
    entries.push({ leafIndex: item.leafIndex, status, problems, leafHash: hash ? toHex(hash) : null });
  }

  // The attachments list must be exactly the files the entries name, each once (the manifest signs the list).
  const referenced = new Set<string>();
  for (const item of b.entries) {
    const list = (item.entry as { attachments?: unknown }).attachments;
    if (Array.isArray(list)) for (const a of list as Array<{ name: string; sha256: string; size: number }>) referenced.add(attachmentKey(a));
  }
  const listed = b.attachments.map(attachmentKey);
  const mfProblems: SignatureProblem[] = [];
  if (listed.length !== new Set(listed).size || listed.length !== referenced.size || listed.some((k) => !referenced.has(k))) mfProblems.push('attachments');
  if (b.entries.length === 0) mfProblems.push('empty');
  const leaves = entries.map((e) => (e.leafHash ? { leafIndex: e.leafIndex, leafHash: e.leafHash } : null));
  let manifestData: Uint8Array | null = null;
  try {
    if (leaves.every((l) => l !== null)) {
      manifestData = manifestBytes({ algorithm: alg, subject: b.subject, treeSize: cp.treeSize, rootHash: cp.rootHash, leaves: leaves as Array<{ leafIndex: number; leafHash: string }>, attachments: b.attachments });
    }
  } catch {
    // A subject or attachment name outside CJSON: nothing the platform could have signed.
  }
  const manifest = await signatureCheck(key, b.manifestSignature, manifestData, mfProblems);

  const ok = checkpoint.status === 'verified' && manifest.status === 'verified' && entries.every((e) => e.status === 'verified');
  return { keyId, checkpoint, manifest, entries, ok };
}
