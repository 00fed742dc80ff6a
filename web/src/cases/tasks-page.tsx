import { useState } from 'react';
import { App, Badge, Button, Empty, Pagination, Result, Segmented, Skeleton, Typography } from 'antd';
import { ActionModal } from './action-modal.js';
import { CaseCard } from './case-card.js';
import { useCaseLiveRefresh } from './case-events.js';
import { caseLabel } from './case-labels.js';
import type { CaseAction, CaseDetail, CaseGone, CaseSummary } from './case-types.js';
import { isCaseDetail, useCaseAction, useCases } from './cases-api.js';
import { useUser } from '../app/user-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import './cases.css';

const workStatuses = ['dispatched', 'accepted', 'in_progress'] as const;
type Scope = 'unit' | 'all';

/** What the lead unit can do next from each status (the case page offers exactly what the server allows). */
function nextActions(item: CaseSummary): CaseAction[] {
  if (item.status === 'dispatched') return ['accept', 'return'];
  if (item.status === 'accepted') return ['resolve', 'request_suspend', 'return'];
  if (item.status === 'in_progress') return ['resolve', 'request_suspend'];
  return [];
}

/**
 * 我的任务 (/cases/tasks): the open cases of the user's unit with deadline countdowns, and the steps a handler takes
 * from the list — 签收, 退回 with a reason, 办结 with a reply and photos, 申请挂起. Refreshed live.
 */
export function TasksPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const [scope, setScope] = useState<Scope>('unit');
  const [page, setPage] = useState(1);
  const [acting, setActing] = useState<{ item: CaseSummary; action: CaseAction } | null>(null);
  const pageSize = 20;
  const unitId = scope === 'unit' ? (user.unitId ?? undefined) : undefined;
  const cases = useCases({ status: workStatuses, unitId, page, pageSize });
  const act = useCaseAction();
  const live = useCaseLiveRefresh();

  const done = (item: CaseSummary, action: CaseAction) => (answer: CaseDetail | CaseGone) => {
    if (!isCaseDetail(answer)) void message.info(t('case.goneFromView', { number: item.number, action: caseLabel(t, 'do', action) }));
  };
  const run = async (item: CaseSummary, action: CaseAction) => {
    try {
      const answer = await act.mutateAsync({ id: item.id, action });
      void message.success(t('case.done', { action: caseLabel(t, 'do', action) }));
      done(item, action)(answer);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const actionsOf = (item: CaseSummary) => {
    // Buttons only where the user's unit leads; assisting work is done from the case page, which knows the task.
    if (item.leadUnitId !== user.unitId) return undefined;
    return nextActions(item).map((action) => (
      <Button
        key={action}
        size="small"
        type={action === 'accept' || action === 'resolve' ? 'primary' : 'default'}
        danger={action === 'return'}
        loading={act.isPending && act.variables?.id === item.id && act.variables.action === action}
        onClick={() => (action === 'accept' ? void run(item, action) : setActing({ item, action }))}
        data-testid={`task-${action}`}
      >
        {caseLabel(t, 'do', action)}
      </Button>
    ));
  };

  return (
    <div className="case-page-narrow" data-testid="tasks-page" data-ready={cases.isSuccess}>
      <div className="page-header">
        <h1>{t('menu.caseTasks')}</h1>
        <span className="page-header-side">
          {cases.data && <Typography.Text type="secondary">{t('case.total', { total: cases.data.total })}</Typography.Text>}
          <Badge status={live ? 'processing' : 'default'} text={live ? t('case.live') : t('case.liveOff')} />
        </span>
      </div>
      <Segmented<Scope>
        block
        value={scope}
        onChange={(s) => {
          setScope(s);
          setPage(1);
        }}
        options={[
          { value: 'unit', label: t('tasks.myUnit') },
          { value: 'all', label: t('tasks.allVisible') },
        ]}
        className="case-filter"
      />
      {cases.error ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={cases.error.message} />
      ) : !cases.data ? (
        <Skeleton active />
      ) : cases.data.items.length === 0 ? (
        <Empty description={t('tasks.empty')} data-testid="tasks-empty" />
      ) : (
        <>
          <div className="case-list">
            {cases.data.items.map((item) => (
              <CaseCard key={item.id} item={item} showDeadline actions={actionsOf(item)} />
            ))}
          </div>
          {cases.data.total > pageSize && (
            <Pagination simple current={page} pageSize={pageSize} total={cases.data.total} onChange={setPage} className="case-pagination" />
          )}
        </>
      )}
      {acting && (
        <ActionModal c={acting.item} action={acting.action} onClose={() => setActing(null)} onDone={done(acting.item, acting.action)} />
      )}
    </div>
  );
}
