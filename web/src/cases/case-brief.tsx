import { Descriptions, Typography } from 'antd';
import { caseLabel } from './case-labels.js';
import { DeadlineText, StatusTag, UrgentTag, WarningTags } from './case-tags.js';
import type { CaseDetail } from './case-types.js';
import { formatDateTime } from '../app/format.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Who reported: the user, 匿名, or a hotline caller (masked). */
export function reporterText(c: CaseDetail, anonymous: string): string {
  if (c.anonymous) return anonymous;
  const caller = c.contact ? [c.contact.name, c.contact.phoneMasked].filter(Boolean).join(' ') : '';
  return [c.reporter?.displayName, caller].filter(Boolean).join(' · ') || '—';
}

/** Where: the grid and the address or coordinates as the reporter gave them. */
export function placeText(c: CaseDetail): string {
  const coords = c.location?.lng != null && c.location?.lat != null ? `${c.location.lng.toFixed(5)}, ${c.location.lat.toFixed(5)}` : null;
  return [c.gridName, c.location?.address, c.location?.address ? null : coords].filter(Boolean).join(' · ') || '—';
}

/** 'N 人关注' when people follow the case instead of reporting it again; nothing when none do. */
export function followersItem(c: CaseDetail, t: ReturnType<typeof useI18n>['t']) {
  return c.followers ? [{ key: 'followers', label: t('caseView.followers'), children: <span data-testid="case-followers">{t('caseView.followersCount', { n: c.followers })}</span> }] : [];
}

/** The essentials a dispatcher reads before sending a case: what, where, who, when, and why it came back. */
export function CaseBrief({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  const lastReturn = [...c.timeline].reverse().find((e) => e.action === 'returned');
  return (
    <div className="case-brief" data-testid="case-brief">
      <div className="case-brief-head">
        <span className="case-number">{c.number}</span>
        <UrgentTag urgency={c.urgency} />
        <StatusTag status={c.status} />
        <WarningTags card={c.card} buckPassing={c.buckPassing} escalationLevel={c.escalationLevel} />
      </div>
      <Typography.Paragraph className="case-brief-text">{c.description}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'category', label: t('report.category'), children: c.category ? `${c.category.name}（${c.category.code}）` : t('common.none') },
          { key: 'place', label: t('report.place'), children: placeText(c) },
          { key: 'reporter', label: t('caseView.reporter'), children: `${reporterText(c, t('case.anonymous'))} · ${caseLabel(t, 'channel', c.channel)}` },
          { key: 'received', label: t('caseView.receivedAt'), children: formatDateTime(c.receivedAt, lang) },
          ...followersItem(c, t),
          { key: 'due', label: t('caseView.due'), children: <DeadlineText dueAt={c.dueAt} card={c.card} /> },
          { key: 'files', label: t('caseView.attachments'), children: c.attachments.length || t('common.none') },
          ...(lastReturn
            ? [{ key: 'returned', label: t('dispatch.lastReturn'), children: `${lastReturn.actor?.displayName ?? ''}：${lastReturn.reason ?? ''}` }]
            : []),
        ]}
      />
    </div>
  );
}
