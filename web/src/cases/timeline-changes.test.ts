import { describe, expect, it } from 'vitest';
import { changeLines, valueText } from './timeline-changes.js';
import type { ChangeContext } from './timeline-changes.js';

const labels: Record<string, string> = {
  'status.received': '已受理',
  'status.dispatched': '已派单',
  'field.status': '状态',
  'field.leadUnitId': '主办单位',
  'field.assistUnitIds': '协办单位',
  'field.override': '改派',
  'field.categoryId': '问题分类',
  'field.rectification': '整改',
  'rating.satisfied': '满意',
  'field.rating': '评价',
};
const ctx: ChangeContext = {
  label: (kind, value) => labels[`${kind}.${value}`] ?? value,
  unit: (id) => ({ u1: '城管局', u2: '住建局', u3: '应急管理局' })[id],
  category: (id) => ({ c1: '路灯不亮（A0301）' })[id],
  dateTime: (iso) => iso.slice(0, 10),
  yesNo: (v) => (v ? '是' : '否'),
};

describe('changeLines', () => {
  it('reads a dispatch with an override as names, not ids', () => {
    const lines = changeLines(
      {
        status: { before: 'received', after: 'dispatched' },
        leadUnitId: { before: null, after: 'u2' },
        assistUnitIds: { before: null, after: ['u3', 'u1'] },
        override: { before: 'u1', after: 'u2' },
        categoryId: { before: null, after: 'c1' },
      },
      ctx,
    );
    expect(lines).toEqual([
      { field: '状态', before: '已受理', after: '已派单' },
      { field: '主办单位', before: null, after: '住建局' },
      { field: '协办单位', before: null, after: '应急管理局、城管局' },
      { field: '改派', before: '城管局', after: '住建局' },
      { field: '问题分类', before: null, after: '路灯不亮（A0301）' },
    ]);
  });

  it('leaves out the number, empty lists and unchanged nothing', () => {
    const lines = changeLines(
      { number: { before: null, after: 'QH-1' }, assistUnitIds: { before: null, after: [] }, rating: { before: null, after: 'satisfied' } },
      ctx,
    );
    expect(lines).toEqual([{ field: '评价', before: null, after: '满意' }]);
    expect(changeLines(null, ctx)).toEqual([]);
  });

  it('reads flags, task steps and deadlines as words and dates', () => {
    const lines = changeLines(
      { buckPassing: { before: false, after: true }, task: { before: 'dispatched', after: 'accepted' }, resolveDue: { before: '2025-03-04T10:00:00Z', after: '2025-03-07T10:00:00Z' } },
      { ...ctx, label: (kind, value) => (({ 'task.dispatched': '待签收', 'task.accepted': '已签收' }) as Record<string, string>)[`${kind}.${value}`] ?? value },
    );
    expect(lines).toEqual([
      { field: 'buckPassing', before: '否', after: '是' },
      { field: 'task', before: '待签收', after: '已签收' },
      { field: 'resolveDue', before: '2025-03-04', after: '2025-03-07' },
    ]);
  });

  it('shows an unknown unit by its id and a rectification order by unit and date', () => {
    expect(valueText('leadUnitId', 'u9', ctx)).toBe('u9');
    expect(valueText('rectification', { unitId: 'u1', resolveDue: '2025-03-05T10:00:00Z' }, ctx)).toBe('城管局 · 2025-03-05');
    expect(valueText('predictedBy', { modelVersion: 2, confidence: 0.873 }, ctx)).toBe('87% · v2');
  });
});
