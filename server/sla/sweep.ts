import { sql } from 'drizzle-orm';
import type { CaseStatus, Urgency } from '../../common/cases.js';
import type { Role } from '../../common/roles.js';
import { supervisionOrders } from '../db/schema/cases.js';
import { dueFrom, currentDue } from '../cases/deadlines.js';
import { enqueueNotices, unitStaffRoles, type Notice } from '../cases/notify.js';
import { systemActor } from '../platform/actor.js';
import { auditMany, type AuditInput } from '../platform/audit.js';
import type { Deps } from '../platform/context.js';
import { recordCaseFactsById } from '../cockpit/record-facts.js';

type Due = {
  id: string;
  number: string;
  title: string;
  status: CaseStatus;
  urgency: Urgency;
  card: 'none' | 'yellow' | 'red';
  warn_at: Date | null;
  accept_due: Date | null;
  resolve_due: Date | null;
  first_response_due: Date | null;
  next_sweep_at: Date;
  escalation_level: number;
  area_path: string;
  lead_unit_id: string | null;
};

/** Who hears about an escalation at each level: the village's cadres, the township's staff, the county's supervisors. */
const escalationRoles: readonly (readonly Role[])[] = [['cadre'], ['township_staff'], ['supervisor']];

/** The units a case escalates through: from the place it lies in up to the county (grid → village → township → county). */
export function escalationChain(areaPath: string): string[] {
  return areaPath.split('/').filter(Boolean).slice(0, -1).reverse();
}

const ts = (d: unknown) => (d === null || d === undefined ? null : d instanceof Date ? d : new Date(d as string));

/**
 * One sweep of deadlines as of `now`: cases whose warning time has come get a yellow card; overdue cases get a red
 * card, escalate one level up the tree and get a supervision order (督办单) with its own deadline — and escalate again
 * if that passes too. Due cases are claimed with FOR UPDATE SKIP LOCKED in batches, so several server instances
 * sweeping at once never act on a case twice; every change is written with its trail entries and notices in the
 * batch's transaction.
 */
