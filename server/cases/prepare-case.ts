/**
 * Intake's thinking, before anything is written: who may report on which channel, where the report lies, what the
 * model makes of it, its category, urgency, deadline policy and suggested unit — all from memory (cached reference
 * data, the grid index, the model store, the recent-cases cache), so a report costs no database round trip here.
 */
import { randomUUID } from 'node:crypto';
import type { Channel, Urgency } from '../../common/cases.js';
import type { Role } from '../../common/roles.js';
import type { FieldChange } from '../db/schema/audit.js';
import type { Actor } from '../platform/actor.js';
import type { RequestMeta } from '../platform/audit.js';
import type { Deps } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { chinaDate } from '../sla/china-time.js';
import { adviseIntake } from '../dispatch/intake-advice.js';
import { assessUrgency } from '../dispatch/text/urgency.js';
import { checkAttachment, type CheckedAttachment } from './attachments.js';
import { categoryLineage, resolveCategory, type CategoryRow } from './categories.js';
import { titleFromDescription } from './case-title.js';
import { dueFrom, nextSweep, warnFrom } from './deadlines.js';
import { newCaseRow, type NewCaseRow } from './new-case-row.js';
import type { ReferenceSnapshot } from './reference-data.js';
import type { CreateCaseInput } from './schema.js';
import { pickSlaPolicy, type SlaPolicy } from './sla-policy.js';
import { suggestUnit, type UnitSuggestion } from './suggest-unit.js';

/** The channel a report comes in on when the client does not say. */
const defaultChannel: Record<Role, Channel> = {
  resident: 'web',
  grid_worker: 'patrol',
  cadre: 'cadre',
  township_staff: 'web',
  handler: 'web',
  dispatcher: 'hotline',
  supervisor: 'web',
  leader: 'web',
  admin: 'web',
};

/** A report ready to be written: the case row (its number comes at write time) and what goes with it. */
export interface PreparedCase {
  row: NewCaseRow;
  /** The China-time day the case number counts in (YYYYMMDD). */
  day: string;
  /** The reference data version the row was worked out from; the writer refuses it if that moved. */
  referenceVersion: number;
  files: CheckedAttachment[];
  /** Who the trail names: nobody for an anonymous report. */
  trailActor: Actor | null;
  meta?: RequestMeta;
  trail: { changes: Record<string, FieldChange>; reason: string | null };
  /** Whether the dispatchers hear of the new case in their messages: an urgent one always, others when the admin asks. */
  notifyDispatchers: boolean;
  /** Set when a rule (and the admin) let the case be dispatched without a person. */
  auto: { suggestion: UnitSuggestion; policy: SlaPolicy; predicted: boolean } | null;
}

/** Where a report lies: the grid of its location, else the reporter's own unit, else the whole county. */
async function placeOf(deps: Pick<Deps, 'grids'>, ref: ReferenceSnapshot, actor: Actor | null, location: CreateCaseInput['location']) {
  if (location) {
    const gridId = await deps.grids.locate(location.lng, location.lat);
    const path = gridId ? ref.unitById.get(gridId)?.path : undefined;
    if (!gridId || !path) throw new AppError('invalid_location', `位置不在本县范围内 (location ${location.lng}, ${location.lat} is outside the county)`, { field: 'location' });
    return { gridId, areaPath: path };
  }
  if (actor && actor.unitPath !== '/') return { gridId: null, areaPath: actor.unitPath };
  return { gridId: null, areaPath: ref.rootPath };
}

