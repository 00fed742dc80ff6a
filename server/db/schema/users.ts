import { bigserial, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../../common/roles.js';
import { units } from './org.js';

/** Accounts: every user belongs to one unit and has one role. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** scrypt hash; null for people who cannot sign in (e.g. imported residents). */
    passwordHash: text('password_hash'),
    /** The phone number encrypted at rest (SM4/AES); see platform/crypto-box.ts. */
    phoneCipher: text('phone_cipher'),
    /** A keyed hash of the phone number, for lookups without decrypting. */
    phoneIndex: text('phone_index'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('users_unit_idx').on(t.unitId), index('users_role_idx').on(t.role), index('users_phone_idx').on(t.phoneIndex)],
);

/** Signed-in sessions; only the SHA-256 of the bearer token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    clientAddress: text('client_address'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins, counted per account to lock out password guessing across instances. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    clientAddress: text('client_address'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_failures_user_at_idx').on(t.username, t.at)],
);
