import { describe, expect, it } from 'vitest';
import { orient } from './orient.js';

const naive = (x1: number, y1: number, x2: number, y2: number, x3: number, y3: number) =>
  Math.sign((x1 - x3) * (y2 - y3) - (y1 - y3) * (x2 - x3));

describe('orient', () => {
  it('gives the sign of simple turns', () => {
    expect(orient(0, 0, 1, 0, 0, 1)).toBe(1);
    expect(orient(0, 0, 0, 1, 1, 0)).toBe(-1);
    expect(orient(0, 0, 1, 1, 2, 2)).toBe(0);
  });

  // Kettner et al.'s classic failure: points within a few ulps of the line y = x, where the naive determinant errs.
  it('is exact near a line where the naive determinant is wrong', () => {
    const u = 2 ** -53;
    let naiveWrong = 0;
    let naiveInconsistent = 0;
    for (let i = 0; i < 128; i++) {
      for (let j = 0; j < 128; j++) {
        const px = 0.5 + i * u, py = 0.5 + j * u;
        const truth = Math.sign(j - i); // above y = x is left of the upward direction (12,12)→(24,24)
        expect(orient(px, py, 12, 12, 24, 24)).toBe(truth);
        expect(orient(12, 12, 24, 24, px, py)).toBe(truth);
        expect(orient(24, 24, 12, 12, px, py)).toBe(truth === 0 ? 0 : -truth);
        if (naive(px, py, 12, 12, 24, 24) !== truth) naiveWrong++;
        if (naive(px, py, 12, 12, 24, 24) !== naive(12, 12, 24, 24, px, py)) naiveInconsistent++;
      }
    }
    expect(naiveWrong).toBeGreaterThan(0); // the cases really need the exact path
    expect(naiveInconsistent).toBeGreaterThan(0);
  });

  it('agrees with itself under rotation and reversal for points almost on a grid edge', () => {
    const [ax, ay, bx, by] = [115.612345, 37.054321, 115.698765, 37.012345];
    for (let k = 0; k < 2000; k++) {
      const t = k / 1999;
      const cx = ax + (bx - ax) * t, cy = ay + (by - ay) * t; // rounded, so within an ulp of the line
      const s = orient(ax, ay, bx, by, cx, cy);
      expect(orient(bx, by, cx, cy, ax, ay)).toBe(s);
      expect(orient(cx, cy, ax, ay, bx, by)).toBe(s);
      expect(orient(bx, by, ax, ay, cx, cy)).toBe(s === 0 ? 0 : -s);
    }
    expect(orient(ax, ay, bx, by, ax, ay)).toBe(0);
    expect(orient(ax, ay, bx, by, 115.65, 37.04)).toBe(1);
    expect(orient(bx, by, ax, ay, 115.65, 37.04)).toBe(-1);
  });
});