/** Checks a report and works out everything about it; throws the 4xx that names what is wrong. */
export async function prepareCase(
  deps: Deps & { meta?: RequestMeta },
  ref: ReferenceSnapshot,
  actor: Actor | null,
  input: CreateCaseInput,
  options: { trail?: { changes?: Record<string, FieldChange>; reason?: string } } = {},
): Promise<PreparedCase> {
  const now = deps.clock.now();
  const channel = input.channel ?? (actor ? defaultChannel[actor.role] : 'web');
  if ((channel === 'hotline' || channel === 'import') && !(actor && ['dispatcher', 'admin'].includes(actor.role))) {
    throw new AppError('forbidden', '只有派单员可以登记热线工单 (only dispatchers enter hotline cases)', { field: 'channel' });
  }
  const anonymous = !actor || input.anonymous === true;
  const given = input.category ? resolveCategory(ref, input.category) : null;
  const files = (input.attachments ?? []).map(checkAttachment);
  const place = await placeOf(deps, ref, actor, input.location);
  // Smart dispatch: the model's top three stay on the case; a report without a category takes a confident prediction.
  const id = randomUUID();
  const advice = await adviseIntake(deps, ref.classifier, { caseId: id, title: input.title, description: input.description, categoryGiven: !!given, lng: input.location?.lng, lat: input.location?.lat, gridId: place.gridId, areaPath: place.areaPath, at: now });
  // The model may know a category an admin has just switched off: then it is no prediction, not the reporter's error.
  const guess = !given && advice.categoryCode ? ref.categoryByCode.get(advice.categoryCode) : undefined;
  const predicted: CategoryRow | null = guess?.active ? guess : null;
  const category = given ?? predicted;
  const lineage = category ? categoryLineage(ref, category.id) : [];
  const text = `${input.title ?? ''} ${input.description}`;
  const urgency: Urgency = input.urgency === 'urgent' || lineage.some((c) => c.urgent) || assessUrgency(text).urgent ? 'urgent' : 'normal';
  const policy = pickSlaPolicy(ref, { lineage, urgency, channel });
  const suggestion = suggestUnit(ref, lineage, place.areaPath);
  const auto = !!suggestion?.autoDispatch && (!predicted || advice.autoDispatch) && ref.dispatchAuto;
  const firstResponseDue = dueFrom(deps.work, now, policy.firstResponse);
  const warnAt = warnFrom(deps.work, now, firstResponseDue, policy.warningShare, policy.firstResponse.mode);
  const title = input.title?.trim() || titleFromDescription(input.description);
  const row = newCaseRow({
    id,
    channel,
    reporterId: anonymous ? null : actor!.id,
    anonymous,
    reporterIndex: anonymous && actor ? deps.box.index(actor.id) : null,
    reporterCipher: anonymous && actor ? deps.box.seal(actor.id) : null,
    contactCipher: input.contact ? deps.box.seal(JSON.stringify(input.contact)) : null,
    title,
    description: input.description,
    categoryId: category?.id ?? null,
    urgency,
    lng: input.location?.lng ?? null,
    lat: input.location?.lat ?? null,
    address: input.location?.address ?? input.address ?? null,
    gridId: place.gridId,
    areaPath: place.areaPath,
    suggestedUnitId: suggestion?.unitId ?? null,
    slaPolicyId: policy.id,
    receivedAt: now,
    firstResponseDue,
    warnAt,
    nextSweepAt: nextSweep({ card: 'none', warnAt, due: firstResponseDue, orderDue: null }),
    externalRef: input.externalRef ?? null,
    prediction: advice.prediction,
  });
  const changes: Record<string, FieldChange> = {
    status: { before: null, after: 'received' }, channel: { before: null, after: channel }, urgency: { before: null, after: urgency },
    ...(predicted ? { categoryId: { before: null, after: predicted.id }, predictedBy: { before: null, after: { modelVersion: advice.prediction?.modelVersion, confidence: advice.prediction?.top[0]?.confidence } } } : {}),
    ...options.trail?.changes,
  };
  return {
    row,
    day: chinaDate(now).replaceAll('-', ''),
    referenceVersion: ref.version,
    files,
    trailActor: anonymous ? null : actor,
    meta: deps.meta,
    trail: { changes, reason: options.trail?.reason ?? null },
    notifyDispatchers: urgency === 'urgent' || ref.notifyEveryNewCase,
    auto: auto && suggestion ? { suggestion, policy, predicted: !!predicted } : null,
  };
}
