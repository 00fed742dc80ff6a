/**
 * Evidence export of one case (存证): its trail as a signed, offline-checkable bundle, and the attachment files the
 * bundle lists. Visibility is the case ledger's own rule; a denial looks exactly like a missing case.
 */
import { and, asc, eq, isNotNull, lt, ne } from 'drizzle-orm';
import { auditEntries } from '../db/schema/audit.js';
import { caseAttachments, caseTasks, cases } from '../db/schema/cases.js';
import { caseVisible } from '../cases/case-scope.js';
import type { Ctx } from '../platform/context.js';
import { AppError, notFoundOrNoAccess } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { buildBundle, bundleRanges } from './bundle-build.js';
import type { EvidenceBundle } from './bundle-schema.js';
import { checkpoint } from './checkpointer.js';
import { entryOfRow } from './entry-row.js';
import { storedTree } from './log-store.js';
import { requireSigningKey } from './signing-key.js';

type EvidenceCtx = Pick<Ctx, 'db' | 'config' | 'clock' | 'box' | 'actor'>;

/** Throws "not found or no access" unless the actor may read the case. */
async function assertCaseReadable(ctx: EvidenceCtx, caseId: string): Promise<void> {
  const reach = authorize(ctx.actor, 'case.read');
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  if (!c) throw notFoundOrNoAccess('工单');
  const tasks = await ctx.db
    .select({ unitPath: caseTasks.unitPath })
    .from(caseTasks)
    .where(and(eq(caseTasks.caseId, caseId), ne(caseTasks.status, 'cancelled')));
  if (!caseVisible(ctx.actor, reach, c, tasks.map((t) => t.unitPath), ctx.box.index(ctx.actor.id))) throw notFoundOrNoAccess('工单');
}

/** The evidence bundle of a case, after sequencing and checkpointing so that its latest entries are in it. */
export async function caseEvidence(ctx: EvidenceCtx, caseId: string): Promise<EvidenceBundle> {
  await assertCaseReadable(ctx, caseId);
  const signer = requireSigningKey(ctx.config);
  const cp = await checkpoint(ctx);
  if (!cp) throw new AppError('not_found', '证据日志尚无签名检查点 (the evidence log has no signed checkpoint yet)');
  if (cp.keyId !== signer.keyId) {
    // The manifest must be signed by the checkpoint's key, and a retired key's private half is gone.
    throw new AppError('conflict', '最新检查点由已停用的密钥签名，有新的留痕后即可导出 (latest checkpoint is signed by a retired key; export after the next entry)');
  }
  const rows = await ctx.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.subjectType, 'case'), eq(auditEntries.subjectId, caseId), isNotNull(auditEntries.seq), lt(auditEntries.seq, cp.treeSize)))
    .orderBy(asc(auditEntries.seq));
  const entries = rows.map((r) => entryOfRow(r));
  const tree = await storedTree(ctx.db, cp.algorithm, cp.treeSize, bundleRanges(entries.map((e) => e.seq), cp.treeSize));
  const { signature, ...body } = cp;
  return buildBundle({ subject: { type: 'case', id: caseId }, entries, tree, checkpoint: body, checkpointSignature: signature, privateKey: signer.privateKey });
}

/** A stored attachment file of a case, by its SHA-256, for download beside the bundle. */
export async function caseEvidenceFile(ctx: EvidenceCtx, caseId: string, sha256: string): Promise<{ filename: string; content: Buffer }> {
  await assertCaseReadable(ctx, caseId);
  const [file] = await ctx.db
    .select({ filename: caseAttachments.filename, content: caseAttachments.content })
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.sha256, sha256)))
    .limit(1);
  if (!file) throw notFoundOrNoAccess('附件');
  return file;
}
