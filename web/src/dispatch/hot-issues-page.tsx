import { useState } from 'react';
import { Collapse, Empty, Result, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { FireOutlined, RiseOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { HotIssue } from '../../../common/hot-issues.js';
import { useHotIssues } from './hot-issues-api.js';
import { StatusTag } from '../cases/case-tags.js';
import { formatDateTime } from '../app/format.js';
import { useI18n } from '../i18n/i18n-context.js';
import '../cases/cases.css';
import './hot-issues.css';

const periods = [7, 14, 30, 90] as const;

/** The head of one issue: rank, what it is about, where, and its figures. */
function IssueHead({ issue, rank }: { issue: HotIssue; rank: number }) {
  const { t } = useI18n();
  const rising = issue.growth.last7Days > issue.growth.previous7Days;
  return (
    <div className="hot-issue-head" data-testid="hot-issue" data-rank={rank}>
      <span className={`hot-issue-rank ${rank <= 3 ? 'hot-issue-rank-top' : ''}`}>{rank}</span>
      <span className="hot-issue-what">
        <Typography.Text strong data-testid="hot-issue-label">{issue.keywords.join(' · ') || issue.label}</Typography.Text>
        <Typography.Text type="secondary">{issue.placeName ?? t('hot.unplaced')}</Typography.Text>
      </span>
      <Space wrap size={4} className="hot-issue-figures">
        <Tag color="volcano" icon={<FireOutlined />}>{t('hot.heat', { n: issue.heat.toFixed(1) })}</Tag>
        <Tag data-testid="hot-issue-cases">{t('hot.cases', { n: issue.cases })}</Tag>
        <Tag>{t('hot.reporters', { n: issue.reporters })}</Tag>
        <Tag color={rising ? 'red' : 'default'} icon={rising ? <RiseOutlined /> : undefined}>
          {t('hot.growth', { last: issue.growth.last7Days, previous: issue.growth.previous7Days })}
        </Tag>
      </Space>
    </div>
  );
}

/** The cases behind an issue, newest first, each a link to its case page. */
function IssueCases({ issue }: { issue: HotIssue }) {
  const { t, lang } = useI18n();
  return (
    <div className="case-list" data-testid="hot-issue-case-list">
      <Typography.Text type="secondary">
        {t('hot.span', { from: formatDateTime(issue.firstAt, lang), to: formatDateTime(issue.lastAt, lang) })}
        {issue.caseList.length < issue.cases ? ` · ${t('hot.shown', { n: issue.caseList.length })}` : ''}
      </Typography.Text>
      {issue.caseList.map((c) => (
        <Link key={c.id} to={`/cases/${c.id}`} className="hot-issue-case" data-testid="hot-issue-case" data-case-number={c.number}>
          <span className="case-number">{c.number}</span>
          <StatusTag status={c.status} />
          <span className="hot-issue-case-title">{c.title}</span>
          <Typography.Text type="secondary">{formatDateTime(c.receivedAt, lang)}</Typography.Text>
        </Link>
      ))}
    </div>
  );
}

/**
 * 热点问题 (/hot-issues): recent reports that say the same thing in the same place, grouped by smart dispatch and
 * ranked by heat (distinct people, reports, growth of the last 7 days), for the leaders who decide what to take up
 * as one problem; each opens onto the cases behind it.
 */
export function HotIssuesPage() {
  const { t } = useI18n();
  const [days, setDays] = useState<number>(14);
  const [level, setLevel] = useState<'township' | 'grid'>('township');
  const hot = useHotIssues(days, level);
  const items = hot.data?.items ?? [];
  return (
    <div className="case-page-narrow hot-issues-page" data-testid="hot-issues" data-ready={hot.isSuccess && !hot.isPlaceholderData}>
      <div className="page-header">
        <h1>{t('menu.hotIssues')}</h1>
      </div>
      <Space wrap className="hot-issues-filters">
        <Segmented<number>
          value={days}
          onChange={setDays}
          options={periods.map((d) => ({ value: d, label: t('hot.days', { n: d }) }))}
          data-testid="hot-issues-days"
        />
        <Segmented<'township' | 'grid'>
          value={level}
          onChange={setLevel}
          options={[
            { value: 'township', label: t('hot.byTownship') },
            { value: 'grid', label: t('hot.byGrid') },
          ]}
          data-testid="hot-issues-level"
        />
      </Space>
      <Typography.Paragraph type="secondary" className="hot-issues-note">
        {t('hot.note')}
      </Typography.Paragraph>
      {hot.error ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={hot.error.message} />
      ) : !hot.data ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={t('hot.empty')} data-testid="hot-issues-empty" />
      ) : (
        <>
          <Collapse
            className="hot-issues-list"
            items={items.map((issue, i) => ({
              key: `${issue.placeId ?? '-'}|${issue.caseIds[0] ?? i}`,
              label: <IssueHead issue={issue} rank={i + 1} />,
              children: <IssueCases issue={issue} />,
            }))}
          />
          <Typography.Paragraph type="secondary" className="hot-issues-foot" data-testid="hot-issues-considered">
            {t(hot.data.truncated ? 'hot.consideredTruncated' : 'hot.considered', { n: hot.data.casesConsidered, days: hot.data.days })}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
