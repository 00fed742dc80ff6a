import { Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Unit } from './org-api.js';
import { useUnit } from './org-api.js';
import { creatableChildKinds } from './unit-tree.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useIsPhone } from '../app/use-media-query.js';

interface Props {
  unitId: string;
  units: readonly Unit[];
  canEdit: boolean;
  onSelect: (id: string) => void;
  onAddChild: (parent: Unit) => void;
  onEdit: (unit: Unit) => void;
}

/** One unit's facts and direct children, with the admin's add and edit actions. */
export function UnitDetails({ unitId, units, canEdit, onSelect, onAddChild, onEdit }: Props) {
  const { t, unitKindName } = useI18n();
  const detail = useUnit(unitId);
  const isPhone = useIsPhone();
  if (detail.isLoading) return <Card><Skeleton active /></Card>;
  if (detail.error || !detail.data) {
    return (
      <Card>
        <Typography.Text type="danger">{detail.error?.message ?? t('common.loadFailed')}</Typography.Text>
      </Card>
    );
  }
  const { unit, children } = detail.data;
  const parent = unit.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
  const actions = canEdit && (
    <Space wrap>
      <Button
        icon={<PlusOutlined />}
        onClick={() => onAddChild(unit)}
        disabled={creatableChildKinds(unit.kind).length === 0}
        data-testid="unit-add-child"
      >
        {t('org.addChild')}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => onEdit(unit)} data-testid="unit-edit">
        {t('org.editUnit')}
      </Button>
    </Space>
  );
  // On a phone the card title and two buttons do not fit one line; the buttons go under the facts.
  return (
    <Card title={t('org.details')} data-testid="unit-details" extra={isPhone ? undefined : actions}>
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        items={[
          { key: 'name', label: t('org.name'), children: <strong data-testid="unit-name-value">{unit.name}</strong> },
          { key: 'kind', label: t('org.kind'), children: unitKindName(unit.kind) },
          { key: 'code', label: t('org.code'), children: unit.code ?? '—' },
          {
            key: 'parent',
            label: t('org.parent'),
            children: parent ? <a onClick={() => onSelect(parent.id)}>{parent.name}</a> : '—',
          },
          {
            key: 'children',
            label: `${t('org.children')} (${children.length})`,
            span: 'filled',
            children:
              children.length === 0 ? (
                '—'
              ) : (
                <div className="unit-children">
                  {children.map((c) => (
                    <Tag key={c.id} className="unit-child-tag" onClick={() => onSelect(c.id)}>
                      {c.name}
                    </Tag>
                  ))}
                </div>
              ),
          },
        ]}
      />
      {isPhone && actions && <div className="unit-actions-phone">{actions}</div>}
    </Card>
  );
}
