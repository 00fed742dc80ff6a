import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import { parseTaxonomyJsonl, readTaxonomyJsonl } from './taxonomy-jsonl.js';

const lines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');

describe('taxonomy JSONL as category descriptions', () => {
  it('describes each row by its lower levels, leaving out "其他" and the class name itself', () => {
    const text = lines([
      { l1: '交通运输', l2: '出租车管理', l3: '网约车问题' },
      { l1: '交通运输', l2: '出租车管理', l3: '其他' },
      { l1: '交通运输', l2: '交通运输', l3: '出租车管理' },
      { l1: '环境保护', l2: '其他', l3: '其他' },
    ]);
    expect(parseTaxonomyJsonl(`${text}\n\n`, 't.jsonl')).toEqual([
      { label: '交通运输', text: { title: '出租车管理 网约车问题' } },
      { label: '交通运输', text: { title: '出租车管理' } },
      { label: '交通运输', text: { title: '出租车管理' } },
      { label: '环境保护', text: { title: '环境保护' } },
    ]);
  });

  it('names the file and line of a row it cannot use', () => {
    const bad = (text: string) => {
      try {
        parseTaxonomyJsonl(text, 'tax.jsonl');
        return 'accepted';
      } catch (e) {
        return isAppError(e) ? e.message : String(e);
      }
    };
    expect(bad(`${lines([{ l1: '交通运输', l2: 'a' }])}\n{oops`)).toMatch(/tax\.jsonl 第 2 行不是有效的 JSON/);
    expect(bad(lines([{ l2: '出租车管理', l3: '其他' }]))).toMatch(/tax\.jsonl 第 1 行缺少 l1/);
  });

  it('reads a file, and refuses a missing or empty one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiceng-tax-'));
    const path = join(dir, 'taxonomy.jsonl');
    writeFileSync(path, lines([{ l1: '教育文体', l2: '教育', l3: '学前教育' }]));
    expect(readTaxonomyJsonl(path)).toEqual([{ label: '教育文体', text: { title: '教育 学前教育' } }]);
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '\n');
    expect(() => readTaxonomyJsonl(empty)).toThrow(/没有任何记录/);
    expect(() => readTaxonomyJsonl(join(dir, 'nope.jsonl'))).toThrow(/ENOENT/);
  });
});
