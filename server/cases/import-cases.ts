import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { cases } from '../db/schema/cases.js';
import type { Db } from '../db/client.js';
import { audit } from '../platform/audit.js';
import type { Ctx } from '../platform/context.js';
import { isAppError } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { createCase } from './create-case.js';
import { loadCategoryIndex } from './import-category.js';
import { parseImportFile } from './import-parse.js';
import { checkRow, fieldError, type FieldError } from './import-row.js';
import { cellText } from './import-values.js';

/** An uploaded work order file. */
export interface ImportFile {
  buffer: Buffer;
  filename: string;
}

/** What became of one row of the file. */
export interface RowReport {
  /** The row as the spreadsheet shows it; the header is row 1. */
  row: number;
  status: 'created' | 'duplicate' | 'failed';
  externalRef?: string;
  /** The case created, or for a duplicate the case the work order already is. */
  caseId?: string;
  number?: string;
  errors?: FieldError[];
}

/** The per-row report of an import. */
export interface ImportReport {
  importId: string;
  total: number;
  created: number;
  duplicates: number;
  failed: number;
  ignoredColumns: string[];
  rows: RowReport[];
}

type Known = { id: string; number: string };

/** The import cases that already carry these hotline numbers. */
async function existingRefs(db: Db, refs: string[]): Promise<Map<string, Known>> {
  const found = new Map<string, Known>();
  for (let i = 0; i < refs.length; i += 1000) {
    const rows = await db
      .select({ id: cases.id, number: cases.number, ref: cases.externalRef })
      .from(cases)
      .where(and(eq(cases.channel, 'import'), inArray(cases.externalRef, refs.slice(i, i + 1000))));
    for (const r of rows) found.set(r.ref!, { id: r.id, number: r.number });
  }
  return found;
}

/** True when an error (or the driver error it wraps) is PostgreSQL's unique violation. */
function isUniqueViolation(e: unknown): boolean {
  for (let err = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) {
    if (err.code === '23505') return true;
  }
  return false;
}

/**
 * Imports a CSV or XLSX of 12345 hotline work orders. Every good row goes through createCase, exactly like a case a
 * dispatcher types in, each in its own transaction: a bad row is reported and never blocks the others. A work order
 * whose hotline number was already imported is reported as a duplicate and skipped, so importing a file twice
 * creates nothing new. One audit entry records the import as a whole, and each created case's 'received' entry
 * links it to the import and keeps the hotline's call time.
 */
export async function importCases(ctx: Ctx, file: ImportFile): Promise<ImportReport> {
  authorize(ctx.actor, 'case.import');
  const filename = file.filename.slice(0, 200);
  const parsed = await parseImportFile(file.buffer, file.filename);
  const importId = randomUUID();
  const now = ctx.clock.now();
  const categories = await loadCategoryIndex(ctx.db);
  const checked = parsed.rows.map((r) => ({ row: r.row, ref: cellText(r.values.externalRef), check: checkRow(r, categories, now, parsed.columns) }));
  const refs = [...new Set(checked.flatMap((c) => (c.check.ok ? [c.check.input.externalRef!] : [])))];
  const known = await existingRefs(ctx.db, refs);
  const auditCtx = { db: ctx.db, clock: ctx.clock, actor: ctx.actor, meta: ctx.meta };

  const rows: RowReport[] = [];
  for (const { row, ref, check } of checked) {
    if (!check.ok) {
      rows.push({ row, status: 'failed', ...(ref ? { externalRef: ref.slice(0, 64) } : {}), errors: check.errors });
      continue;
    }
    const externalRef = check.input.externalRef!;
    const before = known.get(externalRef);
    if (before) {
      rows.push({ row, status: 'duplicate', externalRef, caseId: before.id, number: before.number });
      continue;
    }
    let created: Known;
    try {
      // The import's facts go on the case's own 'received' entry, written in the same transaction as the case.
      created = await createCase(ctx, ctx.actor, check.input, {
        trail: {
          changes: {
            importId: { before: null, after: importId },
            externalRef: { before: null, after: externalRef },
            ...(check.callTime ? { hotlineReceivedAt: { before: null, after: check.callTime.toISOString() } } : {}),
          },
          reason: `批量导入第 ${row} 行 (imported from row ${row} of ${filename})`,
        },
      });
    } catch (e) {
      if (isUniqueViolation(e)) {
        // Another import took this work order in between our check and our insert.
        const other = (await existingRefs(ctx.db, [externalRef])).get(externalRef);
        rows.push({ row, status: 'duplicate', externalRef, ...(other ? { caseId: other.id, number: other.number } : {}) });
        continue;
      }
      const error = isAppError(e)
        ? fieldError(typeof e.details?.field === 'string' ? e.details.field : 'row', e.message, parsed.columns)
        : { field: 'row', message: '导入此行时出错，请稍后重试 (unexpected error)' };
      rows.push({ row, status: 'failed', externalRef, errors: [error] });
      continue;
    }
    known.set(externalRef, created);
    rows.push({ row, status: 'created', externalRef, caseId: created.id, number: created.number });
  }

  const count = (s: RowReport['status']) => rows.filter((r) => r.status === s).length;
  const report = { importId, total: rows.length, created: count('created'), duplicates: count('duplicate'), failed: count('failed'), ignoredColumns: parsed.ignoredColumns, rows };
  await audit(auditCtx, {
    action: 'cases_imported',
    subjectType: 'import',
    subjectId: importId,
    changes: {
      filename: { before: null, after: filename },
      format: { before: null, after: parsed.format },
      total: { before: null, after: report.total },
      created: { before: null, after: report.created },
      duplicates: { before: null, after: report.duplicates },
      failed: { before: null, after: report.failed },
    },
    attachments: [{ name: filename, sha256: createHash('sha256').update(file.buffer).digest('hex'), size: file.buffer.length }],
  });
  return report;
}
