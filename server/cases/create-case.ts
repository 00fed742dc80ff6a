import { eq } from 'drizzle-orm';
import type { Channel, Urgency } from '../../common/cases.js';
import type { Role } from '../../common/roles.js';
import { caseAttachments, cases } from '../db/schema/cases.js';
import { settings, units } from '../db/schema/org.js';
import { systemActor, type Actor } from '../platform/actor.js';
import type { FieldChange } from '../db/schema/audit.js';
import { audit, type RequestMeta } from '../platform/audit.js';
import type { Deps } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { authorize } from '../platform/policies.js';
import { assignUnits } from './assign.js';
import { checkAttachment } from './attachments.js';
import type { CaseRow } from './case-action.js';
import { categoryLineage, resolveCategory } from './categories.js';
import { dueFrom, nextSweep, warnFrom } from './deadlines.js';
import { publishCaseChange } from './live.js';
import { nextCaseNumber } from './numbering.js';
import { enqueueNotices, type Notice } from './notify.js';
import type { CreateCaseInput } from './schema.js';
import { pickSlaPolicy } from './sla-policy.js';
import { areaIds, suggestUnit } from './suggest-unit.js';
import { assessUrgency } from '../dispatch/text/urgency.js';
import { adviseIntake } from '../dispatch/intake-advice.js';
import { recordCaseFacts } from '../cockpit/record-facts.js';

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

/** Whether an administrator lets rules dispatch cases without a person (settings key 'dispatch.auto'). */
async function autoDispatchEnabled(deps: Pick<Deps, 'db'>): Promise<boolean> {
  const [row] = await deps.db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'dispatch.auto'));
  return (row?.value as { enabled?: boolean } | undefined)?.enabled === true;
}

/** Where a report lies: the grid of its location, else the reporter's own unit, else the whole county. */
async function placeOf(deps: Pick<Deps, 'db' | 'grids'>, actor: Actor | null, location: CreateCaseInput['location']) {
  if (location) {
    const gridId = await deps.grids.locate(location.lng, location.lat);
    if (!gridId) throw new AppError('invalid_location', `位置不在本县范围内 (location ${location.lng}, ${location.lat} is outside the county)`, { field: 'location' });
    const [grid] = await deps.db.select({ path: units.path }).from(units).where(eq(units.id, gridId));
    return { gridId, areaPath: grid!.path };
  }
  if (actor && actor.unitPath !== '/') return { gridId: null, areaPath: actor.unitPath };
  const [root] = await deps.db.select({ path: units.path }).from(units).where(eq(units.depth, 0)).limit(1);
  return { gridId: null, areaPath: root?.path ?? '/' };
}

/**
 * Takes a report in (受理): checks it, finds its grid, category, urgency, deadline policy and suggested unit, and
 * records it with its attachments in one transaction — dispatching it at once when a rule and the admin allow that.
 */
