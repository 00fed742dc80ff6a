import { useState } from 'react';
import { Button, Empty, Pagination, Result, Segmented, Skeleton } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import type { CaseStatus } from '../../../common/cases.js';
import { CaseCard } from './case-card.js';
import { useCaseLiveRefresh } from './case-events.js';
import { useCases } from './cases-api.js';
import { FollowingList } from './following-list.js';
import { useI18n } from '../i18n/i18n-context.js';
import './cases.css';

type Filter = 'all' | 'open' | 'toRate' | 'done' | 'following';

const statusesOf: Record<Filter, CaseStatus[] | undefined> = {
  all: undefined,
  open: ['received', 'dispatched', 'accepted', 'in_progress', 'returned', 'suspended'],
  toRate: ['resolved', 'verified'],
  done: ['closed', 'merged'],
  following: undefined,
};

/**
 * 我的上报 (/cases/mine): the reports the user made, openly or anonymously, newest first; a tap opens the case. The
 * last tab (`?view=following`) lists the cases the user follows instead of reporting them again.
 */
export function MyReportsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [filter, setFilterState] = useState<Filter>(params.get('view') === 'following' ? 'following' : 'all');
  const setFilter = (f: Filter) => {
    setFilterState(f);
    setParams(f === 'following' ? { view: 'following' } : {}, { replace: true });
  };
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const cases = useCases({ mine: true, status: statusesOf[filter], page, pageSize }, { enabled: filter !== 'following' });
  useCaseLiveRefresh();

  return (
    <div className="case-page-narrow" data-testid="my-reports" data-ready={filter === 'following' || cases.isSuccess}>
      <div className="page-header">
        <h1>{t('menu.caseMine')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cases/new')}>
          {t('menu.caseNew')}
        </Button>
      </div>
      <Segmented<Filter>
        block
        value={filter}
        onChange={(f) => {
          setFilter(f);
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('mine.all') },
          { value: 'open', label: t('mine.open') },
          { value: 'toRate', label: t('mine.toRate') },
          { value: 'done', label: t('mine.done') },
          { value: 'following', label: t('mine.following') },
        ]}
        className="case-filter"
      />
      {filter === 'following' ? (
        <FollowingList />
      ) : cases.error ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={cases.error.message} />
      ) : !cases.data ? (
        <Skeleton active />
      ) : cases.data.items.length === 0 ? (
        <Empty description={t('mine.empty')} data-testid="my-reports-empty" />
      ) : (
        <>
          <div className="case-list">
            {cases.data.items.map((item) => (
              <CaseCard key={item.id} item={item} />
            ))}
          </div>
          {cases.data.total > pageSize && (
            <Pagination simple current={page} pageSize={pageSize} total={cases.data.total} onChange={setPage} className="case-pagination" />
          )}
        </>
      )}
    </div>
  );
}
