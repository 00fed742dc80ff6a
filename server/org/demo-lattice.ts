import type { Position } from '../../common/geo.js';

/** A lng/lat rectangle. */
export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/*
 * Each cell is an octagon: four corners and four edge midpoints, every vertex shared with the neighbour across it.
 * In cell units every vertex moves at most cornerJitter (corners) or midJitter (midpoints) per axis from its place on
 * the regular lattice. With cornerJitter + midJitter < 1/4, the two edges leaving a corner stay in disjoint direction
 * cones and non-adjacent edges stay in disjoint boxes, so every cell is a simple counter-clockwise polygon; cells
 * sharing all their vertices then tile the box with no gap or overlap (winding numbers sum to the box's).
 * Vertices on the box edge move only along it.
 */
const cornerJitter = 0.16;
const midJitter = 0.08;

/** Rounds a coordinate to 6 decimals (about 0.1 m), the precision of stored grid boundaries. */
export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** A table of shared vertices, filled row by row so the generator is consumed in a fixed order. */
function vertexTable(nx: number, ny: number, make: (i: number, j: number) => Position): (i: number, j: number) => Position {
  const table: Position[] = [];
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) table.push(make(i, j));
  return (i, j) => {
    const p = table[j * nx + i];
    if (!p) throw new Error(`no lattice vertex ${i},${j}`);
    return p;
  };
}

/** Cells of a jittered cols × rows lattice over the box: closed counter-clockwise rings, index row * cols + col, row 0 south. */
export function jitteredLatticeCells(box: Box, cols: number, rows: number, rng: () => number): Position[][] {
  const jitter = (r: number) => (rng() * 2 - 1) * r;
  const at = (u: number, v: number): Position => [
    round6(u === cols ? box.east : box.west + ((box.east - box.west) * u) / cols),
    round6(v === rows ? box.north : box.south + ((box.north - box.south) * v) / rows),
  ];
  const inside = (k: number, n: number) => k > 0 && k < n;
  const corner = vertexTable(cols + 1, rows + 1, (i, j) =>
    at(inside(i, cols) ? i + jitter(cornerJitter) : i, inside(j, rows) ? j + jitter(cornerJitter) : j));
  const southNorthMid = vertexTable(cols, rows + 1, (i, j) => at(i + 0.5 + jitter(midJitter), inside(j, rows) ? j + jitter(midJitter) : j));
  const westEastMid = vertexTable(cols + 1, rows, (i, j) => at(inside(i, cols) ? i + jitter(midJitter) : i, j + 0.5 + jitter(midJitter)));
  const cells: Position[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const ring = [
        corner(c, r), southNorthMid(c, r), corner(c + 1, r), westEastMid(c + 1, r),
        corner(c + 1, r + 1), southNorthMid(c, r + 1), corner(c, r + 1), westEastMid(c, r), corner(c, r),
      ];
      // Fresh arrays per ring: equal values where cells meet, but no shared objects for a caller to mutate.
      cells.push(ring.map(([x, y]): Position => [x, y]));
    }
  }
  return cells;
}
