import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { CaseStatus, Channel, Rating, TaskRole, TaskStatus, Urgency } from '../../../common/cases.js';
import { units } from './org.js';
import { users } from './users.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** A deadline target of an SLA policy. */
export type SlaTarget = { amount: number; unit: 'minutes' | 'hours' | 'days'; mode: 'natural' | 'working' };

/** The three-level case taxonomy (问题分类); keywords seed the classifier before it has learnt anything. */
export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id),
    level: integer('level').notNull(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    urgent: boolean('urgent').notNull().default(false),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('categories_parent_idx').on(t.parentId)],
);

/** Category → responsible unit rules (the seed of the duty list); the most specific matching rule wins. */
export const dispatchRules = pgTable('dispatch_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  categoryId: uuid('category_id')
    .notNull()
    .references(() => categories.id),
  /** Where the case goes: a fixed unit, or the grid / village / township the case lies in. */
  target: text('target').$type<'unit' | 'grid' | 'village' | 'township' | 'township_office'>().notNull(),
  unitId: uuid('unit_id').references(() => units.id),
  /** For 'township_office': the office of that name in the case's township (e.g. 综合执法队). */
  officeName: text('office_name'),
  assistUnitIds: uuid('assist_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
  /** Township offices (e.g. 综合执法队) of the case's own township that assist. */
  assistOfficeNames: text('assist_office_names').array().notNull().default(sql`'{}'::text[]`),
  assistVillage: boolean('assist_village').notNull().default(false),
  autoDispatch: boolean('auto_dispatch').notNull().default(false),
  active: boolean('active').notNull().default(true),
});

/** Deadline policies matched by category, urgency and channel. */
export const slaPolicies = pgTable('sla_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  categoryId: uuid('category_id').references(() => categories.id),
  urgency: text('urgency').$type<Urgency>(),
  channel: text('channel').$type<Channel>(),
  accept: jsonb('accept').$type<SlaTarget>().notNull(),
  firstResponse: jsonb('first_response').$type<SlaTarget>().notNull(),
  resolve: jsonb('resolve').$type<SlaTarget>().notNull(),
  warningShare: real('warning_share').notNull().default(0.8),
  active: boolean('active').notNull().default(true),
});

