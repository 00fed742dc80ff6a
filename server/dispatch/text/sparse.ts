/** Sparse vectors with sorted indices, and the few operations the text models need. */

/** A sparse vector: strictly increasing indices with their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Builds a sparse vector from index→value counts, sorted by index. */
export function fromMap(map: Map<number, number>): SparseVector {
  const indices = Int32Array.from(map.keys()).sort();
  const values = new Float32Array(indices.length);
  for (let i = 0; i < indices.length; i++) values[i] = map.get(indices[i] as number) as number;
  return { indices, values };
}

/** Euclidean norm of a sparse vector. */
export function norm(v: SparseVector): number {
  let s = 0;
  for (let i = 0; i < v.values.length; i++) s += (v.values[i] as number) ** 2;
  return Math.sqrt(s);
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function l2NormalizeInPlace(v: SparseVector): SparseVector {
  const n = norm(v);
  if (n > 0) for (let i = 0; i < v.values.length; i++) v.values[i] = (v.values[i] as number) / n;
  return v;
}

/** Dot product of two sparse vectors by merging their sorted indices. */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const x = a.indices[i] as number;
    const y = b.indices[j] as number;
    if (x === y) s += (a.values[i++] as number) * (b.values[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Cosine similarity of two sparse vectors (0 when either is empty). */
export function cosine(a: SparseVector, b: SparseVector): number {
  const d = norm(a) * norm(b);
  return d > 0 ? dot(a, b) / d : 0;
}

/** Adds `scale * v` into a dense accumulator (used for centroids). */
export function addInto(dense: Map<number, number>, v: SparseVector, scale = 1): void {
  for (let i = 0; i < v.indices.length; i++) {
    const k = v.indices[i] as number;
    dense.set(k, (dense.get(k) ?? 0) + scale * (v.values[i] as number));
  }
}

/** Encodes a typed array as base64 so that models serialise compactly to JSON. */
export function typedToBase64(a: Int32Array | Float32Array | Uint32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** Decodes base64 made by typedToBase64 into a fresh, aligned Int32Array. */
export function base64ToInt32(s: string): Int32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Int32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

/** Decodes base64 made by typedToBase64 into a fresh, aligned Float32Array. */
export function base64ToFloat32(s: string): Float32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Float32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}
