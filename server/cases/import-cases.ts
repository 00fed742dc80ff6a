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

/** Rows created at once: they ride the intake writer's batches together (cases/intake-writer.ts). */
const WINDOW = 64;

/**
 * Imports a CSV or XLSX of 12345 hotline work orders. Every good row goes through createCase, exactly like a case a
 * dispatcher types in, and is all-or-nothing: a bad row is reported and never blocks the others. Rows are taken in
 * WINDOW at a time, so the intake writer commits them in batches. A work order whose hotline number was already
 * imported — earlier, or higher up in the same file — is reported as a duplicate and skipped, so importing a file
 * twice creates nothing new. One audit entry records the import as a whole, and each created case's 'received' entry
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

  const rows: RowReport[] = new Array(checked.length);
  const firstOfRef = new Map<string, number>(); // hotline number → index of the row that creates it
  const toCreate: number[] = [];
  for (const [i, { row, ref, check }] of checked.entries()) {
    if (!check.ok) {
      rows[i] = { row, status: 'failed', ...(ref ? { externalRef: ref.slice(0, 64) } : {}), errors: check.errors };
      continue;
    }
    const externalRef = check.input.externalRef!;
    const before = known.get(externalRef);
    if (before) rows[i] = { row, status: 'duplicate', externalRef, caseId: before.id, number: before.number };
    else if (!firstOfRef.has(externalRef)) {
      firstOfRef.set(externalRef, i);
      toCreate.push(i);
    } // else: a repeat within the file, filled in below from the row that creates it
  }
  const createRow = async (i: number): Promise<RowReport> => {
    const { row, check } = checked[i]!;
    if (!check.ok) throw new Error('unreachable: only good rows are created');
    const externalRef = check.input.externalRef!;
    try {
      // The import's facts go on the case's own 'received' entry, written in the same transaction as the case.
      const created = await createCase(ctx, ctx.actor, check.input, {
        trail: {
          changes: {
            importId: { before: null, after: importId },
            externalRef: { before: null, after: externalRef },
            ...(check.callTime ? { hotlineReceivedAt: { before: null, after: check.callTime.toISOString() } } : {}),
          },
          reason: `批量导入第 ${row} 行 (imported from row ${row} of ${filename})`,
        },
      });
      return { row, status: 'created', externalRef, caseId: created.id, number: created.number };
    } catch (e) {
      if (isAppError(e) && e.code === 'already_exists') {
        // Another import took this work order in between our check and our insert.
        const other = (await existingRefs(ctx.db, [externalRef])).get(externalRef);
        return { row, status: 'duplicate', externalRef, ...(other ? { caseId: other.id, number: other.number } : {}) };
      }
      const error = isAppError(e)
        ? fieldError(typeof e.details?.field === 'string' ? e.details.field : 'row', e.message, parsed.columns)
        : { field: 'row', message: '导入此行时出错，请稍后重试 (unexpected error)' };
      return { row, status: 'failed', externalRef, errors: [error] };
    }
  };
  for (let w = 0; w < toCreate.length; w += WINDOW) {
    const window = toCreate.slice(w, w + WINDOW);
    const reports = await Promise.all(window.map(createRow));
    window.forEach((i, k) => (rows[i] = reports[k]!));
  }
  for (const [i, { row, check }] of checked.entries()) {
    if (rows[i] || !check.ok) continue;
    const first = rows[firstOfRef.get(check.input.externalRef!)!]!;
    rows[i] = { row, status: 'duplicate', externalRef: check.input.externalRef!, ...(first.caseId ? { caseId: first.caseId, number: first.number! } : {}) };
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
