import { z } from 'zod';
import { textInput } from '../platform/http/text-input.js';
import { roles } from '../../common/roles.js';

export const loginBody = z.object({
  username: textInput(64, { length: 1, message: '请输入用户名 (username is required)' }),
  password: z.string().min(1, '请输入密码 (password is required)').max(256),
});
export type LoginInput = z.infer<typeof loginBody>;

export const publicUser = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  unitId: z.string().uuid(),
  unitName: z.string(),
});
export type PublicUser = z.infer<typeof publicUser>;

export const loginReply = z.object({ token: z.string(), user: publicUser });
export const meReply = z.object({ user: publicUser });
