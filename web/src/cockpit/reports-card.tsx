import { useMemo, useState } from 'react';
import { Input, Pagination, Select } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useReports } from './cockpit-api.js';
import { reportRows } from './chart-data.js';
import { Panel } from './panel.js';
import { useI18n } from '../i18n/i18n-context.js';

const PAGE_SIZE = 6;

/**
 * 月报: the monthly reports the background job stored (the county, each township, each lead unit), as a spreadsheet
 * download or a printable page, by month and unit.
 */
export function ReportsCard() {
  const { t } = useI18n();
  const reports = useReports();
  const rows = useMemo(() => reportRows(reports.data ?? []), [reports.data]);
  const months = useMemo(() => [...new Set(rows.map((r) => r.period))], [rows]);
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const chosen = month ?? months[0];
  const shown = rows.filter((r) => r.period === chosen && r.unitName.includes(search.trim()));

  return (
    <Panel
      area="reports"
      title={t('cockpit.reports')}
      testId="reports-panel"
      loading={reports.isLoading}
      empty={reports.isSuccess && rows.length === 0}
      emptyText={t('cockpit.reports.empty')}
      extra={
        months.length > 0 && (
          <>
            <Select size="small" value={chosen} onChange={(m) => (setMonth(m), setPage(1))} options={months.map((m) => ({ value: m, label: m }))} data-testid="report-month" />
            <Input.Search size="small" allowClear placeholder={t('cockpit.reports.search')} onSearch={(v) => (setSearch(v), setPage(1))} style={{ width: 140 }} />
          </>
        )
      }
    >
      <ul className="report-list" data-testid="report-list">
        {shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => (
          <li key={r.key} data-testid="report-row">
            <span className="report-name">
              {r.unitName}
              <span className="report-period">{r.period}</span>
            </span>
            {r.xlsx && (
              <a href={`/api/cockpit/reports/${r.xlsx.id}?download=true`} download={r.xlsx.filename} data-testid="report-xlsx">
                <FileExcelOutlined /> XLSX
              </a>
            )}
            {r.html && (
              <a href={`/api/cockpit/reports/${r.html.id}`} target="_blank" rel="noopener noreferrer" data-testid="report-print">
                <PrinterOutlined /> {t('cockpit.reports.print')}
              </a>
            )}
          </li>
        ))}
      </ul>
      {shown.length > PAGE_SIZE && <Pagination size="small" simple current={page} pageSize={PAGE_SIZE} total={shown.length} onChange={setPage} className="report-pages" />}
    </Panel>
  );
}
