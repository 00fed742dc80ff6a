import type { CaseStatus } from '../../common/cases.js';
import type { Role } from '../../common/roles.js';
import { AppError } from '../platform/errors.js';

/**
 * Who may take an action:
 * - center: the dispatch centre (dispatcher, admin) — and township staff for cases in their township;
 * - unit: people of the unit the case (or their task) is assigned to;
 * - supervision: supervisor, dispatcher, admin;
 * - reporter: the person who reported it (a dispatcher may act for a hotline caller);
 * - system: the sweeper.
 */
export type Who = 'center' | 'unit' | 'supervision' | 'reporter' | 'system';

/** Every action on a case: the statuses it may start from, the status it leads to (null: unchanged) and who may take it. */
export const transitions = {
  dispatch: { from: ['received', 'returned'], to: 'dispatched', who: 'center' },
  accept: { from: ['dispatched'], to: 'accepted', who: 'unit' },
  start: { from: ['accepted'], to: 'in_progress', who: 'unit' },
  return: { from: ['dispatched', 'accepted'], to: 'returned', who: 'unit' },
  transfer: { from: ['dispatched', 'accepted', 'in_progress', 'returned'], to: 'dispatched', who: 'center' },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved', who: 'unit' },
  assist_accept: { from: ['dispatched', 'accepted', 'in_progress'], to: null, who: 'unit' },
  assist_resolve: { from: ['dispatched', 'accepted', 'in_progress'], to: null, who: 'unit' },
  verify: { from: ['resolved'], to: 'verified', who: 'supervision' },
  close: { from: ['verified'], to: 'closed', who: 'supervision' },
  rate: { from: ['resolved', 'verified'], to: null, who: 'reporter' },
  request_suspend: { from: ['accepted', 'in_progress'], to: null, who: 'unit' },
  approve_suspend: { from: ['accepted', 'in_progress'], to: 'suspended', who: 'supervision' },
  reject_suspend: { from: ['accepted', 'in_progress'], to: null, who: 'supervision' },
  resume: { from: ['suspended'], to: null, who: 'supervision' },
  reopen: { from: ['resolved', 'verified', 'closed'], to: 'dispatched', who: 'supervision' },
  merge: { from: ['received', 'dispatched', 'returned'], to: 'merged', who: 'center' },
  escalate: { from: ['received', 'dispatched', 'accepted', 'in_progress', 'returned'], to: null, who: 'system' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus | null; who: Who }>;

export type CaseAction = keyof typeof transitions;

/** Roles that act for the unit a case is assigned to. */
export const unitRoles: readonly Role[] = ['handler', 'township_staff', 'cadre', 'grid_worker'];

/** Roles of each kind of actor other than 'unit' and 'reporter', which depend on the case. */
export const whoRoles: Record<'center' | 'supervision' | 'system', readonly Role[]> = {
  center: ['dispatcher', 'admin', 'township_staff'],
  supervision: ['supervisor', 'dispatcher', 'admin'],
  system: ['admin'],
};

/** The actions whose start statuses include this status (what a client may offer). */
export function actionsFrom(status: CaseStatus): CaseAction[] {
  return (Object.keys(transitions) as CaseAction[]).filter((a) => (transitions[a].from as readonly CaseStatus[]).includes(status));
}

/** Throws 409 illegal_transition naming the current status and the actions allowed from it. */
export function assertTransition(status: CaseStatus, action: CaseAction): void {
  if ((transitions[action].from as readonly CaseStatus[]).includes(status)) return;
  throw new AppError('illegal_transition', `当前状态“${status}”不能执行“${action}” (cannot ${action} a case that is ${status})`, {
    status,
    action,
    allowedActions: actionsFrom(status).filter((a) => transitions[a].who !== 'system'),
  });
}
