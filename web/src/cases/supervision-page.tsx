import { useState } from 'react';
import { Badge, Card, Col, Empty, Result, Row, Skeleton, Statistic, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { CaseCard } from './case-card.js';
import { useCaseLiveRefresh } from './case-events.js';
import { DeadlineText, StatusTag, UrgentTag, WarningTags } from './case-tags.js';
import type { CaseSummary } from './case-types.js';
import { CaseSupervision } from './case-work.js';
import { useCase, useCases } from './cases-api.js';
import { useNameLookup } from './name-lookup.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useI18n } from '../i18n/i18n-context.js';
import './cases.css';

type Board = 'red' | 'yellow';

/** The supervision orders of one case, read when its row is opened. */
function OrdersOf({ id }: { id: string }) {
  const c = useCase(id);
  const names = useNameLookup(c.data);
  if (!c.data) return <Skeleton active paragraph={{ rows: 1 }} />;
  return <CaseSupervision orders={c.data.supervisionOrders} pauses={c.data.pauses} names={names} />;
}

/** 督办看板 (/cases/supervision): yellow- and red-card cases with counts, buck-passing and escalation; refreshed live. */
export function SupervisionPage() {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [board, setBoard] = useState<Board>('red');
  const red = useCases({ card: 'red', pageSize: 100 });
  const yellow = useCases({ card: 'yellow', pageSize: 100 });
  const live = useCaseLiveRefresh();
  const shown = board === 'red' ? red : yellow;
  const loaded = [...(red.data?.items ?? []), ...(yellow.data?.items ?? [])];
  const error = red.error ?? yellow.error;

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('case.field.number'),
      key: 'number',
      className: 'nowrap',
      render: (_, item) => (
        <Link to={`/cases/${item.id}`} className="case-number">
          {item.number}
        </Link>
      ),
    },
    {
      title: t('dispatch.content'),
      key: 'title',
      render: (_, item) => (
        <span>
          <UrgentTag urgency={item.urgency} />
          {item.title}
        </span>
      ),
    },
    { title: t('case.field.leadUnitId'), key: 'lead', render: (_, item) => item.leadUnitName ?? '—' },
    { title: t('case.field.status'), key: 'status', className: 'nowrap', render: (_, item) => <StatusTag status={item.status} /> },
    { title: t('caseView.due'), key: 'due', className: 'nowrap', render: (_, item) => <DeadlineText dueAt={item.dueAt} card={item.card} /> },
    {
      title: t('supervision.flags'),
      key: 'flags',
      render: (_, item) => <WarningTags card={item.card} buckPassing={item.buckPassing} escalationLevel={item.escalationLevel} />,
    },
  ];

  const list = (items: CaseSummary[]) =>
    isPhone ? (
      <div className="case-list">
        {items.map((item) => (
          <CaseCard key={item.id} item={item} showDeadline />
        ))}
      </div>
    ) : (
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        expandable={{ expandedRowRender: (item) => <OrdersOf id={item.id} />, columnTitle: '' }}
        onRow={(item) => ({ 'data-testid': 'supervision-row', 'data-case-number': item.number }) as React.HTMLAttributes<HTMLElement>}
      />
    );

  return (
    <div className="supervision-page" data-testid="supervision-page" data-ready={red.isSuccess && yellow.isSuccess}>
      <div className="page-header">
        <h1>{t('menu.caseSupervision')}</h1>
        <Badge status={live ? 'processing' : 'default'} text={live ? t('case.live') : t('case.liveOff')} />
      </div>
      {error ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={error.message} />
      ) : (
        <>
          <Row gutter={[12, 12]} className="supervision-stats">
            <Col xs={12} md={6}>
              <Card size="small" className="stat-red">
                <Statistic title={t('case.card.red')} value={red.data?.total ?? '—'} data-testid="count-red" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" className="stat-yellow">
                <Statistic title={t('case.card.yellow')} value={yellow.data?.total ?? '—'} data-testid="count-yellow" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('case.buckPassing')} value={loaded.filter((x) => x.buckPassing).length} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('supervision.escalated')} value={loaded.filter((x) => x.escalationLevel > 0).length} />
              </Card>
            </Col>
          </Row>
          <Card size="small">
            <Tabs
              activeKey={board}
              onChange={(k) => setBoard(k as Board)}
              items={(['red', 'yellow'] as const).map((key) => ({
                key,
                label: `${t(key === 'red' ? 'case.card.red' : 'case.card.yellow')} ${(key === 'red' ? red : yellow).data?.total ?? ''}`,
              }))}
            />
            {!shown.data ? (
              <Skeleton active />
            ) : shown.data.items.length === 0 ? (
              <Empty description={t('supervision.empty')} data-testid="supervision-empty" />
            ) : (
              list(shown.data.items)
            )}
            {shown.data && shown.data.total > shown.data.items.length && (
              <Typography.Text type="secondary">{t('supervision.more', { shown: shown.data.items.length, total: shown.data.total })}</Typography.Text>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
