import { Descriptions, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { caseLabel } from './case-labels.js';
import type { CaseDetail, CasePause, CaseTask, SupervisionOrder } from './case-types.js';
import type { NameLookup } from './name-lookup.js';
import { formatDateTime } from '../app/format.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The units on the case — lead, assisting, rectification — with each task's status, deadlines and reply. */
export function CaseTasks({ tasks }: { tasks: readonly CaseTask[] }) {
  const { t, lang } = useI18n();
  const isPhone = useIsPhone();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : '—');
  if (!tasks.length) return <Typography.Text type="secondary">{t('caseView.noTasks')}</Typography.Text>;
  const columns: TableColumnsType<CaseTask> = [
    {
      title: t('caseView.unit'),
      key: 'unit',
      render: (_, task) => (
        <span>
          <Tag color={task.role === 'lead' ? 'blue' : task.role === 'assist' ? 'cyan' : 'orange'}>{caseLabel(t, 'role', task.role)}</Tag>
          {task.unitName}
        </span>
      ),
    },
    { title: t('case.field.status'), key: 'status', className: 'nowrap', render: (_, task) => caseLabel(t, 'task', task.status) },
    ...(isPhone
      ? []
      : [
          { title: t('caseView.acceptDue'), key: 'acceptDue', className: 'nowrap', render: (_: unknown, task: CaseTask) => when(task.acceptDue) },
          { title: t('caseView.resolveDue'), key: 'resolveDue', className: 'nowrap', render: (_: unknown, task: CaseTask) => when(task.resolveDue) },
        ]),
    { title: t('caseView.taskReply'), key: 'reply', render: (_, task) => task.reply ?? '—' },
  ];
  return (
    <Table<CaseTask>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={tasks as CaseTask[]}
      pagination={false}
      rowClassName={(task) => (task.status === 'cancelled' ? 'task-cancelled' : '')}
      data-testid="case-tasks"
    />
  );
}

/** The deadlines and the moments each step was done, leaving out those that do not apply. */
export function CaseDeadlines({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  const d = c.deadlines;
  const rows: [string, string | null][] = [
    [t('caseView.receivedAt'), d.receivedAt],
    [t('caseView.firstResponseDue'), d.firstResponseDue],
    [t('caseView.dispatchedAt'), d.dispatchedAt],
    [t('caseView.acceptDue'), d.acceptDue],
    [t('caseView.acceptedAt'), d.acceptedAt],
    [t('caseView.resolveDue'), d.resolveDue],
    [t('caseView.resolvedAt'), d.resolvedAt],
    [t('caseView.verifiedAt'), d.verifiedAt],
    [t('caseView.closedAt'), d.closedAt],
  ];
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2 }}
      items={rows.filter(([, v]) => v).map(([label, v]) => ({ key: label, label, children: formatDateTime(v!, lang) }))}
    />
  );
}

/** Supervision orders (督办单) and suspensions (挂起) of the case. */
export function CaseSupervision({ orders, pauses, names }: { orders: readonly SupervisionOrder[]; pauses: readonly CasePause[]; names: NameLookup }) {
  const { t, lang } = useI18n();
  if (!orders.length && !pauses.length) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <div className="case-supervision" data-testid="case-supervision">
      {orders.map((o) => (
        <div key={o.id} className="supervision-order">
          <Tag color="purple">{t('case.escalation', { level: o.level })}</Tag>
          <Tag color={o.status === 'open' ? 'red' : 'default'}>{caseLabel(t, 'order', o.status)}</Tag>
          <span>
            {o.issuedToUnitId ? (names.unit(o.issuedToUnitId) ?? '—') : '—'} · {t('supervision.dueAt')} {formatDateTime(o.dueAt, lang)}
          </span>
          {o.reason && <div className="supervision-reason">{o.reason}</div>}
        </div>
      ))}
      {pauses.map((p) => (
        <div key={p.id} className="supervision-order">
          <Tag>{t('caseView.pause')}</Tag>
          <Tag color={p.status === 'approved' ? 'blue' : p.status === 'pending' ? 'gold' : 'default'}>{caseLabel(t, 'pause', p.status)}</Tag>
          <span>{formatDateTime(p.requestedAt, lang)}</span>
          <div className="supervision-reason">{p.reason}</div>
        </div>
      ))}
    </div>
  );
}
