import { z } from 'zod';
import type { Deps } from '../platform/context.js';
import type { App } from '../platform/http/app-type.js';
import { ctxOf, requireActor } from '../platform/http/request-context.js';
import { caseEvidence, caseEvidenceFile } from './case-evidence.js';
import { HASH_ALGORITHMS } from './hash.js';
import { consistencyBetween, inclusionAt, latestCheckpointView } from './proofs.js';

const count = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const hex32 = z.string().regex(/^[0-9a-f]{64}$/);
const checkpointView = z.object({
  treeSize: z.number(),
  rootHash: hex32,
  timestamp: z.string(),
  algorithm: z.enum(HASH_ALGORITHMS),
  keyId: z.string(),
  signature: z.string(),
  publicKey: z.string(),
});
const caseParams = z.object({ id: z.string().uuid('不是有效的编号 (not a valid id)') });

/** A header-safe Content-Disposition for a user-supplied file name (RFC 6266: ASCII fallback plus UTF-8 form). */
function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** The evidence log: its published checkpoint, proofs, and the evidence bundle of a case (存证). */
export async function evidenceRoutes(app: App, deps: Deps): Promise<void> {
  const tags = ['evidence'];
  app.get(
    '/api/audit/checkpoints/latest',
    {
      schema: { tags, summary: '最新签名检查点 The latest signed checkpoint (public, meant to be published)', security: [], response: { 200: checkpointView } },
      config: { rateLimit: { max: deps.config.JICENG_PUBLIC_READ_PER_MINUTE, timeWindow: 60_000, allowList: (req) => req.auth !== null } },
    },
    async () => latestCheckpointView(deps.db),
  );

  app.get(
    '/api/audit/proofs/inclusion',
    {
      schema: {
        tags,
        summary: '包含证明 Inclusion proof of entry seq in a tree (default: the latest checkpoint)',
        querystring: z.object({ seq: count, treeSize: count.optional() }),
        response: { 200: z.object({ leafIndex: z.number(), treeSize: z.number(), leafHash: hex32, rootHash: hex32, inclusionProof: z.array(hex32) }) },
      },
    },
    async (req) => {
      requireActor(req);
      return inclusionAt(deps, req.query.seq, req.query.treeSize);
    },
  );

  app.get(
    '/api/audit/proofs/consistency',
    {
      schema: {
        tags,
        summary: '一致性证明 Consistency proof between two tree sizes',
        querystring: z.object({ first: count, second: count }),
        response: { 200: z.object({ first: z.number(), second: z.number(), firstRoot: hex32, secondRoot: hex32, consistencyProof: z.array(hex32) }) },
      },
    },
    async (req) => {
      requireActor(req);
      return consistencyBetween(deps, req.query.first, req.query.second);
    },
  );

  app.get(
    '/api/cases/:id/evidence',
    {
      schema: {
        tags,
        summary: '工单存证包 Evidence bundle of a case (check offline with `npx jiceng audit verify-bundle`)',
        params: caseParams,
        querystring: z.object({ download: z.enum(['1', 'true']).optional() }),
      },
    },
    async (req, reply) => {
      const bundle = await caseEvidence(ctxOf(deps, req), req.params.id);
      if (req.query.download) void reply.header('content-disposition', attachmentDisposition(`evidence-${req.params.id}.json`));
      return reply.header('cache-control', 'no-store').send(bundle);
    },
  );

  app.get(
    '/api/cases/:id/evidence/attachments/:sha256',
    {
      schema: {
        tags,
        summary: '存证附件 An attachment file of the case, by its SHA-256 (save it beside the bundle)',
        params: caseParams.extend({ sha256: hex32 }),
      },
    },
    async (req, reply) => {
      const file = await caseEvidenceFile(ctxOf(deps, req), req.params.id, req.params.sha256);
      // Served as an opaque download: never rendered inline, never sniffed into something executable.
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', attachmentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
