/**
 * The stored files behind the trail's attachment references. A file whose bytes were swapped no longer hashes to its
 * recorded sha256; a file swapped together with its recorded hash no longer matches the hash the (hashed, signed)
 * audit entry names. Hashing is done here, not by the database, so the check trusts only the bytes.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { arrayLiteral, bytesOf } from './log-store.js';
import { rowsOf } from '../db/rows.js';

/** An attachment an entry about a case references: which entry, which case, which file. */
export interface CaseAttachmentRef {
  seq: number;
  id: number;
  caseId: string;
  name: string;
  sha256: string;
  size: number;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Problems with stored case attachments: content not matching its recorded hash or size. */
export async function checkStoredAttachments(db: Db, batch = 16): Promise<{ problems: string[]; checked: number }> {
  const problems: string[] = [];
  const ids = await rowsOf<{ id: string }>(db, sql`select id from case_attachments order by id`);
  // A few rows per query: attachments are up to 10 MB each and the check must not hold them all in memory.
  for (let i = 0; i < ids.length; i += batch) {
    const chunk = ids.slice(i, i + batch).map((r) => r.id);
    const rows = await rowsOf<{ id: string; case_id: string; filename: string; size: number; sha256: string; content: unknown }>(
      db,
      sql`select id, case_id, filename, size, sha256, content from case_attachments where id = any(${arrayLiteral(chunk)}::uuid[])`,
    );
    for (const r of rows) {
      const content = bytesOf(r.content);
      const actual = createHash('sha256').update(content).digest('hex');
      const where = `case attachment ${r.id} (case ${r.case_id}, ${r.filename})`;
      if (actual !== r.sha256) problems.push(`${where}: 内容的 sha256 为 ${actual}，记录为 ${r.sha256} (content does not match its recorded hash)`);
      else if (content.length !== Number(r.size)) problems.push(`${where}: 大小 ${content.length} 与记录的 ${r.size} 不符 (size differs)`);
    }
  }
  return { problems, checked: ids.length };
}

/** Problems with references: an entry names a file (by sha256 and size) that its case does not store. */
export async function checkReferencedAttachments(db: Db, refs: readonly CaseAttachmentRef[]): Promise<string[]> {
  const caseIds = [...new Set(refs.map((r) => r.caseId).filter((id) => UUID_RE.test(id)))];
  const stored = new Set<string>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await rowsOf<{ case_id: string; sha256: string; size: number }>(
      db,
      sql`select case_id, sha256, size from case_attachments where case_id = any(${arrayLiteral(caseIds.slice(i, i + 500))}::uuid[])`,
    );
    for (const r of rows) stored.add(`${r.case_id}:${r.sha256}:${Number(r.size)}`);
  }
  return refs
    .filter((r) => !stored.has(`${r.caseId}:${r.sha256}:${r.size}`))
    .map(
      (r) =>
        `entry seq ${r.seq} (id ${r.id}): 附件 ${r.name} (${r.sha256}) 未随工单 ${r.caseId} 保存或已被改动 (the referenced file is not stored with its case, or was changed)`,
    );
}
