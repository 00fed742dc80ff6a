import { describe, expect, it } from 'vitest';
import { CategoryIndex } from './import-category.js';
import { checkRow } from './import-row.js';

const categories = new CategoryIndex([{ code: 'A0301', name: '路灯不亮', level: 3 }]);
const now = new Date('2026-11-16T01:00:00.000Z');
const columns = { externalRef: '工单编号', description: '内容', lng: 'lng', lat: 'lat', phone: '电话', urgency: '紧急程度' };

describe('checkRow', () => {
  it('turns a good row into intake input on channel import, with contact and call time', () => {
    const checked = checkRow(
      { row: 2, values: { externalRef: ' 12345-1 ', description: '路灯坏了一个星期', category: '路灯不亮', lng: '115.7', lat: 37.05, address: '幸福路', name: '张三', phone: 13812345678, urgency: '紧急', receivedAt: '2026-11-15 09:30' } },
      categories,
      now,
      columns,
    );
    expect(checked).toEqual({
      ok: true,
      input: { channel: 'import', externalRef: '12345-1', description: '路灯坏了一个星期', category: 'A0301', location: { lng: 115.7, lat: 37.05, address: '幸福路' }, urgency: 'urgent', contact: { name: '张三', phone: '13812345678' } },
      callTime: new Date('2026-11-15T01:30:00.000Z'),
    });
  });

  it('reports every problem of a row, each with its field and the column the file calls it', () => {
    const checked = checkRow({ row: 7, values: { externalRef: '', description: '坏了', lng: '115.7', lat: null, phone: '打不通', urgency: '很急', category: '下水道' } }, categories, now, columns);
    expect(checked.ok).toBe(false);
    const errors = checked.ok ? [] : checked.errors;
    expect(errors.map((e) => [e.field, e.column])).toEqual([
      ['externalRef', '工单编号'],
      ['location', 'lng/lat'],
      ['urgency', '紧急程度'],
      ['category', '问题分类'],
      ['description', '内容'],
      ['contact.phone', '电话'],
    ]);
    expect(errors.find((e) => e.field === 'description')!.message).toContain('至少 5 个字');
  });

  it('keeps an address without coordinates as the case address', () => {
    const checked = checkRow({ row: 2, values: { externalRef: 'A', description: '村里垃圾没人清运', address: '东关村' } }, categories, now, columns);
    expect(checked).toMatchObject({ ok: true, input: { address: '东关村' } });
    expect(checked.ok && checked.input.location).toBeUndefined();
  });
});