export async function sweepDeadlines(deps: Pick<Deps, 'db' | 'clock' | 'work'>, options: { now?: Date; batchSize?: number } = {}) {
  const now = options.now ?? deps.clock.now();
  const batchSize = options.batchSize ?? 1000;
  const totals = { warned: 0, escalated: 0, examined: 0 };
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const res = await tx.execute(sql`
        select id, number, title, status, urgency, card, warn_at, accept_due, resolve_due, first_response_due, next_sweep_at,
               escalation_level, area_path, lead_unit_id
        from cases where next_sweep_at <= ${now} order by next_sweep_at limit ${batchSize} for update skip locked`);
      const rows = (res as unknown as { rows: Due[] }).rows.map((r) => ({
        ...r,
        warn_at: ts(r.warn_at),
        accept_due: ts(r.accept_due),
        resolve_due: ts(r.resolve_due),
        first_response_due: ts(r.first_response_due),
        next_sweep_at: ts(r.next_sweep_at)!,
      }));
      if (!rows.length) return true;
      totals.examined += rows.length;
      const updates: { id: string; card: string; level: number; unit: string | null; path: string | null; next: Date | null }[] = [];
      const entries: AuditInput[] = [];
      const notices: Notice[] = [];
      const orders: (typeof supervisionOrders.$inferInsert)[] = [];
      for (const c of rows) {
        const due = currentDue({ status: c.status, acceptDue: c.accept_due, resolveDue: c.resolve_due, firstResponseDue: c.first_response_due });
        const chain = escalationChain(c.area_path);
        if (due && now > due && (c.card !== 'red' || c.next_sweep_at <= now)) {
          const level = Math.min(c.escalation_level + 1, chain.length);
          const unit = level > c.escalation_level ? chain[level - 1]! : null;
          if (!unit) {
            updates.push({ id: c.id, card: 'red', level: c.escalation_level, unit: null, path: null, next: null });
            continue;
          }
          const orderDue = dueFrom(deps.work, now, c.urgency === 'urgent' ? { amount: 1, unit: 'hours', mode: 'natural' } : { amount: 1, unit: 'days', mode: 'working' });
          const unitPath = `/${chain.slice(level - 1).reverse().join('/')}/`;
          updates.push({ id: c.id, card: 'red', level, unit, path: unitPath, next: level < chain.length ? orderDue : null });
          orders.push({ caseId: c.id, level, issuedByUnitId: unit, issuedToUnitId: c.lead_unit_id ?? unit, reason: `超时未${c.status === 'dispatched' ? '签收' : '办结'}，升级督办`, dueAt: orderDue, status: 'open', createdAt: now });
          entries.push({ action: 'escalated', subjectType: 'case', subjectId: c.id, unitId: unit, changes: { card: { before: c.card, after: 'red' }, escalationLevel: { before: c.escalation_level, after: level }, dueAt: { before: null, after: due.toISOString() } }, reason: '超过时限自动升级 (overdue: escalated one level up)' });
          notices.push({ to: { unitId: unit, roles: escalationRoles[Math.min(level, 3) - 1] ?? ['supervisor'] }, topic: 'case.escalated', title: `【督办】${c.number} 已超时`, body: c.title, caseId: c.id, key: `escalated:${c.id}:${level}` });
          if (c.lead_unit_id) notices.push({ to: { unitId: c.lead_unit_id, roles: unitStaffRoles }, topic: 'case.overdue', title: `【红牌】${c.number} 已超时，收到督办单`, body: c.title, caseId: c.id, key: `overdue:${c.id}:${level}` });
          totals.escalated++;
        } else if (c.card === 'none' && c.warn_at && now >= c.warn_at) {
          updates.push({ id: c.id, card: 'yellow', level: c.escalation_level, unit: null, path: null, next: due });
          entries.push({ action: 'warned', subjectType: 'case', subjectId: c.id, unitId: c.lead_unit_id, changes: { card: { before: 'none', after: 'yellow' } }, reason: '临近时限 (deadline approaching)' });
          if (c.lead_unit_id) notices.push({ to: { unitId: c.lead_unit_id, roles: unitStaffRoles }, topic: 'case.warned', title: `【黄牌】${c.number} 临近时限`, body: c.title, caseId: c.id, key: `warned:${c.id}:${c.status}:${due?.getTime() ?? 0}` });
          totals.warned++;
        } else {
          // Nothing is due yet (e.g. the deadline moved): look again when it is.
          updates.push({ id: c.id, card: c.card, level: c.escalation_level, unit: null, path: null, next: c.card === 'none' ? (c.warn_at ?? due) : c.card === 'yellow' ? due : null });
        }
      }
      const col = <T>(pick: (u: (typeof updates)[number]) => T) => sql.param(updates.map(pick));
      await tx.execute(sql`
        update cases as c set card = v.card, escalation_level = v.level,
          escalation_unit_id = coalesce(v.unit, c.escalation_unit_id), escalation_path = coalesce(v.path, c.escalation_path),
          next_sweep_at = v.next, updated_at = ${now}
        from unnest(${col((u) => u.id)}::uuid[], ${col((u) => u.card)}::text[], ${col((u) => u.level)}::int[],
                    ${col((u) => u.unit)}::uuid[], ${col((u) => u.path)}::text[], ${col((u) => u.next?.toISOString() ?? null)}::timestamptz[])
          as v(id, card, level, unit, path, next)
        where c.id = v.id`);
      if (orders.length) {
        const o = <T>(pick: (x: (typeof orders)[number]) => T) => sql.param(orders.map(pick));
        await tx.execute(sql`
          insert into supervision_orders (case_id, level, issued_by_unit_id, issued_to_unit_id, reason, due_at, status, created_at)
          select c, l, b, t, r, d, 'open', ${now} from unnest(${o((x) => x.caseId)}::uuid[], ${o((x) => x.level)}::int[], ${o((x) => x.issuedByUnitId)}::uuid[],
            ${o((x) => x.issuedToUnitId)}::uuid[], ${o((x) => x.reason)}::text[], ${o((x) => (x.dueAt as Date).toISOString())}::timestamptz[]) as x(c, l, b, t, r, d)`);
      }
      // Red cards and escalations change what the cockpit counts (overdue, escalations, supervision orders).
      await recordCaseFactsById(tx, updates.filter((u) => u.card === 'red').map((u) => u.id));
      await auditMany({ db: tx, clock: { now: () => now }, actor: systemActor }, entries);
      await enqueueNotices(tx, now, notices);
      return rows.length < batchSize;
    });
    if (done) return totals;
  }
}
