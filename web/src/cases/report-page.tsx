import { useState } from 'react';
import { Button, Card, Result, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useCategories } from './cases-api.js';
import type { CreatedCase } from './case-types.js';
import type { FollowState } from './follow-api.js';
import { useGridsFor } from './point-picker.js';
import { ReportForm } from './report-form.js';
import { canOpen } from '../app/menu.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useUser } from '../app/user-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import './cases.css';

/** 上报问题 (/cases/new): the report form, then the case number with a link to the case. */
export function ReportPage() {
  const { t } = useI18n();
  const user = useUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [created, setCreated] = useState<CreatedCase | null>(null);
  const [followed, setFollowed] = useState<FollowState | null>(null);
  const categories = useCategories();
  // The map is offered to the roles that get the grid map; residents describe the place in words.
  const withMap = canOpen(user.role, 'org-map');
  const grids = useGridsFor(withMap);
  const canTakeCalls = user.role === 'dispatcher' || user.role === 'admin';
  const ready = !categories.isLoading && (!withMap || !grids.isLoading);

  return (
    <div className="case-page-narrow" data-testid="report-page" data-ready={ready}>
      <div className="page-header">
        <h1>{canTakeCalls ? t('report.titleHotline') : t('menu.caseNew')}</h1>
      </div>
      <Card size="small" styles={{ body: { padding: isPhone ? 12 : 24 } }}>
        {followed ? (
          <Result
            status="success"
            title={t('report.followed', { number: followed.number })}
            subTitle={t('report.followedHint')}
            data-testid="report-followed"
            extra={[
              <Button key="following" type="primary" onClick={() => navigate('/cases/mine?view=following')} data-testid="report-view-following">
                {t('report.viewFollowing')}
              </Button>,
              <Button key="again" onClick={() => setFollowed(null)}>
                {t('report.again')}
              </Button>,
            ]}
          />
        ) : created ? (
          <Result
            status="success"
            title={t('report.done')}
            subTitle={
              <span>
                {t('report.numberIs')}{' '}
                <Typography.Text strong copyable data-testid="report-number">
                  {created.number}
                </Typography.Text>
              </span>
            }
            extra={[
              <Button key="open" type="primary" onClick={() => navigate(`/cases/${created.id}`)} data-testid="report-open-case">
                {t('report.openCase')}
              </Button>,
              <Button key="again" onClick={() => setCreated(null)} data-testid="report-again">
                {t('report.again')}
              </Button>,
            ]}
          />
        ) : (
          <ReportForm
            canTakeCalls={canTakeCalls}
            defaultHotline={user.role === 'dispatcher'}
            grids={grids.data}
            mapHeight={isPhone ? 260 : 360}
            onCreated={setCreated}
            onFollowed={setFollowed}
          />
        )}
      </Card>
    </div>
  );
}
