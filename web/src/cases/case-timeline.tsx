import { useMemo } from 'react';
import { Timeline, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { caseLabel } from './case-labels.js';
import type { TimelineEntry } from './case-types.js';
import type { NameLookup } from './name-lookup.js';
import { changeLines } from './timeline-changes.js';
import type { ChangeContext } from './timeline-changes.js';
import { formatDateTime } from '../app/format.js';
import { useI18n } from '../i18n/i18n-context.js';

const dotColor: Record<string, string> = {
  returned: 'red',
  warned: 'orange',
  escalated: 'red',
  suspend_rejected: 'red',
  reopened: 'orange',
  resolved: 'green',
  closed: 'green',
  rated: 'green',
  assist_resolved: 'green',
};

/** 全程留痕: every step of the case — when, who (or 匿名 / 系统), what in Chinese, the reason and what changed. */
export function CaseTimeline({ entries, names }: { entries: readonly TimelineEntry[]; names: NameLookup }) {
  const { t, lang, roleName } = useI18n();
  const ctx = useMemo<ChangeContext>(
    () => ({
      label: (kind, value) => caseLabel(t, kind, value),
      unit: names.unit,
      category: names.category,
      dateTime: (iso) => formatDateTime(iso, lang),
      yesNo: (v) => t(v ? 'case.yes' : 'case.no'),
    }),
    [t, names, lang],
  );
  const who = (e: TimelineEntry) => {
    if (!e.actor) return t('case.anonymous');
    if (e.actor.role === 'system') return t('case.system');
    if (!e.actor.role) return e.actor.displayName;
    return lang === 'en' ? `${e.actor.displayName} (${roleName(e.actor.role)})` : `${e.actor.displayName}（${roleName(e.actor.role)}）`;
  };

  return (
    <Timeline
      className="case-timeline"
      data-testid="case-timeline"
      items={entries.map((e) => {
        const lines = changeLines(e.changes, ctx);
        return {
          key: String(e.id),
          color: dotColor[e.action] ?? 'blue',
          // Everything in one column: a label column beside the dots would squeeze the text on a phone.
          content: (
            <div className="timeline-entry" data-testid="timeline-entry" data-action={e.action}>
              <div className="timeline-head">
                <strong className="timeline-action">{caseLabel(t, 'event', e.action)}</strong>
                <Typography.Text type="secondary" className="timeline-actor">
                  {who(e)}
                </Typography.Text>
                <span className="timeline-time">{formatDateTime(e.at, lang)}</span>
              </div>
              {e.reason && <div className="timeline-reason">{e.reason}</div>}
              {lines.length > 0 && (
                <ul className="timeline-changes">
                  {lines.map((l) => (
                    <li key={l.field}>
                      <span className="timeline-field">
                        {l.field}
                        {lang === 'en' ? ': ' : '：'}
                      </span>
                      {l.before !== null && (
                        <>
                          <span className="timeline-before">{l.before}</span> →{' '}
                        </>
                      )}
                      <span className="timeline-after">{l.after}</span>
                    </li>
                  ))}
                </ul>
              )}
              {e.attachments && e.attachments.length > 0 && (
                <div className="timeline-files">
                  <PaperClipOutlined /> {e.attachments.map((a) => a.name).join('、')}
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
