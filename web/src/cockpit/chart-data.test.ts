import { describe, expect, it } from 'vitest';
import type { BreakdownGroup, Kpis, ReportItem, TrendReply } from './cockpit-types.js';
import { intervalLabel, OTHERS, reportRows, slices, trendLines } from './chart-data.js';

const k = (received: number, resolved = 0) => ({ received, resolved }) as unknown as Kpis;

describe('trend lines', () => {
  const reply: TrendReply = {
    period: { from: '2026-11-01', to: '2026-11-03' },
    interval: 'day',
    by: 'category',
    intervals: [{ from: '2026-11-01', to: '2026-11-01' }, { from: '2026-11-02', to: '2026-11-02' }, { from: '2026-11-03', to: '2026-11-03' }],
    series: [
      { key: 'a', name: '市容环境', points: [k(1), k(2), k(3)] },
      { key: 'b', name: '住房物业', points: [k(5), k(5), k(5)] },
      { key: 'c', name: '交通出行', points: [k(0, 1), k(1), k(0)] },
      { key: 'd', name: '教育', points: [k(0), k(0), k(0)] },
      { key: 'e', name: '医疗', points: [k(2), k(0), k(0)] },
    ],
  };

  it('keeps the largest series and folds the rest into one, point by point', () => {
    const lines = trendLines(reply, 'received', 2, '其他');
    expect(lines.map((l) => l.key)).toEqual(['b', 'a', OTHERS]);
    expect(lines[2]).toEqual({ key: OTHERS, name: '其他', values: [2, 1, 0] });
  });

  it('draws another KPI from the same answer, and leaves out empty series', () => {
    expect(trendLines(reply, 'resolved', 5, '其他')).toEqual([{ key: 'c', name: '交通出行', values: [1, 0, 0] }]);
  });

  it('labels days and weeks by their first day, months by the month', () => {
    expect(intervalLabel({ from: '2026-11-02', to: '2026-11-08' }, 'week')).toBe('11-02');
    expect(intervalLabel({ from: '2026-11-01', to: '2026-11-30' }, 'month')).toBe('2026-11');
  });
});

describe('slices', () => {
  const groups: BreakdownGroup[] = [3, 9, 0, 5, 1].map((n, i) => ({ key: `g${i}`, name: `G${i}`, rank: null, kpis: k(n) }));

  it('sorts the shares and folds the smallest into one slice', () => {
    expect(slices(groups, 'received', 2, '其他')).toEqual([
      { key: 'g1', name: 'G1', value: 9 },
      { key: 'g3', name: 'G3', value: 5 },
      { key: OTHERS, name: '其他', value: 4 },
    ]);
  });

  it('does not fold a single remaining slice', () => {
    expect(slices(groups, 'received', 3, '其他').map((s) => s.key)).toEqual(['g1', 'g3', 'g0', 'g4']);
  });
});

describe('report rows', () => {
  const item = (period: string, unitId: string | null, unitName: string, format: 'xlsx' | 'html'): ReportItem => ({
    id: `${period}-${unitId}-${format}`, kind: 'monthly', period, unitId, unitName, format, filename: `${unitName}.${format}`, size: 1, createdAt: '',
  });

  it('pairs each unit’s spreadsheet with its printable page, newest month and the county first', () => {
    const rows = reportRows([
      item('2026-09', 't1', '柳河镇', 'html'),
      item('2026-10', 't1', '柳河镇', 'xlsx'),
      item('2026-10', null, '青禾县', 'html'),
      item('2026-10', null, '青禾县', 'xlsx'),
      item('2026-10', 't1', '柳河镇', 'html'),
    ]);
    expect(rows.map((r) => [r.period, r.unitName, r.xlsx?.format ?? null, r.html?.format ?? null])).toEqual([
      ['2026-10', '青禾县', 'xlsx', 'html'],
      ['2026-10', '柳河镇', 'xlsx', 'html'],
      ['2026-09', '柳河镇', null, 'html'],
    ]);
  });
});
