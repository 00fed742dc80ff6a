import ExcelJS from 'exceljs';
import { formatChange, formatKpi, formatMinutes, kpiLabels, reportKpis } from './kpi-labels.js';
import type { MonthlyReport } from './report-data.js';

const bold = { bold: true } as const;

function header(sheet: ExcelJS.Worksheet, cells: string[]) {
  const row = sheet.addRow(cells);
  row.font = bold;
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
}

/** The monthly report as an Excel workbook: 概览 (KPIs and change), 办结最慢的单位, 主要问题. */
export async function monthlyReportXlsx(r: MonthlyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '基层通';
  wb.title = `${r.subject}${r.month}月度报告`;

  const overview = wb.addWorksheet('概览', { views: [{ state: 'frozen', ySplit: 3 }] });
  overview.columns = [{ width: 22 }, { width: 18 }, { width: 18 }, { width: 20 }];
  overview.addRow([`${r.subject} ${r.month} 月度工单报告`]).font = { bold: true, size: 14 };
  overview.addRow([`统计口径：${r.month} 受理的工单（上月 ${r.previousMonth}）；用时为工作时间`]);
  header(overview, ['指标', '本月', '上月', '环比']);
  for (const k of reportKpis) overview.addRow([kpiLabels[k], formatKpi(k, r.kpis[k]), formatKpi(k, r.previousKpis[k]), formatChange(k, r.change[k])]);

  const slow = wb.addWorksheet('办结最慢的单位');
  slow.columns = [{ width: 8 }, { width: 28 }, { width: 12 }, { width: 20 }, { width: 20 }, { width: 14 }];
  header(slow, ['排名', '单位', '办结量', '办结用时中位数', '平均办结用时', '按期办结率']);
  r.slowestUnits.forEach((u, i) => {
    const row = slow.addRow([i + 1, u.name, u.resolved, formatMinutes(u.resolveMinutesMedian), formatMinutes(u.resolveMinutesMean), formatKpi('resolvedOnTimeRate', u.resolvedOnTimeRate)]);
    if (u.unitId === r.unitId) row.font = bold;
  });

  const top = wb.addWorksheet('主要问题');
  top.columns = [{ width: 8 }, { width: 10 }, { width: 28 }, { width: 10 }, { width: 10 }];
  header(top, ['排名', '编码', '问题分类', '本月', '上月']);
  r.topProblems.forEach((p, i) => top.addRow([i + 1, p.code, p.name, p.count, p.previousCount]));

  return Buffer.from(await wb.xlsx.writeBuffer());
}
