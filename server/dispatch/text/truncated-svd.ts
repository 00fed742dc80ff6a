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
  values: Float32Array | Float64Array;
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
  for (let a = 0; a < cols.length; a++) {
    const c = cols[a] as Float64Array;
    const len = c.length;
    for (let b = 0; b < a; b++) {
      const q = cols[b] as Float64Array;
      let d = 0;
      for (let i = 0; i < len; i++) d += (c[i] as number) * (q[i] as number);
      for (let i = 0; i < len; i++) c[i] = (c[i] as number) - d * (q[i] as number);
    }
    let n = 0;
    for (let i = 0; i < len; i++) n += (c[i] as number) ** 2;
    n = Math.sqrt(n) || 1;
    for (let i = 0; i < len; i++) c[i] = (c[i] as number) / n;
  }
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

/**
 * Y = A X, or Aᵀ X when `transpose`, for a block X of k vectors stored row-major (n × k). One pass over A for all k
 * vectors: k separate products would stream the whole matrix k times, and memory, not arithmetic, is the cost.
 */
export function csrMultiplyBlock(a: CsrMatrix, x: Float64Array, k: number, transpose = false): Float64Array {
  const y = new Float64Array(a.n * k);
  const { rowStart, cols, values } = a;
  // Two loops rather than a branch inside one: the inner loop is the whole cost.
  if (transpose) {
    for (let i = 0; i < a.n; i++) {
      const ri = i * k;
      for (let p = rowStart[i] as number; p < (rowStart[i + 1] as number); p++) {
        const v = values[p] as number;
        const rc = (cols[p] as number) * k;
        for (let c = 0; c < k; c++) y[rc + c] = (y[rc + c] as number) + v * (x[ri + c] as number);
      }
    }
    return y;
  }
  for (let i = 0; i < a.n; i++) {
    const ri = i * k;
    for (let p = rowStart[i] as number; p < (rowStart[i + 1] as number); p++) {
      const v = values[p] as number;
      const rc = (cols[p] as number) * k;
      for (let c = 0; c < k; c++) y[ri + c] = (y[ri + c] as number) + v * (x[rc + c] as number);
    }
  }
  return y;
}

/** Row-major n × k block ↔ k columns of length n. */
function toColumns(block: Float64Array, n: number, k: number): Float64Array[] {
  const cols = Array.from({ length: k }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) cols[c]![i] = block[i * k + c] as number;
  return cols;
}

function toBlock(cols: readonly Float64Array[], n: number): Float64Array {
  const k = cols.length;
  const block = new Float64Array(n * k);
  cols.forEach((col, c) => {
    for (let i = 0; i < n; i++) block[i * k + c] = col[i] as number;
  });
  return block;
}

/** The top `rank` left singular vectors of A, each scaled by its singular value to the power `sigmaPower`. */
export function truncatedSvd(a: CsrMatrix, rank: number, o: { oversample?: number; powerIterations?: number; seed?: number; sigmaPower?: number } = {}): Float64Array[] {
  const k = Math.min(rank + (o.oversample ?? 10), a.n);
  const n = a.n;
  const random = mulberry32(o.seed ?? 1);
  const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  // The random start is drawn column by column, so the figures do not depend on the block layout.
  const omega = toBlock(Array.from({ length: k }, () => Float64Array.from({ length: n }, gaussian)), n);
  let q = toColumns(csrMultiplyBlock(a, omega, k), n, k);
  orthonormalize(q);
  for (let it = 0; it < (o.powerIterations ?? 3); it++) {
    q = toColumns(csrMultiplyBlock(a, toBlock(q, n), k, true), n, k);
    orthonormalize(q);
    q = toColumns(csrMultiplyBlock(a, toBlock(q, n), k), n, k);
    orthonormalize(q);
  }
  // B = Qᵀ A (k × n); the eigenvectors of B Bᵀ rotate Q onto A's left singular vectors.
  const b = toColumns(csrMultiplyBlock(a, toBlock(q, n), k, true), n, k);
  const g = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = 0;
      for (let x = 0; x < n; x++) s += (b[i]![x] as number) * (b[j]![x] as number);
      g[i * k + j] = s;
      g[j * k + i] = s;
    }
  }
  const { values, vectors } = jacobiEigen(g, k);
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => (values[y] as number) - (values[x] as number));
  return order.slice(0, Math.min(rank, k)).map((e) => {
    const scale = Math.sqrt(Math.max(values[e] as number, 0)) ** (o.sigmaPower ?? 0);
    const u = new Float64Array(n);
    q.forEach((c, i) => {
      const w = (vectors[i * k + e] as number) * scale;
      for (let x = 0; x < n; x++) u[x]! += (c[x] as number) * w;
    });
    return u;
  });
}
