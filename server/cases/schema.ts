import { z } from 'zod';
import { textInput } from '../platform/http/text-input.js';
import { caseStatuses, channels, ratings, urgencies } from '../../common/cases.js';

const uuid = z.string().uuid('不是有效的编号 (not a valid id)');

const reason = textInput(1000, { length: 2, message: '请填写理由 (a reason is required)' });

/** An attachment sent inline with a report or a resolution (base64), so the case and its files are written together. */
export const attachmentInput = z.object({
  filename: textInput(200, { length: 1, message: '附件没有文件名 (attachment: no filename)' }),
  mime: textInput(100).optional(),
  contentBase64: z.string().min(1, '附件内容为空 (attachment is empty)'),
});
export type AttachmentInput = z.infer<typeof attachmentInput>;

export const locationInput = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  address: textInput(200).optional(),
});

export const createCaseBody = z.object({
  title: textInput(100).optional(),
  description: textInput(5000, { length: 5, message: '请描述问题，至少 5 个字 (description: at least 5 characters)' }),
  category: textInput(64).optional().describe('category code (e.g. B0101) or id'),
  location: locationInput.optional(),
  address: textInput(200).optional(),
  anonymous: z.boolean().optional(),
  channel: z.enum(channels).optional(),
  urgency: z.enum(urgencies).optional(),
  contact: z.object({ name: textInput(50).optional(), phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/, '电话号码格式不正确 (invalid phone)').optional() }).optional(),
  externalRef: textInput(64).optional(),
  attachments: z.array(attachmentInput).max(9, '最多 9 个附件 (at most 9 attachments)').optional(),
});
export type CreateCaseInput = z.infer<typeof createCaseBody>;

export const dispatchBody = z.object({
  unitId: uuid,
  assistUnitIds: z.array(uuid).max(10).optional(),
  category: textInput(64).optional(),
  reason: textInput(1000).optional(),
});
export type DispatchInput = z.infer<typeof dispatchBody>;

export const reasonBody = z.object({ reason });
export const optionalNoteBody = z.object({ note: textInput(1000).optional() }).optional();
export const resolveBody = z.object({
  reply: textInput(5000, { length: 2, message: '请填写办理结果 (reply is required)' }),
  attachments: z.array(attachmentInput).max(9).optional(),
});
export const transferBody = z.object({ unitId: uuid, reason });
export const rateBody = z.object({
  score: z.enum(ratings),
  comment: textInput(1000).optional(),
  followUp: z.enum(['reopen', 'rectify']).optional(),
});
export const mergeBody = z.object({ targetCaseId: uuid, reason: textInput(1000).optional() });
export const caseIdParams = z.object({ id: uuid });

export const listCasesQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(z.array(z.enum(caseStatuses)).optional()),
  unitId: uuid.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  card: z.enum(['yellow', 'red']).optional(),
  channel: z.enum(channels).optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  buckPassing: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: textInput(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListCasesQuery = z.infer<typeof listCasesQuery>;
