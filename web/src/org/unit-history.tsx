import { Empty, Skeleton, Timeline, Typography } from 'antd';
import type { Unit, UnitHistoryEntry } from './org-api.js';
import { useUnitHistory } from './org-api.js';
import type { MessageKey } from '../i18n/messages.js';
import { useI18n } from '../i18n/i18n-context.js';
import { formatDateTime } from '../app/format.js';

const fieldKeys: Record<string, MessageKey> = {
  name: 'org.name',
  kind: 'org.kind',
  code: 'org.code',
  parentId: 'org.parent',
  boundary: 'org.field.boundary',
  gridWorkerId: 'org.field.gridWorker',
};

const actionKeys: Record<string, MessageKey> = {
  unit_created: 'org.action.create',
  unit_updated: 'org.action.update',
  unit_moved: 'org.action.move',
  unit_renamed: 'org.action.rename',
  grid_updated: 'org.action.gridUpdate',
};

/** Shows one unit's recorded changes: when, who, and each field's before and after. */
export function UnitHistory({ unitId, units }: { unitId: string; units: readonly Unit[] }) {
  const history = useUnitHistory(unitId);
  const { t, lang, unitKindName } = useI18n();
  if (history.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (history.error) return <Typography.Text type="danger">{history.error.message}</Typography.Text>;
  const items = history.data ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.noHistory')} />;

  const isEmpty = (value: unknown) => value === null || value === undefined || value === '';
  const show = (field: string, value: unknown): string => {
    if (isEmpty(value)) return '—';
    if (field === 'boundary') return t('org.changed');
    if (field === 'parentId') return units.find((u) => u.id === value)?.name ?? String(value);
    if (field === 'kind') return unitKindName(String(value));
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const actionName = (entry: UnitHistoryEntry) => {
    const key = actionKeys[entry.action];
    return key ? t(key) : entry.action;
  };

  return (
    <Timeline
      data-testid="unit-history"
      items={items.map((entry, i) => ({
        key: `${entry.at}-${i}`,
        content: (
          <div className="history-entry">
            <div className="history-head">
              <strong>{actionName(entry)}</strong>
              <span className="history-meta">
                {formatDateTime(entry.at, lang)} · {entry.actor?.displayName ?? t('org.system')}
              </span>
            </div>
            {Object.entries(entry.changes ?? {}).map(([field, change]) => (
              <div key={field} className="history-change">
                <span className="history-field">{fieldKeys[field] ? t(fieldKeys[field]) : field}</span>
                {!isEmpty(change.before) && (
                  <>
                    <span className="history-before">{show(field, change.before)}</span>
                    <span className="history-arrow">→</span>
                  </>
                )}
                <span className="history-after">{show(field, change.after)}</span>
              </div>
            ))}
            {entry.reason && (
              <div className="history-change">
                <span className="history-field">{t('org.reason')}</span>
                <span>{entry.reason}</span>
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
