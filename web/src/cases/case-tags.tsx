import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { caseLabel, spanText, statusColor } from './case-labels.js';
import { countdown, spanParts, urgencyTone } from './deadline.js';
import type { Card } from './case-types.js';
import { formatDateTime } from '../app/format.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The status of a case as a coloured tag. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Tag color={statusColor[status] ?? 'default'} data-testid="case-status" data-status={status}>
      {caseLabel(t, 'status', status)}
    </Tag>
  );
}

/** The red 紧急 tag of an urgent case; nothing for a normal one. */
export function UrgentTag({ urgency }: { urgency: string }) {
  const { t } = useI18n();
  if (urgency !== 'urgent') return null;
  return (
    <Tag color="red" variant="solid" data-testid="case-urgent">
      {t('case.urgency.urgent')}
    </Tag>
  );
}

/** Yellow or red card, buck-passing and escalation flags; nothing when there is nothing to flag. */
export function WarningTags({ card, buckPassing, escalationLevel }: { card: Card; buckPassing?: boolean; escalationLevel?: number }) {
  const { t } = useI18n();
  return (
    <>
      {card !== 'none' && (
        <Tag color={card === 'red' ? 'red' : 'gold'} data-testid={`case-card-${card}`}>
          {caseLabel(t, 'card', card)}
        </Tag>
      )}
      {buckPassing && (
        <Tag color="volcano" data-testid="case-buck-passing">
          {t('case.buckPassing')}
        </Tag>
      )}
      {!!escalationLevel && <Tag color="purple">{t('case.escalation', { level: escalationLevel })}</Tag>}
    </>
  );
}

/** The current time, refreshed every `everyMs`, for countdowns that must keep moving while a page stays open. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "剩余 5小时" or "已超时 2小时", coloured by the card and the time left; the exact deadline on hover. */
export function DeadlineText({ dueAt, card = 'none' }: { dueAt: string | null; card?: Card }) {
  const { t, lang } = useI18n();
  const now = useNow();
  const c = countdown(dueAt, now);
  if (!c || !dueAt) return <span className="deadline deadline-none">{t('case.noDeadline')}</span>;
  const tone = urgencyTone(c, card);
  const text = t(c.overdue ? 'case.overdueBy' : 'case.dueIn', { span: spanText(t, spanParts(c)) });
  return (
    <Tooltip title={formatDateTime(dueAt, lang)}>
      <span className={`deadline deadline-${tone}`} data-testid="case-deadline" data-overdue={c.overdue}>
        <ClockCircleOutlined /> {text}
      </span>
    </Tooltip>
  );
}