export async function createCase(
  deps: Deps & { meta?: RequestMeta },
  actor: Actor | null,
  input: CreateCaseInput,
  options: { trail?: { changes?: Record<string, FieldChange>; reason?: string } } = {},
): Promise<CaseRow> {
  if (actor) authorize(actor, 'case.create');
  const now = deps.clock.now();
  const channel = input.channel ?? (actor ? defaultChannel[actor.role] : 'web');
  if ((channel === 'hotline' || channel === 'import') && !(actor && ['dispatcher', 'admin'].includes(actor.role))) {
    throw new AppError('forbidden', '只有派单员可以登记热线工单 (only dispatchers enter hotline cases)', { field: 'channel' });
  }
  const anonymous = !actor || input.anonymous === true;
  const given = input.category ? await resolveCategory(deps.db, input.category) : null;
  const place = await placeOf(deps, actor, input.location);
  // Smart dispatch: the model's top three stay on the case; a report without a category takes a confident prediction.
  const advice = await adviseIntake(deps, { title: input.title, description: input.description, categoryGiven: !!given, lng: input.location?.lng, lat: input.location?.lat, gridId: place.gridId, areaPath: place.areaPath, at: now });
  const predicted = !given && advice.categoryCode ? await resolveCategory(deps.db, advice.categoryCode) : null;
  const category = given ?? predicted;
  const lineage = category ? await categoryLineage(deps.db, category.id) : [];
  const files = (input.attachments ?? []).map(checkAttachment);
  const text = `${input.title ?? ''} ${input.description}`;
  const urgency: Urgency = input.urgency === 'urgent' || lineage.some((c) => c.urgent) || assessUrgency(text).urgent ? 'urgent' : 'normal';
  const policy = await pickSlaPolicy(deps.db, { lineage, urgency, channel });
  const suggestion = await suggestUnit(deps.db, lineage, place.areaPath);
  const auto = !!suggestion?.autoDispatch && (!predicted || advice.autoDispatch) && (await autoDispatchEnabled(deps));
  const number = await nextCaseNumber(deps.db, deps.config.JICENG_CASE_PREFIX, now);
  const firstResponseDue = dueFrom(deps.work, now, policy.firstResponse);
  const warnAt = warnFrom(deps.work, now, firstResponseDue, policy.warningShare, policy.firstResponse.mode);
  // Cut by characters, not UTF-16 units: half an emoji is not valid text (and could never be encoded into the trail).
  const title = input.title?.trim() || Array.from(input.description.replace(/\s+/g, ' ')).slice(0, 30).join('');

  const created = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cases)
      .values({
        number,
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
        status: 'received',
        suggestedUnitId: suggestion?.unitId ?? null,
        slaPolicyId: policy.id,
        receivedAt: now,
        firstResponseDue,
        warnAt,
        nextSweepAt: nextSweep({ card: 'none', warnAt, due: firstResponseDue, orderDue: null }),
        externalRef: input.externalRef ?? null,
        prediction: advice.prediction,
        updatedAt: now,
      })
      .returning();
    const c = row!;
    if (files.length) {
      await tx.insert(caseAttachments).values(files.map((f) => ({ caseId: c.id, kind: f.kind, filename: f.name, mime: f.mime, size: f.size, sha256: f.sha256, content: f.content, uploadedBy: anonymous ? null : actor!.id, createdAt: now })));
    }
    // An anonymous reporter is not named in the trail either.
    await audit(
      { db: tx, clock: deps.clock, actor: anonymous ? null : actor, meta: deps.meta },
      {
        action: 'received',
        subjectType: 'case',
        subjectId: c.id,
        unitId: null,
        changes: { status: { before: null, after: 'received' }, number: { before: null, after: number }, channel: { before: null, after: channel }, urgency: { before: null, after: urgency }, ...(predicted ? { categoryId: { before: null, after: predicted.id }, predictedBy: { before: null, after: { modelVersion: advice.prediction?.modelVersion, confidence: advice.prediction?.top[0]?.confidence } } } : {}), ...options.trail?.changes },
        reason: options.trail?.reason ?? null,
        attachments: files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })),
      },
    );
    const countyId = areaIds(place.areaPath)[0];
    const notices: Notice[] = countyId
      ? [{ to: { unitId: countyId, roles: ['dispatcher'] }, topic: urgency === 'urgent' ? 'case.urgent' : 'case.received', title: `${urgency === 'urgent' ? '【紧急】' : ''}新工单 ${number}`, body: title, caseId: c.id, key: `received:${c.id}` }]
      : [];
    if (!auto || !suggestion) {
      await enqueueNotices(tx, now, notices);
      await recordCaseFacts(tx, [c]);
      return c;
    }
    const assigned = await assignUnits(tx, deps.work, c, policy, { leadUnitId: suggestion.unitId, assistUnitIds: suggestion.assistUnitIds }, now);
    const [dispatched] = await tx.update(cases).set({ ...assigned.patch, updatedAt: now }).where(eq(cases.id, c.id)).returning();
    await audit(
      { db: tx, clock: deps.clock, actor: systemActor, meta: deps.meta },
      { action: 'dispatched', subjectType: 'case', subjectId: c.id, unitId: suggestion.unitId, changes: { status: { before: 'received', after: 'dispatched' }, leadUnitId: { before: null, after: suggestion.unitId }, assistUnitIds: { before: null, after: suggestion.assistUnitIds } }, reason: predicted ? '按智能分类与派单规则自动派单 (dispatched by predicted category and rule)' : '按派单规则自动派单 (dispatched by rule)' },
    );
    await enqueueNotices(tx, now, [...notices, ...assigned.notices]);
    await recordCaseFacts(tx, [dispatched!]);
    return dispatched!;
  });
  publishCaseChange(deps, created);
  return created;
}
