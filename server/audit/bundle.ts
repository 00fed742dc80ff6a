/**
 * Offline verification of an evidence bundle. It trusts nothing in the bundle: every leaf hash is
 * recomputed from the entry's fields, every proof is checked against the signed root, and every problem
 * is collected (not just the first) so a reviewer sees the whole extent of any tampering.
 */
import { createPublicKey, verify } from 'node:crypto';
import { attachmentKey, bundleSchema, encodeManifest, referencedAttachments } from './bundle-schema.js';
import { checkAttachmentFiles } from './bundle-files.js';
import { entryLeafHash } from './canonical.js';
import { keyIdOf, verifyCheckpoint } from './checkpoint.js';
import type { AttachmentRef, AuditEntry } from './entry.js';
import { fromHex, toHex } from './hash.js';
import { verifyInclusion } from './merkle-verify.js';

/** Options of verifyBundle. */
export interface VerifyBundleOptions {
  /** Where the attachment files are, each named by its sha256 hex (or, failing that, by its name). */
  attachmentsDir?: string;
  /** keyIds the verifier trusts (published by the platform); without them only internal consistency is shown. */
  trustedKeyIds?: readonly string[];
}

/** The verdict on a bundle. */
export interface BundleVerification {
  ok: boolean;
  problems: string[];
  entriesChecked: number;
  /** The keyId of the bundle's public key, to compare with the published one; null when unreadable. */
  keyId: string | null;
}

/** Checks an evidence bundle completely and offline; never throws on bad input. */
export async function verifyBundle(bundle: unknown, options: VerifyBundleOptions = {}): Promise<BundleVerification> {
  const parsed = bundleSchema.safeParse(bundle);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.map(String).join('.') || '(root)'}: 格式错误 (malformed): ${i.message}`,
    );
    return { ok: false, problems, entriesChecked: 0, keyId: null };
  }
  const b = parsed.data;
  const cp = b.checkpoint;
  const problems: string[] = [];

  let keyId: string | null = null;
  try {
    keyId = keyIdOf(b.publicKey);
  } catch {
    problems.push('publicKey: 无法读取的公钥 (unreadable public key)');
  }
  if (keyId !== null && keyId !== cp.keyId) {
    problems.push(`checkpoint.keyId: ${cp.keyId} 不是所附公钥 ${keyId} (does not name the bundled key)`);
  }
  if (keyId !== null && options.trustedKeyIds && !options.trustedKeyIds.includes(keyId)) {
    problems.push(`publicKey: 密钥 ${keyId} 不在受信任列表中 (key is not trusted)`);
  }
  if (cp.algorithm !== b.algorithm) {
    problems.push(`checkpoint.algorithm: ${cp.algorithm} 与 bundle 的 ${b.algorithm} 不同 (algorithm mismatch)`);
  }
  const { signature, ...checkpoint } = cp;
  if (!verifyCheckpoint(checkpoint, signature, b.publicKey)) {
    problems.push('checkpoint.signature: 检查点签名无效 (checkpoint signature does not verify)');
  }
  if (b.entries.length === 0) problems.push('entries: 没有条目 (the bundle holds no entries)');

  const root = fromHex(cp.rootHash);
  const leaves: Array<{ leafIndex: number; leafHash: string }> = [];
  const valid: AuditEntry[] = [];
  let previous = -1;
  b.entries.forEach((item, i) => {
    const where = `entries[${i}] (leafIndex ${item.leafIndex})`;
    if (item.leafIndex <= previous) {
      problems.push(`${where}: 不按日志顺序或重复 (out of log order or repeated after leafIndex ${previous})`);
    }
    previous = Math.max(previous, item.leafIndex);
    let leafHash: Uint8Array;
    try {
      leafHash = entryLeafHash(b.algorithm, item.entry as AuditEntry);
    } catch (e) {
      problems.push(`${where}: 条目无法编码 (entry cannot be encoded): ${(e as Error).message}`);
      return;
    }
    const entry = item.entry as AuditEntry;
    valid.push(entry);
    leaves.push({ leafIndex: item.leafIndex, leafHash: toHex(leafHash) });
    if (entry.seq !== item.leafIndex) problems.push(`${where}: entry.seq 为 ${entry.seq} (seq differs from leafIndex)`);
    if (entry.subjectType !== b.subject.type || entry.subjectId !== b.subject.id) {
      problems.push(`${where}: 条目属于 ${entry.subjectType}/${entry.subjectId} (entry is about another subject)`);
    }
    if (item.leafIndex >= cp.treeSize) {
      problems.push(`${where}: 超出检查点树大小 ${cp.treeSize} (beyond the checkpoint tree)`);
    } else if (!verifyInclusion(b.algorithm, leafHash, item.leafIndex, cp.treeSize, item.inclusionProof.map(fromHex), root)) {
      problems.push(`${where}: 包含证明不成立 (inclusion proof does not verify against the checkpoint root)`);
    }
  });

  if (leaves.length === b.entries.length) {
    const manifest = encodeManifest({ ...b, treeSize: cp.treeSize, rootHash: cp.rootHash, leaves });
    if (!verifyManifest(manifest, b.manifestSignature, b.publicKey)) {
      problems.push('manifestSignature: 清单签名无效，条目或附件列表被改动 (manifest signature does not verify)');
    }
  } else {
    problems.push('manifestSignature: 有条目无法编码，无法核对清单 (cannot check: some entries are malformed)');
  }
  problems.push(...compareAttachments(referencedAttachments(valid), b.attachments));
  if (options.attachmentsDir !== undefined) {
    problems.push(...(await checkAttachmentFiles(options.attachmentsDir, b.attachments)));
  }
  return { ok: problems.length === 0, problems, entriesChecked: b.entries.length, keyId };
}

function verifyManifest(manifest: Uint8Array, signatureB64: string, publicKeyPem: string): boolean {
  try {
    const signature = Buffer.from(signatureB64, 'base64');
    if (signature.length !== 64 || signature.toString('base64') !== signatureB64) return false;
    return verify(null, manifest, createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

/** The listed attachments must be exactly those the entries reference, each once. */
function compareAttachments(referenced: AttachmentRef[], listed: AttachmentRef[]): string[] {
  const problems: string[] = [];
  const wanted = new Set(referenced.map(attachmentKey));
  const seen = new Set<string>();
  listed.forEach((a, i) => {
    const key = attachmentKey(a);
    if (seen.has(key)) problems.push(`attachments[${i}]: 重复列出 ${a.name} (listed twice)`);
    else if (!wanted.has(key)) problems.push(`attachments[${i}]: ${a.name} 未被任何条目引用 (referenced by no entry)`);
    seen.add(key);
  });
  for (const a of referenced) {
    if (!seen.has(attachmentKey(a))) {
      problems.push(`attachments: 缺少条目引用的 ${a.name} (${a.sha256}) (referenced but not listed)`);
    }
  }
  return problems;
}
