import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The environment the platform reads, validated once at boot; nothing else reads process.env. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  JICENG_DATA_DIR: z.string().min(1).default('./data'),
  JICENG_DEMO: bool.optional(),
  /** How many synthetic cases (two years of them) a first start in demo mode adds, so lists and the cockpit show something. */
  JICENG_DEMO_CASES: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  JICENG_MIGRATIONS: z.enum(['apply', 'refuse']).default('apply'),
  JICENG_DATA_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (a 256-bit key)')
    .optional(),
  JICENG_ADMIN_USERNAME: z.string().min(3).optional(),
  JICENG_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  JICENG_SESSION_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  JICENG_COOKIE_SECURE: bool.default(false),
  JICENG_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  JICENG_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  JICENG_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  JICENG_PUBLIC_INTAKE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Per-address limit on the other endpoints signed-out callers may read (the taxonomy, the latest checkpoint). */
  JICENG_PUBLIC_READ_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  JICENG_BACKGROUND: bool.default(true),
  JICENG_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Office hours for working-time deadlines, e.g. "08:30-12:00,13:30-17:30" (China time). */
  JICENG_OFFICE_HOURS: z
    .string()
    .regex(/^\d{2}:\d{2}-\d{2}:\d{2}(,\d{2}:\d{2}-\d{2}:\d{2})*$/, 'must look like 08:30-12:00,13:30-17:30')
    .default('08:30-12:00,13:30-17:30'),
  /** Extra days off or make-up workdays beyond the official calendar, e.g. "2027-02-06:work,2027-02-10:off". */
  JICENG_CALENDAR_OVERRIDES: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}:(work|off))(,\d{4}-\d{2}-\d{2}:(work|off))*$/, 'must look like 2027-02-06:work,2027-02-10:off')
    .optional(),
  /** The prefix of readable case numbers (QH-20261122-0001). */
  JICENG_CASE_PREFIX: z.string().regex(/^[A-Z]{1,6}$/, 'must be 1-6 capital letters').default('QH'),
  /** The evidence log's hash (fixed for the life of a log): SM3 (GB/T 32905) or SHA-256. */
  JICENG_AUDIT_HASH: z.enum(['sm3', 'sha256']).default('sm3'),
  /** The Ed25519 private key (PKCS#8 PEM; "\n" escapes allowed) that signs evidence checkpoints. */
  JICENG_AUDIT_SIGNING_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key (-----BEGIN PRIVATE KEY-----)' }).optional(),
  /** How often the background job sequences the trail and signs a checkpoint, and after how many new entries sooner. */
  JICENG_AUDIT_CHECKPOINT_SECONDS: z.coerce.number().positive().max(86_400).default(10),
  JICENG_AUDIT_CHECKPOINT_ENTRIES: z.coerce.number().int().min(1).default(1000),
  /** Smart dispatch: retrain the category classifier this many hours after the last training (0: only by count). */
  JICENG_CLASSIFIER_RETRAIN_HOURS: z.coerce.number().min(0).max(8760).default(24),
  /** … or as soon as this many cases were dispatched since the last training. */
  JICENG_CLASSIFIER_RETRAIN_CASES: z.coerce.number().int().min(1).default(500),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
});

export type RawConfig = z.infer<typeof configSchema>;

/** The validated configuration passed down from main to every part of the server. */
export interface Config extends RawConfig {
  database: 'embedded' | 'postgres';
  dataDir: string;
  demo: boolean;
}

/** Thrown when the environment is invalid; main prints it and exits with code 1. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; demo mode defaults to on for the embedded database only. */
export function loadConfig(env: Record<string, string | undefined>, overrides: { demo?: boolean } = {}): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const raw = parsed.data;
  const database = raw.DATABASE_URL ? 'postgres' : 'embedded';
  const demo = overrides.demo ?? raw.JICENG_DEMO ?? database === 'embedded';
  const problems: string[] = [];
  if (!demo && raw.JICENG_ADMIN_PASSWORD && !raw.JICENG_ADMIN_USERNAME) {
    problems.push('JICENG_ADMIN_USERNAME: required when JICENG_ADMIN_PASSWORD is set');
  }
  if (problems.length) throw new ConfigError(problems);
  return { ...raw, database, demo, dataDir: path.resolve(raw.JICENG_DATA_DIR) };
}
