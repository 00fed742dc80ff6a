/** How a trail entry's changed fields read to a person: names instead of ids, labels instead of codes. Pure. */
import type { LabelKind } from './case-labels.js';

/** What the formatter needs to turn values into words. */
export interface ChangeContext {
  label: (kind: LabelKind, value: string) => string;
  unit: (id: string) => string | undefined;
  category: (id: string) => string | undefined;
  dateTime: (iso: string) => string;
  yesNo: (value: boolean) => string;
}

/** One changed field as words: its name, and the value before (null when it had none) and after. */
export interface ChangeLine {
  field: string;
  before: string | null;
  after: string;
}

const labelledFields: Record<string, LabelKind> = { status: 'status', channel: 'channel', urgency: 'urgency', rating: 'rating', card: 'card', task: 'task' };
const dateFields = new Set(['resolveDue', 'acceptDue', 'dueAt', 'hotlineReceivedAt']);
const unitFields = new Set(['leadUnitId', 'override', 'unitId', 'issuedToUnitId', 'escalationUnitId']);
// The number and the channel are shown with the case itself; repeating them on the first entry is noise.
const hidden = new Set(['number']);

/** A value as words, or null when there is nothing to say. */
export function valueText(field: string, value: unknown, ctx: ChangeContext): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const parts = value.map((v) => valueText(field, v, ctx)).filter((v): v is string => v !== null);
    return parts.length ? parts.join('、') : null;
  }
  if (typeof value === 'object') {
    // The classifier that filed the category: its confidence and model version.
    const { confidence, modelVersion } = value as { confidence?: unknown; modelVersion?: unknown };
    if (typeof confidence === 'number') return `${Math.round(confidence * 100)}%${typeof modelVersion === 'number' ? ` · v${modelVersion}` : ''}`;
    // A rectification order: the unit and its deadline.
    const { unitId, resolveDue } = value as { unitId?: string; resolveDue?: string };
    return [unitId ? (ctx.unit(unitId) ?? unitId) : null, resolveDue ? ctx.dateTime(resolveDue) : null].filter(Boolean).join(' · ') || JSON.stringify(value);
  }
  if (typeof value === 'boolean') return ctx.yesNo(value);
  const text = String(value);
  if (dateFields.has(field)) return ctx.dateTime(text);
  const kind = labelledFields[field];
  if (kind) return ctx.label(kind, text);
  if (unitFields.has(field) || field === 'assistUnitIds') return ctx.unit(text) ?? text;
  if (field === 'categoryId') return ctx.category(text) ?? text;
  return text;
}

/** The lines of a trail entry's changes, in the order the server wrote them. */
export function changeLines(changes: Record<string, { before: unknown; after: unknown }> | null, ctx: ChangeContext): ChangeLine[] {
  if (!changes) return [];
  const lines: ChangeLine[] = [];
  for (const [field, change] of Object.entries(changes)) {
    if (hidden.has(field)) continue;
    const after = valueText(field, change?.after, ctx);
    const before = valueText(field, change?.before, ctx);
    if (after === null && before === null) continue;
    lines.push({ field: ctx.label('field', field), before, after: after ?? '—' });
  }
  return lines;
}
