import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { loadUserDictionary, normalizeText, parseUserDictionary, segment, toHalfWidth } from './segment.js';

describe('normalizeText', () => {
  it('maps full-width forms to half-width and lower-cases Latin', () => {
    expect(toHalfWidth('ＡＢＣ１２３！　')).toBe('ABC123! ');
    expect(normalizeText('ＷｉＦｉ信号差，ＡＰＰ打不开')).toBe('wifi信号差,app打不开');
  });

  it('strips links, phone numbers and runs of whitespace', () => {
    const text = '详情见https://example.gov.cn/a?b=1后面   请拨打13812345678或0551-12345678联系 ';
    expect(normalizeText(text)).toBe('详情见 后面 请拨打 或 联系');
    expect(normalizeText('电话 138 1234 5678 谢谢')).toBe('电话 谢谢');
  });

  it('keeps numbers that are not phone numbers', () => {
    expect(normalizeText('3号楼2单元，去年12月')).toBe('3号楼2单元,去年12月');
  });
});

describe('segment', () => {
  it('returns content tokens without punctuation', () => {
    const tokens = segment('小区门口的路灯坏了！');
    expect(tokens).toContain('路灯');
    expect(tokens).not.toContain('!');
    expect(tokens.join('')).toBe('小区门口的路灯坏了');
  });

  it('keeps user dictionary words whole', () => {
    const text = '请转给梧桐湾街道办处理';
    expect(segment(text)).not.toContain('梧桐湾街道办');
    expect(loadUserDictionary('# 地名\n梧桐湾街道办 1000 ns\n\n')).toBe(1);
    expect(segment(text)).toContain('梧桐湾街道办');
  });

  it('parses dictionary lines and rejects malformed ones with a line number', () => {
    expect(parseUserDictionary(['桂花社区 20 ns', '城管执法'])).toEqual([
      { word: '桂花社区', freq: 20, tag: 'ns' }, { word: '城管执法' },
    ]);
    try {
      parseUserDictionary(['好词 10 n', '坏词 很多']);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('validation_failed');
      expect(isAppError(e) && e.details).toMatchObject({ line: 2 });
    }
  });
});
