import { describe, expect, it } from 'vitest';
import { NONE_KEY } from './cockpit-types.js';
import { drillQuery, drillable } from './drill.js';

describe('drill-down', () => {
  const filters = { from: '2026-10-25', to: '2026-11-23', townshipId: 't', categoryId: 'c1' };

  it('narrows the page’s filters by the figure clicked, keeping the rest', () => {
    expect(drillQuery(filters, { title: '', kpi: 'overdue', narrow: { gridId: 'g' } }, 2, 20)).toEqual({
      from: '2026-10-25', to: '2026-11-23', townshipId: 't', categoryId: 'c1', gridId: 'g', kpi: 'overdue', page: 2, pageSize: 20,
    });
  });

  it('lets a trend point replace the period and a slice the category', () => {
    const q = drillQuery(filters, { title: '', kpi: 'received', narrow: { from: '2026-11-02', to: '2026-11-08', categoryId: 'c2' } }, 1, 10);
    expect([q.from, q.to, q.categoryId]).toEqual(['2026-11-02', '2026-11-08', 'c2']);
  });

  it('refuses the none key the server uses for 未分类 and 未派单', () => {
    expect(drillable(NONE_KEY)).toBe(false);
    expect(drillable('')).toBe(false);
    expect(drillable('9338edf3-624d-46c7-8019-80a6883fd542')).toBe(true);
  });
});
