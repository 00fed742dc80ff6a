import { formatChange, formatKpi, formatMinutes, kpiLabels, reportKpis } from './kpi-labels.js';
import type { MonthlyReport } from './report-data.js';

const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const rows = (cells: (string | number)[][], strong?: (i: number) => boolean) =>
  cells.map((r, i) => `<tr${strong?.(i) ? ' class="own"' : ''}>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');

const style = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1f2329; margin: 24px; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 0 8px; border-left: 4px solid #1677ff; padding-left: 8px; }
  .note { color: #646a73; font-size: 12px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; page-break-inside: avoid; }
  th, td { border: 1px solid #d0d3d6; padding: 6px 8px; text-align: left; } th { background: #eef3fb; }
  td:nth-child(n+2) { font-variant-numeric: tabular-nums; } tr.own td { font-weight: bold; background: #fff7e6; }
  .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin-top: 12px; }
  .card { border: 1px solid #d0d3d6; border-radius: 6px; padding: 8px 10px; } .card b { display: block; font-size: 20px; }
  @media print { body { margin: 0; } .noprint { display: none; } }`;

/** The monthly report as one self-contained, printable Chinese HTML page (no scripts, no external files). */
export function monthlyReportHtml(r: MonthlyReport): string {
  const card = (k: (typeof reportKpis)[number]) => `<div class="card">${esc(kpiLabels[k])}<b>${esc(formatKpi(k, r.kpis[k]))}</b><span class="note">环比 ${esc(formatChange(k, r.change[k]))}</span></div>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.subject)} ${esc(r.month)} 月度工单报告</title><style>${style}</style></head>
<body>
<h1>${esc(r.subject)} ${esc(r.month)} 月度工单报告</h1>
<p class="note">统计口径：${esc(r.month)} 受理的工单，与上月（${esc(r.previousMonth)}）比较；用时按工作时间计算。<span class="noprint">按 Ctrl+P 打印。</span></p>
<div class="cards">${(['received', 'resolutionRate', 'resolvedOnTimeRate', 'satisfactionRate'] as const).map(card).join('')}</div>
<h2>主要指标</h2>
<table><thead><tr><th>指标</th><th>本月</th><th>上月</th><th>环比</th></tr></thead><tbody>
${rows(reportKpis.map((k) => [kpiLabels[k], formatKpi(k, r.kpis[k]), formatKpi(k, r.previousKpis[k]), formatChange(k, r.change[k])]))}
</tbody></table>
<h2>办结最慢的单位（全县，办结 5 件以上）</h2>
<table><thead><tr><th>排名</th><th>单位</th><th>办结量</th><th>办结用时中位数</th><th>平均办结用时</th><th>按期办结率</th></tr></thead><tbody>
${rows(r.slowestUnits.map((u, i) => [i + 1, u.name, u.resolved, formatMinutes(u.resolveMinutesMedian), formatMinutes(u.resolveMinutesMean), formatKpi('resolvedOnTimeRate', u.resolvedOnTimeRate)]), (i) => r.slowestUnits[i]?.unitId === r.unitId)}
</tbody></table>
<h2>主要问题</h2>
<table><thead><tr><th>排名</th><th>编码</th><th>问题分类</th><th>本月</th><th>上月</th></tr></thead><tbody>
${rows(r.topProblems.map((p, i) => [i + 1, p.code, p.name, p.count, p.previousCount]))}
</tbody></table>
<p class="note">由基层通数据驾驶舱生成。</p>
</body></html>
`;
}
