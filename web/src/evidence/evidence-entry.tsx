import { Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { AuditEntry } from './evidence-types.js';
import type { EntryCheck } from './verify-bundle.js';
import { VerdictTag } from './evidence-status.js';
import { caseLabel } from '../cases/case-labels.js';
import { changeLines } from '../cases/timeline-changes.js';
import type { ChangeContext } from '../cases/timeline-changes.js';
import { formatDateTime } from '../app/format.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Props {
  entry: AuditEntry;
  check: EntryCheck;
  ctx: ChangeContext;
  /** Display names of actors, from the case's timeline (the entry itself carries only ids). */
  actorName: (id: string) => string | undefined;
}

/** One recorded step as the log holds it — when, what, who in which role, every field — with its own verdict. */
export function EvidenceEntry({ entry, check, ctx, actorName }: Props) {
  const { t, lang, roleName } = useI18n();
  const e = entry;
  const lines = changeLines(e.changes, ctx);
  const colon = lang === 'en' ? ': ' : '：';
  const role = e.actorRole === 'system' ? t('case.system') : e.actorRole ? roleName(e.actorRole) : t('case.anonymous');
  const name = e.actorId ? actorName(e.actorId) : undefined;
  return (
    <li className={`evidence-entry evidence-entry-${check.status}`} data-testid="evidence-entry" data-status={check.status} data-action={e.action}>
      <div className="evidence-entry-head">
        <strong>{caseLabel(t, 'event', e.action)}</strong>
        <Typography.Text type="secondary" className="evidence-actor">
          {name ? (lang === 'en' ? `${name} (${role})` : `${name}（${role}）`) : role}
        </Typography.Text>
        <VerdictTag verdict={check.status} problems={check.problems} testId="evidence-entry-verdict" />
      </div>
      <div className="evidence-entry-meta">
        <span>{formatDateTime(e.at, lang)}</span>
        {e.unitId && (
          <span>
            {t('evidence.unit')}
            {colon}
            {ctx.unit(e.unitId) ?? e.unitId}
          </span>
        )}
      </div>
      {e.reason && (
        <div className="evidence-entry-reason">
          {t('evidence.reason')}
          {colon}
          {e.reason}
        </div>
      )}
      {lines.length > 0 && (
        <ul className="timeline-changes">
          {lines.map((l) => (
            <li key={l.field}>
              <span className="timeline-field">
                {l.field}
                {colon}
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
      <div className="evidence-hash" title={check.leafHash ?? ''}>
        {t('evidence.seq')} {e.seq} · {t('evidence.leafHash')} {check.leafHash ? `${check.leafHash.slice(0, 16)}…` : '—'}
      </div>
    </li>
  );
}
