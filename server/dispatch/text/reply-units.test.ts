import { describe, expect, it } from 'vitest';
import { categoryOfReply, replyUnitExamples } from './reply-units.js';
import { parseReportsJsonl } from './reports-jsonl.js';

describe('categoryOfReply', () => {
  it('names the category of the units a reply names', () => {
    expect(categoryOfReply('您好！经区人社局劳动保障监察大队调查，该公司已补发拖欠的工资。')).toBe('劳动和社会保障');
    expect(categoryOfReply('网友您好，市公交公司已调整该线路发车间隔，早高峰加密班次。')).toBe('交通运输');
    expect(categoryOfReply('经县生态环境局现场检查，该厂已停产整改。')).toBe('环境保护');
  });

  it('says nothing when a reply names no unit, or units of several categories', () => {
    expect(categoryOfReply('您反映的问题已转相关部门调查处理。')).toBeNull();
    expect(categoryOfReply('区住建局会同区交通运输局对该路段进行了联合检查。')).toBeNull();
  });

  it('takes a deployment\'s own table', () => {
    expect(categoryOfReply('已转城管执法中队处理', { 城乡建设: ['城管执法'] })).toBe('城乡建设');
  });
});

describe('replyUnitExamples', () => {
  it('labels messages by their reply\'s units at a low cost, leaving out replies without one and labelled texts', () => {
    const rows = [
      { title: '拖欠工资', body: '工地老板拖欠三个月工资', reply: '经区人社局劳动保障监察大队调查，已督促补发。' },
      { title: '路灯不亮', body: '小区门口路灯坏了', reply: '已转相关部门处理。' },
      { title: '学校乱收费', body: '学校强制订购教辅资料', reply: '区教育局已责令退费。' },
      { title: '公交太挤', body: '早高峰挤不上车' },
    ];
    const out = replyUnitExamples(rows, new Set(['学校乱收费\n学校强制订购教辅资料']), 0.25);
    expect(out).toEqual([{ text: { title: '拖欠工资', body: '工地老板拖欠三个月工资' }, label: '劳动和社会保障', weight: 0.25 }]);
  });
});

describe('reading replies', () => {
  it('keeps a row\'s official reply when the file has one', () => {
    const rows = parseReportsJsonl('{"title":"路灯不亮","body":"小区门口路灯坏了","reply":"已修复"}\n{"title":"a","body":"b"}', 'x.jsonl', false);
    expect(rows[0]).toEqual({ title: '路灯不亮', body: '小区门口路灯坏了', reply: '已修复' });
    expect(rows[1]).toEqual({ title: 'a', body: 'b' });
  });
});
