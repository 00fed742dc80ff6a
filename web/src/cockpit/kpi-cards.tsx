import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { KpiName, SummaryReply } from './cockpit-types.js';
import type { DrillTarget } from './drill.js';
import { formatChange, formatKpi } from './kpi-format.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The KPIs on the cards, in reading order: volume, speed and quality of the work, then what went wrong. */
export const cardKpis: readonly KpiName[] = [
  'received', 'resolutionRate', 'resolvedOnTimeRate', 'acceptedOnTimeRate', 'firstResponse48hRate',
  'satisfactionRate', 'resolveMinutesMedian', 'overdue', 'buckPassing', 'reopenRate',
];

/** The headline KPIs of the period, each with its change against the previous period; a click lists its cases. */
export function KpiCards({ summary, onDrill }: { summary: SummaryReply; onDrill: (target: DrillTarget) => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="kpi-cards" data-testid="kpi-cards">
      {cardKpis.map((k) => {
        const change = formatChange(k, summary.change[k], lang);
        const label = t(`kpi.${k}`);
        const drill = () => onDrill({ title: label, kpi: k, narrow: {} });
        return (
          <div
            key={k}
            className="kpi-card"
            role="button"
            tabIndex={0}
            onClick={drill}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && drill()}
            data-testid={`kpi-${k}`}
            data-value={summary.kpis[k] ?? ''}
          >
            <div className="kpi-label">{label}</div>
            <div className="kpi-value" data-testid="kpi-value">
              {formatKpi(k, summary.kpis[k], lang)}
            </div>
            <div className={`kpi-change kpi-change-${change.tone}`} title={t('cockpit.previousText', { ...summary.previous })}>
              <span className="kpi-change-label">{t('cockpit.vsPrevious')}</span>
              {change.direction === 'up' && <ArrowUpOutlined />}
              {change.direction === 'down' && <ArrowDownOutlined />}
              <span>{change.text}</span>
            </div>
          </div>
        );
      })}
    </div>
  );
}
