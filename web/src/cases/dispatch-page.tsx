import { useState } from 'react';
import { Badge, Button, Card, Empty, Result, Skeleton, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useCaseLiveRefresh } from './case-events.js';
import { DeadlineText, StatusTag, UrgentTag, WarningTags } from './case-tags.js';
import type { CaseDetail, CaseSummary } from './case-types.js';
import { casesKey, useCases } from './cases-api.js';
import { DispatchDrawer } from './dispatch-drawer.js';
import { api } from '../app/api.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useI18n } from '../i18n/i18n-context.js';
import './cases.css';

const queueStatuses = ['received', 'returned'] as const;

/** The suggested unit of each case in the queue: list items do not carry it, the case pages do (and are cached). */
function useSuggestions(items: readonly CaseSummary[]): Map<string, { name: string } | null | undefined> {
  const results = useQueries({
    queries: items.map((item) => ({
      queryKey: [...casesKey, 'detail', item.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<CaseDetail>(`/api/cases/${encodeURIComponent(item.id)}`, { signal }),
      staleTime: 10_000,
    })),
  });
  return new Map(items.map((item, i) => [item.id, results[i]?.data ? results[i].data.suggestedUnit : undefined]));
}

/** 派单工作台 (/cases/dispatch): the incoming queue, urgent first, refreshed live; a panel per case to send it on. */
export function DispatchPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const queue = useCases({ status: queueStatuses, page, pageSize: 30 });
  const items = queue.data?.items ?? [];
  const suggestions = useSuggestions(items);
  const live = useCaseLiveRefresh();

  const suggestedCell = (item: CaseSummary) => {
    const s = suggestions.get(item.id);
    if (s === undefined) return <Spin size="small" />;
    return (
      <span className="suggested-unit" data-testid="suggested-unit">
        {s ? s.name : <Typography.Text type="secondary">{t('dispatch.noSuggestion')}</Typography.Text>}
      </span>
    );
  };
  const openButton = (item: CaseSummary) => (
    <Button type="primary" size="small" onClick={() => setOpen(item.id)} data-testid="queue-open">
      {t('dispatch.handle')}
    </Button>
  );

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('case.field.number'),
      key: 'number',
      className: 'nowrap',
      render: (_, item) => (
        <span className="queue-number">
          <span className="case-number">{item.number}</span>
          <UrgentTag urgency={item.urgency} />
        </span>
      ),
    },
    {
      title: t('dispatch.content'),
      key: 'title',
      render: (_, item) => (
        <div className="queue-title">
          <div>{item.title}</div>
          <Typography.Text type="secondary" className="queue-sub">
            {[item.categoryName, item.gridName].filter(Boolean).join(' · ') || '—'}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('dispatch.suggested'), key: 'suggested', render: (_, item) => suggestedCell(item) },
    {
      title: t('case.field.status'),
      key: 'status',
      className: 'nowrap',
      render: (_, item) => (
        <>
          <StatusTag status={item.status} />
          <WarningTags card={item.card} buckPassing={item.buckPassing} />
        </>
      ),
    },
    { title: t('caseView.due'), key: 'due', className: 'nowrap', render: (_, item) => <DeadlineText dueAt={item.dueAt} card={item.card} /> },
    { title: t('common.actions'), key: 'actions', render: (_, item) => openButton(item) },
  ];

  return (
    <div className="dispatch-page" data-testid="dispatch-page" data-ready={queue.isSuccess}>
      <div className="page-header">
        <h1>{t('menu.caseDispatch')}</h1>
        <span className="page-header-side">
          {queue.data && <Typography.Text type="secondary">{t('dispatch.waiting', { total: queue.data.total })}</Typography.Text>}
          <Badge status={live ? 'processing' : 'default'} text={live ? t('case.live') : t('case.liveOff')} />
        </span>
      </div>
      {queue.error ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={queue.error.message} />
      ) : isPhone ? (
        !queue.data ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description={t('dispatch.empty')} data-testid="queue-empty" />
        ) : (
          <div className="case-list" data-testid="queue">
            {items.map((item) => (
              <div key={item.id} className={`case-card case-card-${item.card}`} data-testid="queue-row" data-case-number={item.number} onClick={() => setOpen(item.id)}>
                <div className="case-card-head">
                  <span className="case-number">{item.number}</span>
                  <span className="case-card-tags">
                    <UrgentTag urgency={item.urgency} />
                    <StatusTag status={item.status} />
                  </span>
                </div>
                <div className="case-card-title">{item.title}</div>
                <div className="case-card-meta">
                  {t('dispatch.suggested')}：{suggestedCell(item)}
                </div>
                <div className="case-card-foot">
                  <DeadlineText dueAt={item.dueAt} card={item.card} />
                  {openButton(item)}
                </div>
              </div>
            ))}
          </div>
        )
      ) : (
        <Card size="small">
          <Table<CaseSummary>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={queue.isLoading}
            size="middle"
            data-testid="queue"
            locale={{ emptyText: <Empty description={t('dispatch.empty')} data-testid="queue-empty" /> }}
            onRow={(item) => ({ 'data-testid': 'queue-row', 'data-case-number': item.number, className: item.urgency === 'urgent' ? 'queue-urgent' : undefined }) as React.HTMLAttributes<HTMLElement>}
            pagination={{ current: page, pageSize: 30, total: queue.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          />
        </Card>
      )}
      <DispatchDrawer caseId={open} onClose={() => setOpen(null)} />
    </div>
  );
}
