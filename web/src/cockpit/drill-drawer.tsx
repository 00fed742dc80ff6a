import { useEffect, useState } from 'react';
import { Alert, Drawer, Empty, Pagination, Skeleton, Typography } from 'antd';
import { useDrillCases } from './cockpit-api.js';
import type { CockpitFilters } from './cockpit-filters.js';
import type { DrillTarget } from './drill.js';
import { CaseCard } from '../cases/case-card.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useI18n } from '../i18n/i18n-context.js';
import '../cases/cases.css';

const PAGE_SIZE = 10;

interface Props {
  filters: CockpitFilters;
  target: DrillTarget | null;
  onClose: () => void;
  /** Where the drawer is put: inside the cockpit while it is full screen (only that element is shown then). */
  container: HTMLElement | null;
}

/** The cases behind a figure, a page at a time, each linking to its case page; the total is the figure itself. */
export function DrillDrawer({ filters, target, onClose, container }: Props) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [target]);
  const cases = useDrillCases(filters, target, page, PAGE_SIZE);
  const data = cases.data;

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={target?.title}
      size={isPhone ? '100%' : 560}
      getContainer={container ?? undefined}
      destroyOnHidden
      className="drill-drawer"
      data-testid="drill-drawer"
    >
      {cases.error ? (
        <Alert type="error" showIcon title={t('common.loadFailed')} description={cases.error.message} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <div className="drill-body" data-testid="drill-list" data-total={data.total} data-page={data.page}>
          <Typography.Text type="secondary" data-testid="drill-total">
            {t('cockpit.drill.total', { total: data.total })}
          </Typography.Text>
          {data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <div className="case-list">
              {data.items.map((item) => (
                <CaseCard key={item.id} item={item} />
              ))}
            </div>
          )}
          {data.total > PAGE_SIZE && (
            <Pagination className="case-pagination" size="small" current={page} pageSize={PAGE_SIZE} total={data.total} showSizeChanger={false} onChange={setPage} />
          )}
        </div>
      )}
    </Drawer>
  );
}