/** One report of a problem (诉求/工单/事件) and where it stands. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    channel: text('channel').$type<Channel>().notNull(),
    reporterId: uuid('reporter_id').references(() => users.id),
    anonymous: boolean('anonymous').notNull().default(false),
    /** For anonymous reports the reporter is not stored in clear: a keyed hash finds "my reports", a sealed id serves
     *  the audited admin lookup. */
    reporterIndex: text('reporter_index'),
    reporterCipher: text('reporter_cipher'),
    /** Name and phone given by a caller or walk-in reporter, encrypted. */
    contactCipher: text('contact_cipher'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categoryId: uuid('category_id').references(() => categories.id),
    urgency: text('urgency').$type<Urgency>().notNull().default('normal'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    address: text('address'),
    gridId: uuid('grid_id').references(() => units.id),
    /** Path of the grid (or of the reporter's unit when there is no location): scopes area-based access. */
    areaPath: text('area_path').notNull(),
    status: text('status').$type<CaseStatus>().notNull(),
    statusBeforeSuspend: text('status_before_suspend').$type<CaseStatus>(),
    leadUnitId: uuid('lead_unit_id').references(() => units.id),
    suggestedUnitId: uuid('suggested_unit_id').references(() => units.id),
    slaPolicyId: uuid('sla_policy_id').references(() => slaPolicies.id),
    receivedAt: ts('received_at').notNull(),
    dispatchedAt: ts('dispatched_at'),
    acceptedAt: ts('accepted_at'),
    firstResponseAt: ts('first_response_at'),
    resolvedAt: ts('resolved_at'),
    verifiedAt: ts('verified_at'),
    closedAt: ts('closed_at'),
    acceptDue: ts('accept_due'),
    firstResponseDue: ts('first_response_due'),
    resolveDue: ts('resolve_due'),
    /** When the yellow card is due for the step the case waits on. */
    warnAt: ts('warn_at'),
    card: text('card').$type<'none' | 'yellow' | 'red'>().notNull().default('none'),
    /** The next moment the sweeper must look at this case (a warning or a deadline); null when nothing is pending. */
    nextSweepAt: ts('next_sweep_at'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    escalationUnitId: uuid('escalation_unit_id').references(() => units.id),
    escalationPath: text('escalation_path'),
    returnCount: integer('return_count').notNull().default(0),
    buckPassing: boolean('buck_passing').notNull().default(false),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** Set at acceptance and resolution for the cockpit: working minutes since dispatch, and whether the deadline was met. */
    acceptMinutes: integer('accept_minutes'),
    acceptOnTime: boolean('accept_on_time'),
    resolveMinutes: integer('resolve_minutes'),
    resolveOnTime: boolean('resolve_on_time'),
    rating: text('rating').$type<Rating>(),
    reply: text('reply'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => cases.id),
    externalRef: text('external_ref'),
    /** The classifier's suggestion at intake: model version, top categories and confidences. */
    prediction: jsonb('prediction'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('cases_status_idx').on(t.status),
    index('cases_area_idx').on(t.areaPath.op('text_pattern_ops')),
    // Partial: a case has either a named reporter or an anonymous one's index, and no lead unit until it is
    // dispatched, so a new case adds no entry for the empty ones (an equality lookup still uses them).
    index('cases_reporter_idx').on(t.reporterId).where(sql`${t.reporterId} is not null`),
    index('cases_reporter_index_idx').on(t.reporterIndex).where(sql`${t.reporterIndex} is not null`),
    index('cases_lead_unit_idx').on(t.leadUnitId).where(sql`${t.leadUnitId} is not null`),
    index('cases_received_idx').on(t.receivedAt),
    // Duplicate checks read the recent cases of a few grids (dispatch/find-duplicates.ts).
    index('cases_grid_received_idx').on(t.gridId, t.receivedAt),
    index('cases_sweep_idx').on(t.nextSweepAt).where(sql`${t.nextSweepAt} is not null`),
    uniqueIndex('cases_external_ref_idx').on(t.channel, t.externalRef).where(sql`${t.externalRef} is not null`),
  ],
);

/** A unit's share of a case: the lead unit (主办), assisting units (协办) and rectification orders, each with deadlines. */
export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    unitPath: text('unit_path').notNull(),
    role: text('role').$type<TaskRole>().notNull(),
    status: text('status').$type<TaskStatus>().notNull(),
    acceptDue: ts('accept_due'),
    resolveDue: ts('resolve_due'),
    acceptedAt: ts('accepted_at'),
    resolvedAt: ts('resolved_at'),
    reply: text('reply'),
    note: text('note'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('case_tasks_case_idx').on(t.caseId), index('case_tasks_unit_idx').on(t.unitPath.op('text_pattern_ops'), t.status)],
);

/** Photos, voice notes and documents of a case, stored in the database so every instance serves them. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').$type<'photo' | 'voice' | 'document'>().notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
);

/** Suspensions (挂起): requested by the unit, approved by supervision; approved time stops the clock. */
export const casePauses = pgTable(
  'case_pauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    reason: text('reason').notNull(),
    status: text('status').$type<'pending' | 'approved' | 'rejected' | 'ended'>().notNull(),
    requestedBy: uuid('requested_by'),
    requestedAt: ts('requested_at').notNull(),
    decidedBy: uuid('decided_by'),
    startedAt: ts('started_at'),
    endedAt: ts('ended_at'),
  },
  (t) => [index('case_pauses_case_idx').on(t.caseId)],
);

/** Supervision orders (督办单): issued on escalation, addressed to the lead unit, with their own deadline. */
export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    level: integer('level').notNull(),
    issuedByUnitId: uuid('issued_by_unit_id').references(() => units.id),
    issuedToUnitId: uuid('issued_to_unit_id').references(() => units.id),
    reason: text('reason').notNull(),
    dueAt: ts('due_at').notNull(),
    status: text('status').$type<'open' | 'answered' | 'closed'>().notNull(),
    createdAt: ts('created_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [index('supervision_orders_case_idx').on(t.caseId), index('supervision_orders_status_idx').on(t.status)],
);

/** Daily counters behind readable case numbers (QH-20261122-0001). */
export const caseCounters = pgTable('case_counters', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
});

/** Notifications and webhooks written in the transaction of the change; delivered after commit, retried. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').$type<'inapp' | 'sms' | 'email'>().notNull(),
    /** A user, or every user of a unit with one of the roles (expanded at delivery, so sweeps stay cheap). */
    recipientId: uuid('recipient_id'),
    recipientUnitId: uuid('recipient_unit_id'),
    recipientRoles: text('recipient_roles').array(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<{ title: string; body: string; caseId?: string; link?: string }>().notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: ts('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    deliveredAt: ts('delivered_at'),
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('outbox_dedupe_idx').on(t.dedupeKey), index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.deliveredAt} is null`)],
);

/**
 * People who follow a case instead of reporting it again (关注, the report form's "已有人反映过 — 关注这一件？"):
 * they hear when it is resolved, closed or merged, and find it under "my reports". A merge moves them, and the
 * duplicate's reporter, to the case it joined.
 */
export const caseFollowers = pgTable(
  'case_followers',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('case_followers_user_idx').on(t.userId, t.createdAt)],
);

/** In-app messages, the default notification driver's mailbox. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    caseId: uuid('case_id'),
    /** The outbox row this message was delivered from, with the user: delivery retries never duplicate it. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [index('messages_user_idx').on(t.userId, t.createdAt)],
);
