import type { GridFeature } from './org-api.js';

// Distinct, print-safe hues; a county rarely has more townships than this, and beyond it colours repeat.
const palette = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#2f9e8f', '#7f8fd6', '#c2a83e',
];

/** One township's colour and how many grids it has on the map. */
export interface TownshipColor {
  townshipId: string;
  townshipName: string;
  color: string;
  grids: number;
}

/** Gives each township a colour in a stable order (by name), so a township keeps its colour between visits. */
export function townshipColors(features: readonly GridFeature[]): TownshipColor[] {
  const byId = new Map<string, TownshipColor>();
  for (const f of features) {
    const id = f.properties.townshipId ?? '';
    const entry = byId.get(id) ?? { townshipId: id, townshipName: f.properties.townshipName ?? '—', color: '', grids: 0 };
    entry.grids += 1;
    byId.set(id, entry);
  }
  const list = [...byId.values()].sort((a, b) => a.townshipName.localeCompare(b.townshipName, 'zh-CN'));
  list.forEach((entry, i) => {
    entry.color = palette[i % palette.length] ?? '#888888';
  });
  return list;
}

/** Mixes a #rrggbb colour with white; `amount` 0 keeps it, 1 gives white. Neighbouring villages get different tints. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [mix((n >> 16) & 255), mix((n >> 8) & 255), mix(n & 255)];
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** The fill of each grid: its township's hue, tinted by village so village borders stay visible. */
export function gridFills(features: readonly GridFeature[], townships: readonly TownshipColor[]): Map<string, string> {
  const colorOf = new Map(townships.map((t) => [t.townshipId, t.color]));
  const villageIndex = new Map<string, number>();
  const fills = new Map<string, string>();
  for (const f of features) {
    const p = f.properties;
    const villageKey = `${p.townshipId ?? ''}/${p.villageId ?? ''}`;
    if (!villageIndex.has(villageKey)) {
      const sameTownship = [...villageIndex.keys()].filter((k) => k.startsWith(`${p.townshipId ?? ''}/`)).length;
      villageIndex.set(villageKey, sameTownship);
    }
    const shade = [0.15, 0.35, 0.05, 0.45, 0.25][(villageIndex.get(villageKey) ?? 0) % 5] ?? 0.2;
    fills.set(p.id, tint(colorOf.get(p.townshipId ?? '') ?? '#888888', shade));
  }
  return fills;
}

/** Mean latitude of all polygon vertices, to correct the east-west stretch of plain lng/lat drawing. */
export function meanLatitude(features: readonly GridFeature[]): number {
  let sum = 0;
  let count = 0;
  for (const f of features) {
    const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
    for (const ring of rings) {
      for (const point of ring) {
        sum += point[1] ?? 0;
        count += 1;
      }
    }
  }
  return count === 0 ? 0 : sum / count;
}
