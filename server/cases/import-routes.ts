import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import type { App } from '../platform/http/app-type.js';
import { ctxOf } from '../platform/http/request-context.js';
import { authorize } from '../platform/policies.js';
import { importCases } from './import-cases.js';
import { importLimits } from './import-parse.js';
import { attachmentDisposition, templateCsv, templateName, templateXlsx } from './import-template.js';

const importReport = z.object({
  importId: z.string(),
  total: z.number().int(),
  created: z.number().int(),
  duplicates: z.number().int(),
  failed: z.number().int(),
  ignoredColumns: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      status: z.enum(['created', 'duplicate', 'failed']),
      externalRef: z.string().optional(),
      caseId: z.string().optional(),
      number: z.string().optional(),
      errors: z.array(z.object({ field: z.string(), column: z.string().optional(), message: z.string() })).optional(),
    }),
  ),
});

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bulk import of 12345 hotline work orders (热线工单批量导入) and its template. */
export async function caseImportRoutes(app: App, deps: Deps): Promise<void> {
  // Multipart parsing lives in its own plugin scope so that no other route starts accepting multipart bodies.
  await app.register(async (plugin) => {
    await plugin.register(fastifyMultipart, { limits: { fileSize: importLimits.bytes, files: 1, fields: 10, parts: 11 } });
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['cases'];

    scope.post(
      '/api/cases/import',
      { schema: { tags, summary: '热线工单批量导入 Import hotline work orders from CSV or XLSX (multipart field "file")', consumes: ['multipart/form-data'], response: { 200: importReport } } },
      async (req) => {
        const ctx = ctxOf(deps, req);
        // Refuse before reading a byte of the upload.
        authorize(ctx.actor, 'case.import');
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传文件 (send multipart/form-data)');
        const part = await req.file();
        if (!part || part.fieldname !== 'file') throw new AppError('bad_request', '请在表单字段 file 中上传文件 (no "file" field)', { field: 'file' });
        let buffer: Buffer;
        try {
          buffer = await part.toBuffer();
        } catch (e) {
          if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', '文件超过 5 MB (file larger than 5 MB)', { limit: importLimits.bytes });
          throw e;
        }
        return importCases(ctx, { buffer, filename: part.filename });
      },
    );

    scope.get(
      '/api/cases/import/template',
      { schema: { tags, summary: '导入模板 The import template (xlsx, or csv)', querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) } },
      async (req, reply) => {
        authorize(ctxOf(deps, req).actor, 'case.import');
        const xlsx = req.query.format === 'xlsx';
        const body = xlsx ? await templateXlsx() : templateCsv();
        return reply
          .header('content-type', xlsx ? xlsxType : 'text/csv; charset=utf-8')
          .header('content-disposition', attachmentDisposition(`${templateName}.${req.query.format}`, `import-template.${req.query.format}`))
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  });
}
