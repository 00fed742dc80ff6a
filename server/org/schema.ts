import { z } from 'zod';
import { textInput } from '../platform/http/text-input.js';
import { unitKinds } from '../../common/roles.js';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** A GeoJSON Polygon as the API accepts it; topology is checked by validatePolygon. */
export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(position).min(4, 'a ring needs at least 4 positions')).min(1),
});

export const unitView = z.object({
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  kind: z.enum(unitKinds),
  name: z.string(),
  code: z.string(),
});
export type UnitView = z.infer<typeof unitView>;

export const unitIdParams = z.object({ id: z.string().uuid('不是有效的编号 (not a valid id)') });

export const createUnitBody = z.object({
  parentId: z.string().uuid(),
  kind: z.enum(unitKinds),
  name: textInput(100, { length: 1, message: '名称不能为空 (name is required)' }),
  code: z.string().trim().regex(/^[0-9A-Za-z-]{1,40}$/, '编码只能包含字母、数字和连字符 (letters, digits and hyphens)').optional(),
  boundary: polygonSchema.optional(),
});
export type CreateUnitInput = z.infer<typeof createUnitBody>;

export const updateUnitBody = z
  .object({
    name: textInput(100, { length: 1 }).optional(),
    code: z.string().trim().regex(/^[0-9A-Za-z-]{1,40}$/).optional(),
    parentId: z.string().uuid().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的字段 (nothing to change)' });
export type UpdateUnitInput = z.infer<typeof updateUnitBody>;

export const historyItem = z.object({
  at: z.string(),
  actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  action: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  reason: z.string().nullable(),
});

export const updateGridBody = z
  .object({ boundary: polygonSchema.optional(), gridWorkerId: z.string().uuid().nullable().optional() })
  .refine((v) => v.boundary !== undefined || v.gridWorkerId !== undefined, { message: '没有要修改的字段 (nothing to change)' });
export type UpdateGridInput = z.infer<typeof updateGridBody>;

export const locateQuery = z.object({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});
