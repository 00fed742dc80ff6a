/** Names of statuses, channels, ratings, trail events and actions in the UI language, from the i18n dictionary. */
import { zhCN } from '../i18n/messages.js';
import type { MessageKey } from '../i18n/messages.js';
import type { I18n } from '../i18n/i18n-context.js';
import type { SpanParts } from './deadline.js';

type T = I18n['t'];

/** The kinds of name the dictionary holds for case values, each under its own key prefix. */
export type LabelKind = 'status' | 'channel' | 'rating' | 'event' | 'do' | 'role' | 'task' | 'field' | 'urgency' | 'card' | 'order' | 'pause';

function isKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/** The name of a value (e.g. status `received` → 已受理); a value the dictionary does not know is shown as it is. */
export function caseLabel(t: T, kind: LabelKind, value: string): string {
  const key = `case.${kind}.${value}`;
  return isKey(key) ? t(key) : value;
}

/** A countdown span in words: 45分钟, 5小时, 3天2小时. */
export function spanText(t: T, span: SpanParts): string {
  if (span.unit === 'minutes') return t('case.span.minutes', { m: span.m });
  if (span.unit === 'hours') return t('case.span.hours', { h: span.h });
  return t('case.span.days', { d: span.d, h: span.h });
}

/** Tag colours of the statuses: waiting work blue, work under way cyan, pushed back orange, finished green. */
export const statusColor: Record<string, string> = {
  received: 'blue',
  dispatched: 'geekblue',
  accepted: 'cyan',
  in_progress: 'processing',
  resolved: 'green',
  verified: 'green',
  closed: 'success',
  returned: 'orange',
  suspended: 'default',
  merged: 'default',
};
