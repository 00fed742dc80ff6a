/**
 * Exact orientation of three points. Point-in-polygon over a tiling must give every point to exactly one tile; a
 * rounded cross product can disagree with itself near shared vertices and leave a point in zero or two tiles. So the
 * fast floating-point determinant is trusted only outside Shewchuk's error bound, and recomputed exactly otherwise.
 */

const epsilon = 2 ** -53;
// Shewchuk's ccwerrboundA: |det| above this times the magnitude sum guarantees the computed sign is the true one.
const errBoundA = (3 + 16 * epsilon) * epsilon;

const signOf = (v: number) => (v > 0 ? 1 : v < 0 ? -1 : 0);

/** Sign of the turn a→b→c: 1 counter-clockwise (c left of a→b), -1 clockwise, 0 collinear; exact for all finite input. */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const detLeft = (ax - cx) * (by - cy);
  const detRight = (ay - cy) * (bx - cx);
  const det = detLeft - detRight;
  let detSum: number;
  // When the two products have opposite signs (or one is zero) no cancellation can flip the sign.
  if (detLeft > 0) {
    if (detRight <= 0) return signOf(det);
    detSum = detLeft + detRight;
  } else if (detLeft < 0) {
    if (detRight >= 0) return signOf(det);
    detSum = -detLeft - detRight;
  } else {
    return signOf(det);
  }
  if (Math.abs(det) >= errBoundA * detSum) return signOf(det);
  return orientExact(ax, ay, bx, by, cx, cy);
}

/** A finite double as mantissa × 2^-shift with an integer mantissa (doubling a non-integer double is exact). */
function toDyadic(x: number): [bigint, number] {
  let v = x;
  let shift = 0;
  while (!Number.isInteger(v)) {
    v *= 2;
    shift += 1;
  }
  return [BigInt(v), shift];
}

function orientExact(...coords: [number, number, number, number, number, number]): number {
  const dyadic = coords.map(toDyadic);
  const shift = Math.max(...dyadic.map(([, s]) => s));
  const [ax, ay, bx, by, cx, cy] = dyadic.map(([m, s]) => m << BigInt(shift - s)) as [bigint, bigint, bigint, bigint, bigint, bigint];
  const det = (ax - cx) * (by - cy) - (ay - cy) * (bx - cx);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}
