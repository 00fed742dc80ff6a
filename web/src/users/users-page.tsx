import { useState } from 'react';
import { Badge, Button, Card, Input, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { roles } from '../../../common/roles.js';
import type { UserQuery, UserRow } from './users-api.js';
import { useUsers } from './users-api.js';
import { UserFormModal } from './user-form-modal.js';
import { UnitTreeSelect } from '../org/unit-tree-select.js';
import { formatDateTime } from '../app/format.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useI18n } from '../i18n/i18n-context.js';
import './users-page.css';

type Editing = { kind: 'create' } | { kind: 'edit'; user: UserRow } | null;

/** 用户管理 (admin): search, filter and page through accounts; create and edit them. */
export function UsersPage() {
  const { t, lang, roleName } = useI18n();
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Editing>(null);
  const users = useUsers(query);
  const isPhone = useIsPhone();
  const filter = (patch: Partial<UserQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));

  const editButton = (user: UserRow) => (
    <Button
      type="link"
      size="small"
      icon={<EditOutlined />}
      onClick={() => setEditing({ kind: 'edit', user })}
      aria-label={t('common.edit')}
      data-testid={`user-edit-${user.username}`}
    >
      {isPhone ? null : t('common.edit')}
    </Button>
  );
  const roleTag = (role: string) => <Tag color={role === 'admin' ? 'red' : 'blue'}>{roleName(role)}</Tag>;
  const status = (active: boolean) => (
    <Badge status={active ? 'success' : 'default'} text={isPhone ? undefined : t(active ? 'users.active' : 'users.inactive')} />
  );

  // Phones get three narrow columns that fit 360 px without sideways scrolling; the username stays first for tests.
  const columns: TableColumnsType<UserRow> = isPhone
    ? [
        {
          title: t('users.username'),
          key: 'username',
          render: (_: unknown, u: UserRow) => (
            <div className="user-cell">
              <span className="user-cell-username">{u.username}</span>
              <span className="user-cell-name">
                {status(u.active)} {u.displayName} · {u.unitName ?? '—'}
              </span>
            </div>
          ),
        },
        { title: t('users.role'), dataIndex: 'role', key: 'role', render: roleTag },
        { title: '', key: 'actions', width: 44, render: (_: unknown, u: UserRow) => editButton(u) },
      ]
    : [
        { title: t('users.username'), dataIndex: 'username', key: 'username', className: 'nowrap' },
        { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName', className: 'nowrap' },
        { title: t('users.role'), dataIndex: 'role', key: 'role', render: roleTag },
        { title: t('users.unit'), dataIndex: 'unitName', key: 'unit', render: (v: string | null) => v ?? '—' },
        { title: t('users.phone'), dataIndex: 'phoneMasked', key: 'phone', className: 'nowrap', render: (v: string | null) => v ?? '—' },
        { title: t('users.status'), dataIndex: 'active', key: 'active', className: 'nowrap', render: status },
        {
          title: t('users.createdAt'),
          dataIndex: 'createdAt',
          key: 'createdAt',
          className: 'nowrap',
          responsive: ['xl'],
          render: (v: string) => formatDateTime(v, lang),
        },
        { title: t('common.actions'), key: 'actions', render: (_: unknown, u: UserRow) => editButton(u) },
      ];

  return (
    <div className="users-page">
      <div className="page-header">
        <h1>{t('users.title')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create' })} data-testid="user-create">
          {t('users.create')}
        </Button>
      </div>
      <Card size="small">
        <div className="users-filters">
          <Input.Search
            placeholder={t('users.search')}
            allowClear
            onSearch={(q) => filter({ q: q.trim() || undefined })}
            className="users-filter-search"
            data-testid="users-search"
          />
          <Select
            allowClear
            placeholder={t('users.allRoles')}
            options={roles.map((r) => ({ value: r, label: roleName(r) }))}
            onChange={(role: string | undefined) => filter({ role })}
            className="users-filter-role"
            data-testid="users-role-filter"
          />
          <UnitTreeSelect allowClear placeholder={t('users.unit')} onChange={(unitId) => filter({ unitId })} style={{ width: 220 }} />
        </div>
        <Table<UserRow>
          rowKey="id"
          size={isPhone ? 'small' : 'middle'}
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          scroll={isPhone ? undefined : { x: 'max-content' }}
          data-testid="users-table"
          locale={users.error ? { emptyText: users.error.message } : undefined}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: !isPhone,
            simple: isPhone,
            showTotal: (total) => t('users.total', { total }),
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
          }}
        />
      </Card>
      {editing && <UserFormModal user={editing.kind === 'edit' ? editing.user : undefined} onClose={() => setEditing(null)} />}
    </div>
  );
}
