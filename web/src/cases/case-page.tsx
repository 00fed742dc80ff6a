import { Suspense, lazy, useState } from 'react';
import { App, Badge, Card, Col, Descriptions, Result, Row, Skeleton, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { CaseActionBar } from './case-action-bar.js';
import { followersItem, placeText, reporterText } from './case-brief.js';
import { useCaseLiveRefresh } from './case-events.js';
import { CaseFiles } from './case-files.js';
import { caseLabel } from './case-labels.js';
import { DeadlineText, StatusTag, UrgentTag, WarningTags } from './case-tags.js';
import { CaseTimeline } from './case-timeline.js';
import type { CaseAction, CaseDetail, CaseGone } from './case-types.js';
import { CaseDeadlines, CaseSupervision, CaseTasks } from './case-work.js';
import { isCaseDetail, useCase } from './cases-api.js';
import { useNameLookup } from './name-lookup.js';
import { useGridsFor } from './point-picker.js';
import { EvidencePanel } from '../evidence/evidence-panel.js';
import { ApiError } from '../app/api.js';
import { canOpen } from '../app/menu.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useUser } from '../app/user-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import './cases.css';

const LocationMap = lazy(() => import('./location-map.js').then((m) => ({ default: m.LocationMap })));

/** 工单详情 (/cases/:id): the case, its units and deadlines, files, supervision, the full trail and the allowed actions. */
export function CasePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useUser();
  const query = useCase(id);
  const c = query.data;
  const names = useNameLookup(c);
  const withMap = canOpen(user.role, 'org-map');
  const grids = useGridsFor(withMap && c?.location?.lng != null);
  const live = useCaseLiveRefresh();
  const isPhone = useIsPhone();
  // The evidence is read (and checked) only once its tab is opened: the server signs a checkpoint for it.
  const [trailTab, setTrailTab] = useState<'timeline' | 'evidence'>('timeline');

  const onDone = (answer: CaseDetail | CaseGone, action: CaseAction) => {
    if (isCaseDetail(answer)) return;
    // The action took the case out of the user's sight (a unit returned it): back to where their work is.
    void message.info(t('case.goneFromView', { number: answer.number, action: caseLabel(t, 'do', action) }));
    navigate(canOpen(user.role, 'cases-tasks') ? '/cases/tasks' : '/home', { replace: true });
  };

  if (query.error) {
    const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return <Result status={missing ? '404' : 'error'} title={missing ? t('caseView.notFound') : t('common.loadFailed')} subTitle={query.error.message} />;
  }
  if (!c) return <Skeleton active className="case-loading" />;

  const point = c.location?.lng != null && c.location?.lat != null ? { lng: c.location.lng, lat: c.location.lat } : null;
  const info = [
    { key: 'category', label: t('report.category'), children: c.category ? `${c.category.name}（${c.category.code}）` : t('common.none') },
    { key: 'place', label: t('report.place'), children: placeText(c) },
    { key: 'reporter', label: t('caseView.reporter'), children: reporterText(c, t('case.anonymous')) },
    { key: 'channel', label: t('case.field.channel'), children: caseLabel(t, 'channel', c.channel) },
    ...followersItem(c, t),
    { key: 'lead', label: t('case.field.leadUnitId'), children: c.leadUnitName ?? '—' },
    { key: 'suggested', label: t('dispatch.suggested'), children: c.suggestedUnit?.name ?? '—' },
    { key: 'due', label: t('caseView.due'), children: <DeadlineText dueAt={c.dueAt} card={c.card} /> },
    ...(c.reply ? [{ key: 'reply', label: t('case.field.reply'), children: c.reply, span: 'filled' as const }] : []),
    ...(c.rating ? [{ key: 'rating', label: t('case.field.rating'), children: <span data-testid="case-rating">{caseLabel(t, 'rating', c.rating)}</span> }] : []),
  ];

  const infoCard = (
    <Card size="small" title={t('caseView.info')}>
      <Typography.Paragraph className="case-description" data-testid="case-description">
        {c.description}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={info} />
      {point && grids.data && grids.data.features.length > 0 && (
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 220 }} />}>
          <div className="case-map">
            <LocationMap grids={grids.data} value={point} height={220} />
          </div>
        </Suspense>
      )}
    </Card>
  );
  const workCards = (
    <>
      <Card size="small" title={t('caseView.units')}>
        <CaseTasks tasks={c.tasks} />
      </Card>
      <Card size="small" title={t('caseView.deadlines')}>
        <CaseDeadlines c={c} />
      </Card>
      <Card size="small" title={t('caseView.attachments')}>
        <CaseFiles caseId={c.id} files={c.attachments} />
      </Card>
      <Card size="small" title={t('caseView.supervision')}>
        <CaseSupervision orders={c.supervisionOrders} pauses={c.pauses} names={names} />
      </Card>
    </>
  );
  const timelineCard = (
    <Card
      size="small"
      className="case-trail-card"
      tabList={[
        { key: 'timeline', label: <span data-testid="tab-timeline">{t('caseView.timeline')}</span> },
        { key: 'evidence', label: <span data-testid="tab-evidence">{t('evidence.tab')}</span> },
      ]}
      activeTabKey={trailTab}
      onTabChange={(key) => setTrailTab(key === 'evidence' ? 'evidence' : 'timeline')}
    >
      {trailTab === 'timeline' ? <CaseTimeline entries={c.timeline} names={names} /> : <EvidencePanel c={c} names={names} />}
    </Card>
  );

  return (
    <div className="case-page" data-testid="case-page" data-case-number={c.number}>
      <div className="case-header">
        <div className="case-header-line">
          <span className="case-number" data-testid="case-number">
            {c.number}
          </span>
          <UrgentTag urgency={c.urgency} />
          <StatusTag status={c.status} />
          <WarningTags card={c.card} buckPassing={c.buckPassing} escalationLevel={c.escalationLevel} />
          <Badge className="case-live" status={live ? 'processing' : 'default'} text={live ? t('case.live') : t('case.liveOff')} />
        </div>
        <h1 className="case-title">{c.title}</h1>
        {!isPhone && <CaseActionBar c={c} onDone={onDone} />}
      </div>
      {isPhone ? (
        // On a phone the progress comes right after the case: it is what a reporter opens the page for.
        <div className="case-sections">
          {infoCard}
          {timelineCard}
          {workCards}
          {/* Last in the page, so that sticking to the bottom keeps the buttons under the thumb all the way down. */}
          <CaseActionBar c={c} onDone={onDone} />
        </div>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <div className="case-sections">
              {infoCard}
              {workCards}
            </div>
          </Col>
          <Col xs={24} lg={9}>
            {timelineCard}
          </Col>
        </Row>
      )}
    </div>
  );
}
