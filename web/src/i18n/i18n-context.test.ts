import { describe, expect, it } from 'vitest';
import { makeI18n, translate } from './i18n-context.js';
import { en, zhCN } from './messages.js';

describe('i18n', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('zh-CN', 'home.greeting', { name: '魏保国' })).toBe('您好，魏保国');
    expect(translate('en', 'users.total', { total: 250 })).toBe('250 users');
    expect(translate('en', 'home.greeting')).toBe('Hello, {name}');
  });

  it('translates every key, with the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(en[key], key).toBeTruthy();
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('names roles and unit kinds in the chosen language', () => {
    const zh = makeI18n('zh-CN', () => {});
    const english = makeI18n('en', () => {});
    expect(zh.roleName('grid_worker')).toBe('网格员');
    expect(english.roleName('grid_worker')).toBe('Grid worker');
    expect(english.unitKindName('township')).toBe('Township');
    expect(zh.roleName('unknown_role')).toBe('unknown_role');
  });
});
