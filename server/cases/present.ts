import type { CaseStatus, Channel, Rating, Urgency } from '../../common/cases.js';
import type { CryptoBox } from '../platform/crypto-box.js';
import { maskPhone } from '../platform/crypto-box.js';
import type { CaseRow } from './case-action.js';

/** A case as lists show it. */
export interface CaseSummary {
  id: string;
  number: string;
  status: CaseStatus;
  channel: Channel;
  title: string;
  urgency: Urgency;
  categoryId: string | null;
  categoryName: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  gridId: string | null;
  gridName: string | null;
  card: 'none' | 'yellow' | 'red';
  escalationLevel: number;
  buckPassing: boolean;
  receivedAt: string;
  dueAt: string | null;
  anonymous: boolean;
  rating: Rating | null;
  /** Smart dispatch's top three categories at intake (dispatch/intake-advice.ts CasePrediction), for the workbench. */
  prediction: unknown;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The deadline the case waits on now, for countdowns. */
export function dueOf(c: CaseRow): Date | null {
  if (c.status === 'dispatched') return c.acceptDue;
  if (c.status === 'accepted' || c.status === 'in_progress') return c.resolveDue;
  if (c.status === 'received' || c.status === 'returned') return c.firstResponseDue;
  return null;
}

/** The list view of a case; names come from joins done by the caller. */
export function presentSummary(c: CaseRow, names: { categoryName: string | null; leadUnitName: string | null; gridName: string | null }): CaseSummary {
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    channel: c.channel,
    title: c.title,
    urgency: c.urgency,
    categoryId: c.categoryId,
    categoryName: names.categoryName,
    leadUnitId: c.leadUnitId,
    leadUnitName: names.leadUnitName,
    gridId: c.gridId,
    gridName: names.gridName,
    card: c.card,
    escalationLevel: c.escalationLevel,
    buckPassing: c.buckPassing,
    receivedAt: c.receivedAt.toISOString(),
    dueAt: iso(dueOf(c)),
    anonymous: c.anonymous,
    rating: c.rating,
    prediction: c.prediction ?? null,
  };
}

/** The caller's contact (hotline or walk-in), decrypted only to be masked. */
export function presentContact(box: CryptoBox, c: CaseRow): { name: string | null; phoneMasked: string | null } | null {
  if (!c.contactCipher) return null;
  const contact = JSON.parse(box.open(c.contactCipher)) as { name?: string; phone?: string };
  return { name: contact.name ? `${contact.name.slice(0, 1)}**` : null, phoneMasked: maskPhone(contact.phone) };
}

/** The deadline fields of a case. */
export function presentDeadlines(c: CaseRow) {
  return {
    acceptDue: iso(c.acceptDue),
    firstResponseDue: iso(c.firstResponseDue),
    resolveDue: iso(c.resolveDue),
    warnAt: iso(c.warnAt),
    dueAt: iso(dueOf(c)),
    receivedAt: c.receivedAt.toISOString(),
    dispatchedAt: iso(c.dispatchedAt),
    acceptedAt: iso(c.acceptedAt),
    firstResponseAt: iso(c.firstResponseAt),
    resolvedAt: iso(c.resolvedAt),
    verifiedAt: iso(c.verifiedAt),
    closedAt: iso(c.closedAt),
  };
}
