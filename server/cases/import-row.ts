import type { CategoryIndex } from './import-category.js';
import { labelOf, type ImportField } from './import-columns.js';
import type { ImportRow } from './import-parse.js';
import { cellCallTime, cellNumber, cellText, cellUrgency } from './import-values.js';
import { createCaseBody, type CreateCaseInput } from './schema.js';

/** What is wrong with one row: the field as the intake API names it, the column as the file names it, and why. */
export interface FieldError {
  field: string;
  column?: string;
  message: string;
}

/** A row checked and ready for intake, with the hotline's own call time for the trail. */
export type CheckedRow = { ok: true; input: CreateCaseInput; callTime: Date | null } | { ok: false; errors: FieldError[] };

/** The file columns an intake field comes from (location errors point at both coordinates). */
const sources: Record<string, ImportField[]> = {
  externalRef: ['externalRef'],
  title: ['title'],
  description: ['description'],
  category: ['category'],
  address: ['address'],
  'location.address': ['address'],
  location: ['lng', 'lat'],
  'location.lng': ['lng'],
  'location.lat': ['lat'],
  contact: ['name', 'phone'],
  'contact.name': ['name'],
  'contact.phone': ['phone'],
  urgency: ['urgency'],
  receivedAt: ['receivedAt'],
};

/** An error on a field, with the header the file uses for it. */
export function fieldError(field: string, message: string, columns: Partial<Record<ImportField, string>>): FieldError {
  const from = sources[field];
  return from ? { field, column: from.map((f) => columns[f] ?? labelOf(f)).join('/'), message } : { field, message };
}

/**
 * Checks one row and turns it into intake input — the same createCaseBody that single intake uses, on channel
 * 'import' — collecting every problem of the row rather than stopping at the first.
 */
export function checkRow(row: ImportRow, categories: CategoryIndex, now: Date, columns: Partial<Record<ImportField, string>>): CheckedRow {
  const v = row.values;
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push(fieldError(field, message, columns));

  const externalRef = cellText(v.externalRef);
  if (!externalRef) fail('externalRef', '缺少工单编号 (work order number is required)');
  const lng = cellNumber(v.lng);
  const lat = cellNumber(v.lat);
  if (Number.isNaN(lng)) fail('location.lng', '经度不是数字 (longitude is not a number)');
  if (Number.isNaN(lat)) fail('location.lat', '纬度不是数字 (latitude is not a number)');
  if ((lng === null) !== (lat === null)) fail('location', '经度和纬度须同时填写 (give both longitude and latitude)');
  const urgency = cellUrgency(v.urgency);
  if (urgency === null) fail('urgency', `紧急程度只能填“紧急”或“一般”，而不是“${cellText(v.urgency)}” (urgency must be 紧急 or 一般)`);
  const categoryText = cellText(v.category);
  const category = categoryText ? categories.resolve(categoryText) : null;
  if (category && 'error' in category) fail('category', category.error);
  const callTime = cellCallTime(v.receivedAt, now);
  if (callTime && 'error' in callTime) fail('receivedAt', callTime.error);

  const address = cellText(v.address) || undefined;
  const name = cellText(v.name) || undefined;
  const phone = cellText(v.phone).replace(/^'/, '') || undefined;
  const located = lng !== null && lat !== null && !Number.isNaN(lng) && !Number.isNaN(lat);
  const parsed = createCaseBody.safeParse({
    channel: 'import',
    externalRef: externalRef || undefined,
    title: cellText(v.title) || undefined,
    description: cellText(v.description),
    category: category && 'code' in category ? category.code : undefined,
    location: located ? { lng, lat, address } : undefined,
    address: located ? undefined : address,
    urgency: urgency ?? undefined,
    contact: name || phone ? { name, phone } : undefined,
  });
  if (!parsed.success) for (const issue of parsed.error.issues) fail(issue.path.join('.') || 'row', issue.message);
  if (errors.length || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data, callTime: callTime instanceof Date ? callTime : null };
}
