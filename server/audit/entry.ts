/**
 * The audit entry: one recorded action on one subject (a case, a user, a unit …), the leaf of the trail.
 * The schema is strict (unknown keys are refused) because every field is hashed: a field the schema let
 * through silently would be a field nobody could prove.
 */
import { z } from 'zod';
import { AppError } from '../platform/errors.js';

/** ISO-8601 UTC with milliseconds, e.g. 2026-11-22T08:00:00.000Z; the only time spelling the trail accepts. */
export const ISO_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** True when s is an ISO instant in the one accepted spelling and names a real moment. */
export function isIsoInstant(s: string): boolean {
  if (!ISO_INSTANT_RE.test(s)) return false;
  const t = new Date(s);
  return !Number.isNaN(t.getTime()) && t.toISOString() === s;
}

const isoInstant = z.string().refine(isIsoInstant, '应为带毫秒的 UTC ISO 时间 (must be like 2026-11-22T08:00:00.000Z)');
const count = z.number().int().nonnegative().refine(Number.isSafeInteger, '超出安全整数范围 (not a safe integer)');
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制 (must be 64 lowercase hex digits)');

/** An attachment referenced by an entry: its file name, content hash and byte size. */
export const attachmentRefSchema = z.strictObject({ name: z.string().min(1), sha256: sha256Hex, size: count });

/** The zod schema of an audit entry; see canonical.ts for how it becomes bytes. */
export const auditEntrySchema = z.strictObject({
  seq: count,
  at: isoInstant,
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  unitId: z.string().nullable(),
  action: z.string().min(1),
  subjectType: z.string().min(1),
  subjectId: z.string().min(1),
  changes: z.record(z.string(), z.strictObject({ before: z.unknown(), after: z.unknown() })).nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  clientAddress: z.string().nullable(),
  attachments: z.array(attachmentRefSchema).nullable(),
});

/** An attachment reference as stored in an entry. */
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/** One audit entry; `seq` is its 0-based leaf index in the log. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  unitId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  reason: string | null;
  requestId: string | null;
  clientAddress: string | null;
  attachments: AttachmentRef[] | null;
}

/** Checks the shape of an entry; throws bad_request naming the first bad field. */
export function assertEntryShape(value: unknown): asserts value is AuditEntry {
  const result = auditEntrySchema.safeParse(value);
  if (result.success) return;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  throw new AppError(
    'bad_request',
    `审计条目格式错误 (invalid audit entry) at ${first?.path || '(root)'}: ${first?.message ?? ''}`,
    { issues },
  );
}
