import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { Link } from 'react-router';
import { DeadlineText, StatusTag, UrgentTag, WarningTags } from './case-tags.js';
import { caseLabel } from './case-labels.js';
import type { CaseSummary } from './case-types.js';
import { formatDateTime } from '../app/format.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Props {
  item: CaseSummary;
  /** Buttons under the card (the handler's 签收 / 退回 / 办结). */
  actions?: ReactNode;
  /** Show the deadline countdown (open work) rather than when it was reported. */
  showDeadline?: boolean;
}

/**
 * One case as a card: number and status first, then what and where. The whole card is a link to the case page;
 * the card's border follows the warning card (yellow / red) so overdue work stands out in a list.
 */
export function CaseCard({ item, actions, showDeadline }: Props) {
  const { t, lang } = useI18n();
  const where = [item.categoryName, item.gridName, item.leadUnitName].filter(Boolean).join(' · ');
  return (
    <div className={`case-card case-card-${item.card}`} data-testid="case-card" data-case-number={item.number}>
      <Link to={`/cases/${item.id}`} className="case-card-link">
        <div className="case-card-head">
          <span className="case-number">{item.number}</span>
          <span className="case-card-tags">
            <UrgentTag urgency={item.urgency} />
            <StatusTag status={item.status} />
          </span>
        </div>
        <div className="case-card-title">{item.title}</div>
        {where && <div className="case-card-meta">{where}</div>}
        <div className="case-card-foot">
          {showDeadline ? (
            <DeadlineText dueAt={item.dueAt} card={item.card} />
          ) : (
            <Typography.Text type="secondary">{formatDateTime(item.receivedAt, lang)}</Typography.Text>
          )}
          <span>
            <WarningTags card={item.card} buckPassing={item.buckPassing} escalationLevel={item.escalationLevel} />
            {item.rating && <span className="case-rating">{caseLabel(t, 'rating', item.rating)}</span>}
            {item.anonymous && <span className="case-anon">{t('case.anonymous')}</span>}
          </span>
        </div>
      </Link>
      {actions && <div className="case-card-actions">{actions}</div>}
    </div>
  );
}
