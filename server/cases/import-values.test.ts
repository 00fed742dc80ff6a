import { describe, expect, it } from 'vitest';
import { CategoryIndex } from './import-category.js';
import { fieldOfHeader } from './import-columns.js';
import { cellCallTime, cellNumber, cellText, cellUrgency } from './import-values.js';

const now = new Date('2026-11-16T01:00:00.000Z'); // Monday 09:00 in Beijing

describe('headers', () => {
  it('match Chinese, English and decorated variants of a column', () => {
    expect(fieldOfHeader('工单编号')).toBe('externalRef');
    expect(fieldOfHeader(' 工单编号* ')).toBe('externalRef');
    expect(fieldOfHeader('工单编号（必填）')).toBe('externalRef');
    expect(fieldOfHeader('Work Order No')).toBe('externalRef');
    expect(fieldOfHeader('externalRef')).toBe('externalRef');
    expect(fieldOfHeader('内容')).toBe('description');
    expect(fieldOfHeader('经度')).toBe('lng');
    expect(fieldOfHeader('received_at')).toBe('receivedAt');
    expect(fieldOfHeader('备注')).toBeNull();
  });
});

describe('cell values', () => {
  it('text is trimmed and loses control characters; numbers become their digits', () => {
    expect(cellText('  路灯\u0000坏了 ')).toBe('路灯坏了');
    expect(cellText(13812345678)).toBe('13812345678');
    expect(cellText(null)).toBe('');
  });

  it('coordinates come from numbers or text, and anything else is NaN', () => {
    expect(cellNumber(115.7)).toBe(115.7);
    expect(cellNumber(' 37.05 ')).toBe(37.05);
    expect(cellNumber('１１５.７')).toBe(115.7);
    expect(cellNumber('')).toBeNull();
    expect(cellNumber('东经115度')).toBeNaN();
  });

  it('urgency reads 紧急 / 一般 and refuses other words', () => {
    expect(cellUrgency('紧急')).toBe('urgent');
    expect(cellUrgency('一般')).toBe('normal');
    expect(cellUrgency('Urgent')).toBe('urgent');
    expect(cellUrgency('')).toBeUndefined();
    expect(cellUrgency('很急')).toBeNull();
  });

  it('call times without a zone are Beijing time, whatever way they are written', () => {
    const expected = '2026-11-15T01:30:00.000Z'; // 09:30 in Beijing
    expect((cellCallTime('2026-11-15 09:30', now) as Date).toISOString()).toBe(expected);
    expect((cellCallTime('2026/11/15 9:30:00', now) as Date).toISOString()).toBe(expected);
    expect((cellCallTime('2026年11月15日 09:30', now) as Date).toISOString()).toBe(expected);
    expect((cellCallTime('2026-11-15T09:30:00+08:00', now) as Date).toISOString()).toBe(expected);
    // exceljs hands an Excel date cell over as its wall clock in UTC.
    expect((cellCallTime(new Date('2026-11-15T09:30:00Z'), now) as Date).toISOString()).toBe(expected);
    // Excel serial 46341.395833… is 2026-11-15 09:30.
    expect((cellCallTime(46341 + 9.5 / 24, now) as Date).toISOString()).toBe(expected);
    expect((cellCallTime('2026-11-15', now) as Date).toISOString()).toBe('2026-11-14T16:00:00.000Z');
    expect(cellCallTime('', now)).toBeUndefined();
  });

  it('call times that are not real dates or lie in the future are errors', () => {
    expect(cellCallTime('2026-02-30 09:00', now)).toHaveProperty('error');
    expect(cellCallTime('昨天上午', now)).toHaveProperty('error');
    expect(cellCallTime('2026-11-16 10:00', now)).toHaveProperty('error');
    expect(cellCallTime('2026-11-16 09:05', now)).toBeInstanceOf(Date);
  });
});

describe('CategoryIndex', () => {
  const index = new CategoryIndex([
    { code: 'A', name: '城乡建设', level: 1 },
    { code: 'A03', name: '市政设施', level: 2 },
    { code: 'A0301', name: '路灯不亮', level: 3 },
    { code: 'B02', name: '其他', level: 2 },
    { code: 'B0201', name: '其他', level: 3 },
    { code: 'C0101', name: '其他', level: 3 },
  ]);

  it('resolves codes, code-and-name, names and paths of names', () => {
    expect(index.resolve('A0301')).toEqual({ code: 'A0301' });
    expect(index.resolve('a0301')).toEqual({ code: 'A0301' });
    expect(index.resolve('A0301 路灯不亮')).toEqual({ code: 'A0301' });
    expect(index.resolve('路灯不亮')).toEqual({ code: 'A0301' });
    expect(index.resolve('城乡建设/市政设施/路灯不亮')).toEqual({ code: 'A0301' });
    expect(index.resolve('城乡建设 > 市政设施')).toEqual({ code: 'A03' });
  });

  it('names an unknown or ambiguous category instead of guessing', () => {
    expect(index.resolve('Z9999')).toHaveProperty('error', expect.stringContaining('Z9999'));
    expect(index.resolve('下水道堵了')).toHaveProperty('error', expect.stringContaining('下水道堵了'));
    expect(index.resolve('其他')).toHaveProperty('error', expect.stringContaining('B0201、C0101'));
  });
});
