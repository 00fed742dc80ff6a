/**
 * Checkpoints: after sequencing, when the log has grown since the last signed tree head, sign (treeSize, root, time)
 * with the deployment's key and store it. Runs under the sequencer's lock, so two instances never sign two
 * different heads for one size (and a second one finding the tree already signed does nothing). Before signing it
 * checks that the stored tree still extends the last signed one, so a past rewritten in the database is never signed.
 */
import { sql } from 'drizzle-orm';
import { AppError } from '../platform/errors.js';
import { signCheckpoint, type Checkpoint } from './checkpoint.js';
import { toHex } from './hash.js';
import { latestCheckpoint, sequencedSize, type StoredCheckpoint } from './log-store.js';
import { frontier, lockLog, sequenceAll, type EvidenceDeps } from './sequencer.js';
import { requireSigningKey } from './signing-key.js';

/** Sequences everything queued, then signs and stores a checkpoint if the tree grew; returns the latest checkpoint. */
export async function checkpoint(deps: EvidenceDeps): Promise<StoredCheckpoint | null> {
  const signer = requireSigningKey(deps.config);
  const alg = deps.config.JICENG_AUDIT_HASH;
  await sequenceAll(deps);
  return deps.db.transaction(async (tx) => {
    await lockLog(tx);
    const size = await sequencedSize(tx);
    const latest = await latestCheckpoint(tx);
    if (size === 0 || (latest && latest.treeSize >= size)) return latest;
    const range = await frontier(tx, alg, size);
    if (latest && latest.treeSize > 0) {
      // Never sign over a rewritten past: the stored tree must still have the last signed root at the last signed size.
      const past = await frontier(tx, alg, latest.treeSize);
      if (toHex(past.root()) !== latest.rootHash) {
        throw new AppError('integrity_violation', `存储的日志与已签名的检查点 ${latest.treeSize} 不一致，拒绝签名 (stored tree no longer matches checkpoint ${latest.treeSize}; refusing to sign; run \`jiceng audit verify\`)`);
      }
    }
    const cp: Checkpoint = {
      treeSize: size,
      rootHash: toHex(range.root()),
      timestamp: deps.clock.now().toISOString(),
      algorithm: alg,
      keyId: signer.keyId,
    };
    const signature = signCheckpoint(cp, signer.privateKey);
    // The public key is kept for ever so old checkpoints stay checkable; only the newest key is marked active.
    await tx.execute(sql`insert into signing_keys (key_id, public_key_pem, created_at, active)
                         values (${signer.keyId}, ${signer.publicKeyPem}, ${cp.timestamp}, true) on conflict (key_id) do nothing`);
    await tx.execute(sql`update signing_keys set active = (key_id = ${signer.keyId}) where active <> (key_id = ${signer.keyId})`);
    await tx.execute(sql`insert into checkpoints (tree_size, root_hash, algorithm, key_id, signed_at, signature)
                         values (${cp.treeSize}, decode(${cp.rootHash}, 'hex'), ${alg}, ${cp.keyId}, ${cp.timestamp}, ${signature})`);
    return { ...cp, signature };
  });
}
