/** The case ledger's shapes as the server's API answers them (server/cases/present.ts and get-case.ts). */
import type { CaseStatus, Channel, Rating, TaskRole, TaskStatus, Urgency } from '../../../common/cases.js';

/** Every action of the transition table a person may take (server/cases/lifecycle.ts, minus the sweeper's). */
export const caseActions = [
  'dispatch',
  'accept',
  'start',
  'return',
  'transfer',
  'resolve',
  'assist_accept',
  'assist_resolve',
  'verify',
  'close',
  'rate',
  'request_suspend',
  'approve_suspend',
  'reject_suspend',
  'resume',
  'reopen',
  'merge',
] as const;
export type CaseAction = (typeof caseActions)[number];

export type Card = 'none' | 'yellow' | 'red';

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
  card: Card;
  escalationLevel: number;
  buckPassing: boolean;
  receivedAt: string;
  dueAt: string | null;
  anonymous: boolean;
  rating: Rating | null;
  /** Smart dispatch's advice at intake (read with prediction.ts); absent from older servers. */
  prediction?: unknown;
}

export interface CasePage {
  items: CaseSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** A unit's share of a case. */
export interface CaseTask {
  id: string;
  unitId: string;
  unitName: string;
  role: TaskRole;
  status: TaskStatus;
  acceptDue: string | null;
  resolveDue: string | null;
  acceptedAt: string | null;
  resolvedAt: string | null;
  reply: string | null;
}

export interface CaseAttachment {
  id: string;
  kind: 'photo' | 'voice' | 'document';
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface SupervisionOrder {
  id: string;
  level: number;
  issuedToUnitId: string | null;
  issuedByUnitId: string | null;
  reason: string | null;
  dueAt: string;
  status: string;
  createdAt: string;
}

export interface CasePause {
  id: string;
  reason: string;
  status: string;
  requestedAt: string;
  startedAt: string | null;
  endedAt: string | null;
}

/** One entry of a case's trail. `actor` null means an anonymous reporter. */
export interface TimelineEntry {
  id: string | number;
  at: string;
  action: string;
  actor: { id: string | null; displayName: string; role: string | null } | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  reason: string | null;
  attachments: { name: string; sha256: string; size: number }[] | null;
}

export interface CaseDeadlines {
  acceptDue: string | null;
  firstResponseDue: string | null;
  resolveDue: string | null;
  warnAt: string | null;
  dueAt: string | null;
  receivedAt: string;
  dispatchedAt: string | null;
  acceptedAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  verifiedAt: string | null;
  closedAt: string | null;
}

/** A case in full, with the actions the caller may take now. */
export interface CaseDetail extends CaseSummary {
  description: string;
  category: { id: string; code: string; name: string } | null;
  location: { lng: number | null; lat: number | null; address: string | null } | null;
  reporter: { id: string; displayName: string } | null;
  contact: { name: string | null; phoneMasked: string | null } | null;
  suggestedUnit: { id: string; name: string } | null;
  escalationUnit: { id: string; name: string } | null;
  reply: string | null;
  returnCount: number;
  reopenCount: number;
  /** People who follow the case instead of reporting it again (关注). */
  followers: number;
  mergedIntoId: string | null;
  deadlines: CaseDeadlines;
  tasks: CaseTask[];
  attachments: CaseAttachment[];
  supervisionOrders: SupervisionOrder[];
  pauses: CasePause[];
  allowedActions: CaseAction[];
  timeline: TimelineEntry[];
}

/** What an action answers when it took the case out of the caller's sight (a unit returning it). */
export interface CaseGone {
  id: string;
  number: string;
  status: CaseStatus;
}

/** One problem category; parentId links the three levels. */
export interface Category {
  id: string;
  parentId: string | null;
  level: number;
  code: string;
  name: string;
}

/** A file as the report and resolve bodies carry it. */
export interface AttachmentUpload {
  filename: string;
  mime: string;
  contentBase64: string;
}

/** The body of POST /api/cases. */
export interface CreateCaseInput {
  title?: string;
  description: string;
  category?: string;
  location?: { lng: number; lat: number; address?: string };
  address?: string;
  anonymous?: boolean;
  channel?: Channel;
  urgency?: Urgency;
  contact?: { name?: string; phone?: string };
  attachments?: AttachmentUpload[];
}

export interface CreatedCase {
  id: string;
  number: string;
  status: CaseStatus;
  urgency: Urgency;
  suggestedUnitId: string | null;
  gridId: string | null;
}

/** The filters of GET /api/cases. */
export interface CaseQuery {
  status?: readonly CaseStatus[];
  unitId?: string;
  card?: 'yellow' | 'red';
  overdue?: boolean;
  mine?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}
