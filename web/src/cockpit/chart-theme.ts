/** The cockpit's chart colours, light on the page and dark on the wall display. Pure. */

/** Text, axis and tooltip colours for one look. */
export interface ChartLook {
  text: string;
  muted: string;
  axis: string;
  split: string;
  tooltipBg: string;
  tooltipText: string;
  border: string;
  palette: string[];
  /** Low to high, for the map's shading. */
  scale: string[];
}

// Print-safe hues that stay apart on a dark background too; the first ones go to the largest series.
const palette = ['#3b82f6', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16', '#f97316', '#64748b', '#14b8a6', '#a855f7'];

const light: ChartLook = {
  text: '#0f172a',
  muted: '#64748b',
  axis: '#cbd5e1',
  split: '#eef2f7',
  tooltipBg: 'rgba(255,255,255,0.96)',
  tooltipText: '#0f172a',
  border: '#ffffff',
  palette,
  scale: ['#e0ecff', '#93c5fd', '#3b82f6', '#1d4ed8', '#1e3a8a'],
};

const dark: ChartLook = {
  text: '#e2e8f0',
  muted: '#94a3b8',
  axis: '#334155',
  split: '#1e293b',
  tooltipBg: 'rgba(15,23,42,0.94)',
  tooltipText: '#e2e8f0',
  border: '#0b1220',
  palette,
  scale: ['#0c2a4d', '#155e9c', '#22a2d8', '#7dd3fc', '#fde68a'],
};

/** The look of the charts in one mode. */
export function chartLook(isDark: boolean): ChartLook {
  return isDark ? dark : light;
}

/** The tooltip settings every cockpit chart shares. */
export function tooltipStyle(look: ChartLook) {
  return { backgroundColor: look.tooltipBg, borderColor: look.axis, textStyle: { color: look.tooltipText }, confine: true };
}
