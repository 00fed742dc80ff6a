import { describe, expect, it } from 'vitest';
import { fmix32, hash32, mulberry32, shuffleInPlace } from './hash.js';
import { base64ToFloat32, base64ToInt32, cosine, dot, fromMap, l2NormalizeInPlace, norm, typedToBase64 } from './sparse.js';

describe('hash', () => {
  it('is stable, seeded and spreads low bits', () => {
    expect(hash32('垃圾')).toBe(hash32('垃圾'));
    expect(hash32('垃圾', 1)).not.toBe(hash32('垃圾', 2));
    const buckets = new Set<number>();
    for (let i = 0; i < 1000; i++) buckets.add(hash32(`词${i}`) & 1023);
    expect(buckets.size).toBeGreaterThan(550); // 1000 balls in 1024 bins: ~632 expected
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).not.toBe(1);
  });

  it('shuffles reproducibly from a seed', () => {
    const a = shuffleInPlace([1, 2, 3, 4, 5, 6], mulberry32(9));
    expect(shuffleInPlace([1, 2, 3, 4, 5, 6], mulberry32(9))).toEqual(a);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('sparse vectors', () => {
  const a = fromMap(new Map([[5, 1], [1, 2], [9, 2]]));
  const b = fromMap(new Map([[9, 1], [2, 4], [1, 1]]));

  it('sorts indices and takes dot products and cosines', () => {
    expect(Array.from(a.indices)).toEqual([1, 5, 9]);
    expect(dot(a, b)).toBe(4);
    expect(cosine(a, b)).toBeCloseTo(4 / (3 * Math.sqrt(18)), 6);
    expect(norm(l2NormalizeInPlace(fromMap(new Map([[3, 3], [4, 4]]))))).toBeCloseTo(1, 6);
  });

  it('round-trips typed arrays through base64', () => {
    expect(Array.from(base64ToInt32(typedToBase64(a.indices)))).toEqual([1, 5, 9]);
    const f = Float32Array.from([0.1, -2.5, 3e-7]);
    expect(base64ToFloat32(typedToBase64(f))).toEqual(f);
  });
});
