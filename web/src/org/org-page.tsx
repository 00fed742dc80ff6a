import { useState } from 'react';
import { Card, Col, Result, Row, Skeleton } from 'antd';
import { useSearchParams } from 'react-router';
import type { Unit } from './org-api.js';
import { useUnits } from './org-api.js';
import { UnitTreePanel } from './unit-tree-panel.js';
import { UnitDetails } from './unit-details.js';
import { UnitHistory } from './unit-history.js';
import { UnitFormModal } from './unit-form-modal.js';
import type { UnitFormMode } from './unit-form-modal.js';
import { useUser } from '../app/user-context.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useI18n } from '../i18n/i18n-context.js';
import './org-page.css';

/** 组织架构: the unit tree; the selected unit's details and history; admins add, rename and move units. */
export function OrgPage() {
  const { t } = useI18n();
  const user = useUser();
  const isPhone = useIsPhone();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState<UnitFormMode | null>(null);
  const selectedId = params.get('unit') ?? undefined;
  const select = (id: string) => setParams({ unit: id }, { replace: true });
  const list: readonly Unit[] = units.data ?? [];

  return (
    <div className="org-page">
      <div className="page-header">
        <h1>{t('menu.org')}</h1>
      </div>
      {units.error ? (
        <Result status="error" title={t('common.loadFailed')} subTitle={units.error.message} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9} xl={8}>
            <Card title={t('org.tree')} size="small" className="org-tree-card">
              {units.isLoading ? (
                <Skeleton active paragraph={{ rows: 8 }} />
              ) : (
                <UnitTreePanel units={list} selectedId={selectedId} onSelect={select} height={isPhone ? 320 : 600} />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={15} xl={16}>
            {selectedId ? (
              <div className="org-detail-column">
                <UnitDetails
                  key={selectedId}
                  unitId={selectedId}
                  units={list}
                  canEdit={user.role === 'admin'}
                  onSelect={select}
                  onAddChild={(parent) => setForm({ kind: 'create', parent })}
                  onEdit={(unit) => setForm({ kind: 'edit', unit })}
                />
                <Card title={t('org.history')} size="small">
                  <UnitHistory unitId={selectedId} units={list} />
                </Card>
              </div>
            ) : (
              <Card>
                <Result status="info" title={t('org.selectHint')} />
              </Card>
            )}
          </Col>
        </Row>
      )}
      {form && (
        <UnitFormModal
          mode={form}
          units={list}
          onClose={() => setForm(null)}
          onSaved={(unit) => {
            setForm(null);
            select(unit.id);
          }}
        />
      )}
    </div>
  );
}
