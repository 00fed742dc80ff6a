/**
 * The top singular vectors of a large sparse matrix by randomized range finding (Halko, Martinsson and Tropp 2011):
 * multiply by a few random vectors, sharpen with power iterations, and solve the small problem that remains with a
 * Jacobi eigen-decomposition. Enough for word embeddings (a few hundred thousand non-zeros, 100 dimensions) in
 * seconds, with no numeric library.
 */
import { mulberry32 } from './hash.js';

/** A square sparse matrix in compressed rows. */
export interface CsrMatrix {
  n: number;
  rowStart: Int32Array;
  cols: Int32Array;
  values: Float64Array;
}

/** y = A x, or y = Aᵀ x when `transpose`. */
export function csrMultiply(a: CsrMatrix, x: Float64Array, transpose = false): Float64Array {
  const y = new Float64Array(a.n);
  for (let i = 0; i < a.n; i++) {
    if (transpose && x[i] === 0) continue;
    let s = 0;
    for (let p = a.rowStart[i] as number; p < (a.rowStart[i + 1] as number); p++) {
      if (transpose) y[a.cols[p] as number]! += (a.values[p] as number) * (x[i] as number);
      else s += (a.values[p] as number) * (x[a.cols[p] as number] as number);
    }
    if (!transpose) y[i] = s;
  }
  return y;
}

function orthonormalize(cols: Float64Array[]): void {
  cols.forEach((c, a) => {
    for (let b = 0; b < a; b++) {
      const q = cols[b] as Float64Array;
      let d = 0;
      for (let i = 0; i < c.length; i++) d += (c[i] as number) * (q[i] as number);
      for (let i = 0; i < c.length; i++) c[i]! -= d * (q[i] as number);
    }
    let n = 0;
    for (const v of c) n += v * v;
    n = Math.sqrt(n) || 1;
    for (let i = 0; i < c.length; i++) c[i]! /= n;
  });
}

/** Eigenvalues and eigenvectors (columns, row-major k × k) of a symmetric matrix by cyclic Jacobi rotations. */
export function jacobiEigen(matrix: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  const rotate = (m: Float64Array, i: number, j: number, c: number, s: number, stride: number, step: number) => {
    for (let r = 0; r < k; r++) {
      const x = m[r * stride + i * step] as number;
      const y = m[r * stride + j * step] as number;
      m[r * stride + i * step] = c * x - s * y;
      m[r * stride + j * step] = s * x + c * y;
    }
  };
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += (a[p * k + q] as number) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[q * k + q] as number) - (a[p * k + p] as number)) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(a, p, q, c, s, k, 1); // columns p, q
        rotate(a, p, q, c, s, 1, k); // rows p, q
        rotate(v, p, q, c, s, k, 1);
      }
    }
  }
  return { values: Float64Array.from({ length: k }, (_, i) => a[i * k + i] as number), vectors: v };
}

/** The top `rank` left singular vectors of A, each scaled by its singular value to the power `sigmaPower`. */
export function truncatedSvd(a: CsrMatrix, rank: number, o: { oversample?: number; powerIterations?: number; seed?: number; sigmaPower?: number } = {}): Float64Array[] {
  const k = Math.min(rank + (o.oversample ?? 10), a.n);
  const random = mulberry32(o.seed ?? 1);
  const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  let q = Array.from({ length: k }, () => csrMultiply(a, Float64Array.from({ length: a.n }, gaussian)));
  orthonormalize(q);
  for (let it = 0; it < (o.powerIterations ?? 3); it++) {
    q = q.map((c) => csrMultiply(a, c, true));
    orthonormalize(q);
    q = q.map((c) => csrMultiply(a, c));
    orthonormalize(q);
  }
  // B = Qᵀ A (k × n); the eigenvectors of B Bᵀ rotate Q onto A's left singular vectors.
  const b = q.map((c) => csrMultiply(a, c, true));
  const g = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = 0;
      for (let x = 0; x < a.n; x++) s += (b[i]![x] as number) * (b[j]![x] as number);
      g[i * k + j] = s;
      g[j * k + i] = s;
    }
  }
  const { values, vectors } = jacobiEigen(g, k);
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => (values[y] as number) - (values[x] as number));
  return order.slice(0, Math.min(rank, k)).map((e) => {
    const scale = Math.sqrt(Math.max(values[e] as number, 0)) ** (o.sigmaPower ?? 0);
    const u = new Float64Array(a.n);
    q.forEach((c, i) => {
      const w = (vectors[i * k + e] as number) * scale;
      for (let x = 0; x < a.n; x++) u[x]! += (c[x] as number) * w;
    });
    return u;
  });
}
