import { Button, Collapse, Drawer, Result, Skeleton } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { CaseBrief } from './case-brief.js';
import { useCase } from './cases-api.js';
import { DispatchForm } from './dispatch-form.js';
import { MergeForm } from './merge-form.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The dispatcher's panel for one case: read it, send it (to the suggested unit in one click), or merge it. */
export function DispatchDrawer({ caseId, onClose }: { caseId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const c = useCase(caseId ?? undefined);
  const data = c.data && c.data.id === caseId ? c.data : undefined;
  // Once dispatched or merged the case has left the queue; the panel has nothing more to do.
  const waiting = data && (data.status === 'received' || data.status === 'returned');

  return (
    <Drawer
      open={caseId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      title={data ? data.title : t('dispatch.panel')}
      destroyOnHidden
      extra={
        caseId && (
          <Button type="link" icon={<ExportOutlined />} onClick={() => navigate(`/cases/${caseId}`)} data-testid="dispatch-open-case">
            {t('dispatch.details')}
          </Button>
        )
      }
      data-testid="dispatch-drawer"
    >
      {c.error ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={c.error.message} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <div className="dispatch-panel">
          <CaseBrief c={data} />
          {waiting ? (
            <>
              <DispatchForm key={data.id} c={data} onDone={onClose} />
              <Collapse
                ghost
                className="dispatch-merge"
                items={[{ key: 'merge', label: t('dispatch.mergeTitle'), children: <MergeForm c={data} onDone={onClose} /> }]}
              />
            </>
          ) : (
            <Result status="success" title={t('dispatch.alreadyDone')} />
          )}
        </div>
      )}
    </Drawer>
  );
}
