/**
 * The layout of the fictional county 青禾县 on a 12 × 10 lattice of grids (column 0 west, row 0 south): two street
 * offices share the town centre, four townships wind around it like a pinwheel. Each township is a union of lattice
 * rectangles; each rectangle is walked in a serpentine and cut into runs of grids, one run per village, so every
 * village is a contiguous block. The names are fictional.
 */

/** Columns of the demo lattice. */
export const demoCols = 12;
/** Rows of the demo lattice. */
export const demoRows = 10;

/** Inclusive column and row ranges of the lattice. */
export interface CellRect {
  cols: [number, number];
  rows: [number, number];
}

/** One township or street office: its lattice rectangles and its villages (or communities) in serpentine order. */
export interface TownshipPlan {
  name: string;
  /** Grids per village: street communities are denser than villages. */
  gridsPerVillage: number;
  rects: CellRect[];
  villages: string[];
}

/** The six townships in code order (001 …), their lattice rectangles and village names. */
export const townshipPlans: TownshipPlan[] = [
  {
    name: '城关街道',
    gridsPerVillage: 2,
    rects: [{ cols: [4, 5], rows: [3, 6] }],
    villages: ['南关社区', '西关社区', '文昌社区', '府前社区'],
  },
  {
    name: '东关街道',
    gridsPerVillage: 2,
    rects: [{ cols: [6, 7], rows: [3, 6] }],
    villages: ['东关社区', '新华社区', '建设社区', '青禾园社区'],
  },
  {
    name: '柳河镇',
    gridsPerVillage: 3,
    rects: [{ cols: [0, 3], rows: [5, 9] }, { cols: [4, 5], rows: [7, 9] }],
    villages: ['柳河村', '北柳村', '王家庄村', '河湾村', '前屯村', '后屯村', '张各庄村', '苇子坑村', '东柳林村'],
  },
  {
    name: '石桥镇',
    gridsPerVillage: 3,
    rects: [{ cols: [8, 11], rows: [0, 4] }, { cols: [6, 7], rows: [0, 2] }],
    villages: ['石桥村', '南石桥村', '李家营村', '大槐树村', '刘庄村', '郭家屯村', '马坊村', '桥头村', '孙家寨村'],
  },
  {
    name: '杏园乡',
    gridsPerVillage: 3,
    rects: [{ cols: [0, 5], rows: [0, 2] }, { cols: [0, 3], rows: [3, 4] }],
    villages: ['杏园村', '西杏园村', '赵家庄村', '梨树沟村', '高庄村', '小营村', '韩村', '枣林村', '陈家堡村'],
  },
  {
    name: '双井乡',
    gridsPerVillage: 3,
    rects: [{ cols: [6, 11], rows: [7, 9] }, { cols: [8, 11], rows: [5, 6] }],
    villages: ['双井村', '东井村', '周家洼村', '三里铺村', '杜庄村', '堤口村', '白塔村', '崔家庄村', '五里屯村'],
  },
];

/** Lattice cell indices (row * demoCols + col) of a rectangle, row by row, alternating direction, so neighbours in the list share an edge. */
export function serpentine({ cols: [c0, c1], rows: [r0, r1] }: CellRect): number[] {
  const cells: number[] = [];
  for (let r = r0; r <= r1; r++) {
    const forward = (r - r0) % 2 === 0;
    for (let k = 0; k <= c1 - c0; k++) cells.push(r * demoCols + (forward ? c0 + k : c1 - k));
  }
  return cells;
}

/** Cuts a list into round(n / size) consecutive runs whose lengths differ by at most one. */
export function runs<T>(list: readonly T[], size: number): T[][] {
  const k = Math.max(1, Math.round(list.length / size));
  const base = Math.floor(list.length / k);
  const longer = list.length - base * k;
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < k; i++) {
    const len = base + (i < longer ? 1 : 0);
    out.push(list.slice(at, at + len));
    at += len;
  }
  return out;
}
