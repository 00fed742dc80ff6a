import { z } from 'zod';
import { textInput } from '../platform/http/text-input.js';
import { roles } from '../../common/roles.js';

const phone = z.string().trim().regex(/^1[3-9]\d{9}$/, '手机号格式不正确 (a mainland mobile number of 11 digits)');
const password = z.string().min(8, '密码至少 8 位 (at least 8 characters)').max(128);

export const userView = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  unitId: z.string().uuid(),
  unitName: z.string(),
  phoneMasked: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const listUsersQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: textInput(50).optional(),
  role: z.enum(roles).optional(),
  unitId: z.string().uuid().optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const createUserBody = z.object({
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3-32 位字母、数字、下划线 (3–32 letters, digits, _ . -)'),
  displayName: textInput(50, { length: 1 }),
  role: z.enum(roles),
  unitId: z.string().uuid(),
  password,
  phone: phone.optional(),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    displayName: textInput(50, { length: 1 }).optional(),
    role: z.enum(roles).optional(),
    unitId: z.string().uuid().optional(),
    active: z.boolean().optional(),
    password: password.optional(),
    phone: phone.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的字段 (nothing to change)' });
export type UpdateUserInput = z.infer<typeof updateUserBody>;
