/**
 * Histogram buckets of whole minutes, for medians read from rollups. Below EXACT_BELOW every minute has its own
 * bucket, so medians there are exact. From EXACT_BELOW on, each power of two is split into SUB_BUCKETS equal buckets
 * (like HDR histograms): a bucket [lo, hi] is at most 1/32 of lo wide, and the median reported for it is its middle,
 * at most 1/64 (1.6 %) from any value in it. docs/KPIS.md states the same.
 */
export const EXACT_BELOW = 128;
export const SUB_BUCKETS = 32;
const EXACT_BITS = Math.log2(EXACT_BELOW); // 7
const SUB_BITS = Math.log2(SUB_BUCKETS); // 5
/** Values are capped here (2^30 minutes is two thousand years). */
const MAX_VALUE = 2 ** 30 - 1;

/** The bucket of a number of minutes (rounded to whole minutes, negatives as 0). */
export function bucketOf(minutes: number): number {
  const v = Math.min(MAX_VALUE, Math.max(0, Math.round(minutes)));
  if (v < EXACT_BELOW) return v;
  const e = 31 - Math.clz32(v);
  return EXACT_BELOW + (e - EXACT_BITS) * SUB_BUCKETS + ((v - 2 ** e) >> (e - SUB_BITS));
}

/** The smallest and largest whole minutes a bucket holds. */
export function bucketBounds(bucket: number): { lo: number; hi: number } {
  if (bucket < EXACT_BELOW) return { lo: bucket, hi: bucket };
  const e = EXACT_BITS + Math.floor((bucket - EXACT_BELOW) / SUB_BUCKETS);
  const width = 2 ** (e - SUB_BITS);
  const lo = 2 ** e + ((bucket - EXACT_BELOW) % SUB_BUCKETS) * width;
  return { lo, hi: lo + width - 1 };
}

/** The value a bucket stands for: exact below EXACT_BELOW, else the middle of the bucket. */
export function bucketValue(bucket: number): number {
  const { lo, hi } = bucketBounds(bucket);
  return (lo + hi) / 2;
}

/**
 * The same bucket function in SQL over an integer expression (used when rollups are rebuilt from the case table);
 * a ladder of thresholds keeps it exact without floating-point logarithms.
 */
export function bucketSql(v: string): string {
  const octaves: string[] = [];
  for (let e = EXACT_BITS; e < 30; e++) {
    octaves.push(`when ${v} < ${2 ** (e + 1)} then ${EXACT_BELOW + (e - EXACT_BITS) * SUB_BUCKETS} + ((${v} - ${2 ** e}) >> ${e - SUB_BITS})`);
  }
  return `(case when ${v} is null then null when ${v} < 0 then 0 when ${v} < ${EXACT_BELOW} then ${v} ${octaves.join(' ')} else ${bucketOf(MAX_VALUE)} end)`;
}

/** How many buckets there are (the last holds MAX_VALUE). */
export const BUCKET_COUNT = bucketOf(MAX_VALUE) + 1;

/** A histogram: a count per bucket, allocated on the first count (most groups of a trend never get one). */
export class Histogram {
  counts: Float64Array | null = null;

  /** Adds n values in bucket b (n may be negative: a change taking a case out). */
  add(b: number, n: number): void {
    (this.counts ??= new Float64Array(BUCKET_COUNT))[b]! += n;
  }

  /** True when no bucket holds anything. */
  isEmpty(): boolean {
    return !this.counts || this.counts.every((n) => n === 0);
  }
}

/** Adds (bucket, count) pairs into a histogram (stored histograms: hist-bytes.ts). */
export function addInto(target: Histogram, source: [number, number][]): void {
  for (const [b, n] of source) target.add(b, n);
}

/**
 * The median of the values a histogram holds: the middle value, or the mean of the two middle values when the count
 * is even (each value read as its bucket's value). Null for an empty histogram.
 */
export function medianOf(h: Histogram): number | null {
  const counts = h.counts;
  if (!counts) return null;
  let total = 0;
  for (const n of counts) total += n;
  if (total <= 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (let b = 0; b < counts.length; b++) {
      seen += counts[b]!;
      if (seen >= rank) return bucketValue(b);
    }
    return bucketValue(counts.length - 1);
  };
  return total % 2 === 1 ? at((total + 1) / 2) : (at(total / 2) + at(total / 2 + 1)) / 2;
}
