/** What each lifecycle action needs from the person taking it, and where the server takes it. Plain data, no React. */
import type { CaseAction } from './case-types.js';

/** The URL segment after /api/cases/:id/ for each action (server/cases/routes.ts). */
export const actionPath: Record<CaseAction, string> = {
  dispatch: 'dispatch',
  accept: 'accept',
  start: 'start',
  return: 'return',
  transfer: 'transfer',
  resolve: 'resolve',
  assist_accept: 'assist/accept',
  assist_resolve: 'assist/resolve',
  verify: 'verify',
  close: 'close',
  rate: 'rate',
  request_suspend: 'suspend',
  approve_suspend: 'suspend/approve',
  reject_suspend: 'suspend/reject',
  resume: 'resume',
  reopen: 'reopen',
  merge: 'merge',
};

/**
 * The form an action opens: none (a confirmation only), a required reason, an optional note, a reply (with photos for
 * the lead unit's resolution), a rating, a unit and reason (transfer), the dispatch form, or the merge target.
 */
export type ActionForm = 'confirm' | 'reason' | 'note' | 'reply' | 'replyWithPhotos' | 'rate' | 'transfer' | 'dispatch' | 'merge';

export const actionForm: Record<CaseAction, ActionForm> = {
  dispatch: 'dispatch',
  accept: 'confirm',
  start: 'confirm',
  return: 'reason',
  transfer: 'transfer',
  resolve: 'replyWithPhotos',
  assist_accept: 'confirm',
  assist_resolve: 'reply',
  verify: 'note',
  close: 'note',
  rate: 'rate',
  request_suspend: 'reason',
  approve_suspend: 'confirm',
  reject_suspend: 'reason',
  resume: 'confirm',
  reopen: 'reason',
  merge: 'merge',
};

/** Actions that move work forward get the primary button; those that push it back are marked dangerous. */
export function actionTone(action: CaseAction): 'primary' | 'danger' | 'default' {
  if (['dispatch', 'accept', 'resolve', 'assist_accept', 'assist_resolve', 'rate', 'verify', 'close'].includes(action)) return 'primary';
  if (['return', 'reject_suspend', 'reopen'].includes(action)) return 'danger';
  return 'default';
}

/** The buttons in the order a person reads them: the main step first, the ways back last. */
export function orderActions(actions: readonly CaseAction[]): CaseAction[] {
  const rank = { primary: 0, default: 1, danger: 2 } as const;
  return [...actions].sort((a, b) => rank[actionTone(a)] - rank[actionTone(b)]);
}
