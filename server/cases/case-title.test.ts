import { describe, expect, it } from 'vitest';
import { titleFromDescription } from './case-title.js';

describe('a title from the description', () => {
  it('keeps a short description whole, without its closing punctuation', () => {
    expect(titleFromDescription('路灯坏了。')).toBe('路灯坏了');
    expect(titleFromDescription('  小区门口的路灯\n坏了  ')).toBe('小区门口的路灯 坏了');
  });

  it('ends at the first sentence when it fits', () => {
    expect(titleFromDescription('柳河大集后面消防通道被摊位占满。已经好几天了，消防车根本进不去，请尽快处理')).toBe('柳河大集后面消防通道被摊位占满');
  });

  it('otherwise ends at the last whole clause within 30 characters', () => {
    const text = '南关社区小广场上的健身器材好几个都坏了，转轮掉了、扶手松动，老人孩子用着很危险，希望尽快维修';
    expect(titleFromDescription(text)).toBe('南关社区小广场上的健身器材好几个都坏了，转轮掉了、扶手松动');
  });

  it('cuts at 30 characters when the text has no break, never inside a character', () => {
    expect(titleFromDescription(`${'路'.repeat(29)}😀后面还有很多字描述问题`)).toBe(`${'路'.repeat(29)}😀`);
    expect(titleFromDescription('啊'.repeat(40))).toBe('啊'.repeat(30));
  });

  it('does not end on a clause break too early to say anything', () => {
    const text = `你好，${'这里的排水沟堵住了污水漫到路面上'.repeat(3)}`;
    expect(titleFromDescription(text)).toBe(Array.from(text).slice(0, 30).join(''));
  });

  it('keeps text that is nothing but punctuation rather than returning nothing', () => {
    expect(titleFromDescription('？？？')).toBe('？？？');
  });
});
