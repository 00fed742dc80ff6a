import { describe, expect, it } from 'vitest';
import { formatChange, formatKpi, formatMinutes, kpiKind } from './kpi-format.js';

describe('KPI formatting', () => {
  it('tells counts, rates and minutes apart by name', () => {
    expect(kpiKind('received')).toBe('count');
    expect(kpiKind('resolvedOnTimeRate')).toBe('rate');
    expect(kpiKind('resolveMinutesMedian')).toBe('minutes');
    expect(kpiKind('acceptMinutesMean')).toBe('minutes');
  });

  it('writes values as people read them, with — for an undefined one', () => {
    expect(formatKpi('received', 1234, 'zh-CN')).toBe('1,234');
    expect(formatKpi('resolutionRate', 0.79646, 'zh-CN')).toBe('79.6%');
    expect(formatKpi('satisfactionRate', null, 'zh-CN')).toBe('—');
    expect(formatKpi('resolveMinutesMedian', 1807.5, 'zh-CN')).toBe('4.0 个工作日');
    expect(formatKpi('acceptMinutesMedian', 74, 'en')).toBe('1.2 h');
    expect(formatMinutes(45.4, 'zh-CN')).toBe('45 分钟');
  });

  it('gives rates’ changes in percentage points and counts’ as a relative change', () => {
    expect(formatChange('resolutionRate', { delta: -0.1888, relative: -0.19 }, 'zh-CN')).toEqual({ text: '−18.9 个百分点', direction: 'down', tone: 'bad' });
    expect(formatChange('received', { delta: 25, relative: 25 / 205 }, 'zh-CN')).toEqual({ text: '+12.2%', direction: 'up', tone: 'neutral' });
    expect(formatChange('overdue', { delta: 1, relative: 1 / 124 }, 'en')).toEqual({ text: '+0.8%', direction: 'up', tone: 'bad' });
  });

  it('judges minutes as better when fewer, and falls back to the difference when the previous value was 0', () => {
    expect(formatChange('resolveMinutesMedian', { delta: -96, relative: -0.05 }, 'zh-CN').tone).toBe('good');
    expect(formatChange('buckPassing', { delta: 4, relative: null }, 'zh-CN')).toEqual({ text: '+4', direction: 'up', tone: 'bad' });
    expect(formatChange('received', { delta: 0, relative: 0 }, 'zh-CN')).toEqual({ text: '持平', direction: 'flat', tone: 'neutral' });
    expect(formatChange('satisfactionRate', { delta: null, relative: null }, 'zh-CN').direction).toBe('none');
  });
});
