import type { ReactNode } from 'react';
import { Empty, Skeleton } from 'antd';

interface Props {
  title: ReactNode;
  /** Controls at the right of the heading (a chart type, a metric). */
  extra?: ReactNode;
  /** Grid placement: one of the areas cockpit.css lays out (trend, share, map, league, hot, reports). */
  area: string;
  loading?: boolean;
  empty?: boolean;
  emptyText?: string;
  testId?: string;
  children: ReactNode;
}

/** One figure of the cockpit: heading, controls and body, styled for the page and for the dark wall display alike. */
export function Panel({ title, extra, area, loading, empty, emptyText, testId, children }: Props) {
  return (
    <section className={`cockpit-panel cockpit-area-${area}`} data-testid={testId}>
      <header className="cockpit-panel-head">
        <h2>{title}</h2>
        {extra && <div className="cockpit-panel-extra">{extra}</div>}
      </header>
      <div className="cockpit-panel-body">
        {loading ? <Skeleton active paragraph={{ rows: 5 }} /> : empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> : children}
      </div>
    </section>
  );
}
