import { useEffect } from 'react';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { roles } from '../../../common/roles.js';
import type { UserRow } from './users-api.js';
import { useCreateUser, useUpdateUser } from './users-api.js';
import { UnitTreeSelect } from '../org/unit-tree-select.js';
import { fieldErrors } from '../app/api.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Values {
  username?: string;
  displayName: string;
  role: string;
  unitId: string;
  password?: string;
  phone?: string;
  active?: boolean;
}

const formFields: readonly (keyof Values)[] = ['username', 'displayName', 'role', 'unitId', 'password', 'phone', 'active'];

/** Creates a user, or edits one (`user` given): name, role, unit, active, and optionally a new password. */
export function UserFormModal({ user, onClose }: { user?: UserRow; onClose: () => void }) {
  const { t, roleName } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const required = { required: true, whitespace: true, message: t('users.required') };

  useEffect(() => {
    if (user) {
      form.setFieldsValue({ displayName: user.displayName, role: user.role, unitId: user.unitId ?? undefined, active: user.active });
    }
  }, [user, form]);

  const onFinish = async (v: Values) => {
    const phone = v.phone?.trim() || undefined;
    const password = v.password || undefined;
    try {
      if (user) {
        await update.mutateAsync({
          id: user.id,
          input: { displayName: v.displayName.trim(), role: v.role, unitId: v.unitId, active: v.active, password, phone },
        });
        void message.success(t('common.saved'));
      } else {
        await create.mutateAsync({
          username: (v.username ?? '').trim(),
          displayName: v.displayName.trim(),
          role: v.role,
          unitId: v.unitId,
          password: v.password ?? '',
          phone,
        });
        void message.success(t('users.created'));
      }
      onClose();
    } catch (e) {
      const fields = fieldErrors(e).filter((f) => formFields.includes(f.name as keyof Values));
      if (fields.length > 0) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: f.errors })));
      else void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="user-form" initialValues={{ active: true }}>
        {!user && (
          <Form.Item label={t('users.username')} name="username" rules={[required]}>
            <Input autoComplete="off" maxLength={32} data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item label={t('users.displayName')} name="displayName" rules={[required]}>
          <Input maxLength={32} data-testid="user-display-name" />
        </Form.Item>
        <Form.Item label={t('users.role')} name="role" rules={[{ required: true, message: t('users.required') }]}>
          <Select options={roles.map((r) => ({ value: r, label: roleName(r) }))} data-testid="user-role" />
        </Form.Item>
        <Form.Item label={t('users.unit')} name="unitId" rules={[{ required: true, message: t('users.required') }]}>
          <UnitTreeSelect data-testid="user-unit" />
        </Form.Item>
        <Form.Item label={t('users.phone')} name="phone">
          <Input inputMode="tel" maxLength={20} placeholder={user?.phoneMasked ?? undefined} />
        </Form.Item>
        <Form.Item
          label={user ? t('users.newPassword') : t('users.password')}
          name="password"
          rules={[...(user ? [] : [required]), { min: 8, message: t('users.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        {user && (
          <Form.Item label={t('users.status')} name="active" valuePropName="checked">
            <Switch checkedChildren={t('users.active')} unCheckedChildren={t('users.inactive')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
