import { useEffect, useMemo } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import type { Unit } from './org-api.js';
import { useCreateUnit, useUpdateUnit } from './org-api.js';
import { creatableChildKinds, subtreeIds } from './unit-tree.js';
import { UnitTreeSelect } from './unit-tree-select.js';
import { fieldErrors } from '../app/api.js';
import { useI18n } from '../i18n/i18n-context.js';

export type UnitFormMode = { kind: 'create'; parent: Unit } | { kind: 'edit'; unit: Unit };

interface Values {
  kind?: string;
  name: string;
  code?: string;
  parentId?: string;
}

const formFields: readonly (keyof Values)[] = ['kind', 'name', 'code', 'parentId'];

/** Adds a child unit or renames/moves a unit (admin); server refusals land on the fields they name. */
export function UnitFormModal({ mode, units, onClose, onSaved }: {
  mode: UnitFormMode;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const { t, unitKindName } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = mode.kind === 'edit' ? mode.unit : undefined;
  const create = useCreateUnit();
  const update = useUpdateUnit(editing?.id ?? '');
  const pending = create.isPending || update.isPending;
  const locked = useMemo(() => (editing ? subtreeIds(units, editing.id) : undefined), [units, editing]);

  useEffect(() => {
    if (mode.kind === 'create') form.setFieldsValue({ kind: creatableChildKinds(mode.parent.kind)[0], name: '', code: '' });
    else form.setFieldsValue({ name: mode.unit.name, code: mode.unit.code ?? '', parentId: mode.unit.parentId ?? undefined });
  }, [mode, form]);

  const onFinish = async (values: Values) => {
    const code = values.code?.trim() || undefined;
    try {
      const unit =
        mode.kind === 'create'
          ? await create.mutateAsync({ parentId: mode.parent.id, kind: values.kind ?? '', name: values.name.trim(), code })
          : await update.mutateAsync({
              name: values.name.trim(),
              code,
              parentId: values.parentId && values.parentId !== mode.unit.parentId ? values.parentId : undefined,
            });
      void message.success(mode.kind === 'create' ? t('org.created') : t('common.saved'));
      onSaved(unit);
    } catch (e) {
      const fields = fieldErrors(e).filter((f) => formFields.includes(f.name as keyof Values));
      if (fields.length > 0) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: f.errors })));
      else void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open
      title={mode.kind === 'create' ? t('org.addChildTitle', { parent: mode.parent.name }) : t('org.editTitle', { name: mode.unit.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="unit-form">
        {mode.kind === 'create' && (
          <Form.Item label={t('org.kind')} name="kind" rules={[{ required: true, message: t('org.kindRequired') }]}>
            <Select options={creatableChildKinds(mode.parent.kind).map((k) => ({ value: k, label: unitKindName(k) }))} />
          </Form.Item>
        )}
        <Form.Item label={t('org.name')} name="name" rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }]}>
          <Input maxLength={64} data-testid="unit-name" />
        </Form.Item>
        <Form.Item label={t('org.code')} name="code">
          <Input maxLength={32} />
        </Form.Item>
        {mode.kind === 'edit' && mode.unit.parentId && (
          <Form.Item label={t('org.parent')} name="parentId">
            <UnitTreeSelect disabledIds={locked} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
