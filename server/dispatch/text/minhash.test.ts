import { describe, expect, it } from 'vitest';
import { generateReport } from '../../cases/report-samples.js';
import { mulberry32 } from '../../org/prng.js';
import { fmix32, hash32, mulberry32 as hashMulberry32 } from './hash.js';
import { jaccardEstimate, minhashSignature, shingles, signatureSimilarity, textSimilarity } from './minhash.js';

function exactJaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

describe('minhash', () => {
  it('makes character bigrams without punctuation', () => {
    expect([...shingles('路灯，坏了！')]).toEqual(['路灯', '灯坏', '坏了']);
    expect([...shingles('灯')]).toEqual(['灯']);
    expect(shingles('，。').size).toBe(0);
  });

  it('is deterministic and estimates Jaccard closely', () => {
    const a = '阳光小区三号楼门口的路灯坏了一个多月，晚上出行很不方便，希望尽快修理';
    const b = '阳光小区三号楼门口路灯坏了很久，晚上走路很不方便，请尽快安排维修';
    expect(minhashSignature(a).hashes).toEqual(minhashSignature(a).hashes);
    const est = jaccardEstimate(minhashSignature(a, 256), minhashSignature(b, 256));
    expect(Math.abs(est - exactJaccard(shingles(a), shingles(b)))).toBeLessThan(0.08);
  });

  it('scores rewordings of one problem far above different problems', () => {
    const a = '阳光小区三号楼门口的路灯坏了，晚上很黑';
    const same = '阳光小区3号楼门口路灯坏了，晚上一片漆黑';
    const other = '幸福路菜市场门口占道经营严重，交通堵塞';
    expect(textSimilarity(a, same)).toBeGreaterThan(0.4);
    expect(textSimilarity(a, other)).toBeLessThan(0.15);
    expect(textSimilarity(a, a)).toBe(1);
  });

  it('treats a short report contained in a longer one as similar', () => {
    const short = minhashSignature('五号楼电梯坏了');
    const long = minhashSignature('五号楼电梯坏了三天了，老人上下楼非常困难，物业一直说在等配件，请相关部门督促');
    expect(signatureSimilarity(short, long)).toBeGreaterThan(jaccardEstimate(short, long));
    expect(signatureSimilarity(minhashSignature(''), long)).toBe(0);
  });

  it('signs bigrams from code points exactly as hashing the strings of shingles() does', () => {
    // The signature by its definition (the implementation before bigrams were hashed from code points).
    const seeds = (() => {
      const random = hashMulberry32(0x5eed);
      return Uint32Array.from({ length: 64 }, () => Math.floor(random() * 2 ** 32));
    })();
    const reference = (text: string) => {
      const set = shingles(text, 2);
      const hashes = new Uint32Array(64).fill(0xffffffff);
      for (const sh of set) {
        const h = hash32(sh);
        for (let i = 0; i < 64; i++) {
          const v = fmix32((h ^ (seeds[i] as number)) >>> 0);
          if (v < (hashes[i] as number)) hashes[i] = v;
        }
      }
      return { hashes, size: set.size };
    };
    const rng = mulberry32(7);
    const texts = ['', '，。', '灯', '路灯，坏了！', '😀', '😀😀😀', 'a😀b😀a😀b', '\ud800孤\udc00立\ud800', 'ＡＢＣ１２３abc', '楼下楼下楼下楼下', '你好，谢谢', '𠮷', '𠮷野家𠮷野家', '𪚥𠀀a𠀀𪚥'];
    for (let i = 0; i < 500; i++) {
      const r = generateReport(rng);
      texts.push(`${r.title} ${r.description}`);
    }
    for (const text of texts) expect(minhashSignature(text), text).toEqual(reference(text));
  });
});
