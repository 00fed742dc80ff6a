import { App, Button, Divider, Form, Input, Tag, Typography } from 'antd';
import { SendOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useCaseAction } from './cases-api.js';
import type { CaseDetail, CaseGone } from './case-types.js';
import { CategoryCascader } from './category-cascader.js';
import { formErrors } from './form-errors.js';
import { predictedCategories } from './prediction.js';
import { UnitPicker } from './unit-picker.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Values {
  unitId?: string;
  assistUnitIds?: string[];
  category?: string;
  reason?: string;
}

const serverFields: Record<string, keyof Values> = { unitId: 'unitId', assistUnitIds: 'assistUnitIds', category: 'category', reason: 'reason' };

/**
 * 派单: one click sends the case to the unit the rules suggest; otherwise choose the lead unit (a reason is required
 * when it differs from the suggestion), assisting units and, if it was filed wrongly, another category.
 */
export function DispatchForm({ c, onDone }: { c: CaseDetail; onDone: (answer: CaseDetail | CaseGone) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const act = useCaseAction();
  const unitId = Form.useWatch('unitId', form);
  const suggested = c.suggestedUnit;
  const overriding = !!unitId && !!suggested && unitId !== suggested.id;
  const predicted = predictedCategories(c.prediction);

  const send = async (body: { unitId: string; assistUnitIds?: string[]; category?: string; reason?: string }) => {
    try {
      const answer = await act.mutateAsync({ id: c.id, action: 'dispatch', body });
      void message.success(t('dispatch.sent', { number: c.number }));
      onDone(answer);
    } catch (e) {
      const { fields, rest } = formErrors(e, serverFields);
      if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: f.errors })));
      if (rest) void message.error(rest);
    }
  };

  const onFinish = (v: Values) =>
    send({
      unitId: v.unitId!,
      assistUnitIds: v.assistUnitIds?.length ? v.assistUnitIds : undefined,
      category: v.category && v.category !== c.category?.code ? v.category : undefined,
      reason: v.reason?.trim() || undefined,
    });

  return (
    <div className="dispatch-form" data-testid="dispatch-form">
      {suggested ? (
        <Button
          type="primary"
          size="large"
          block
          icon={<ThunderboltOutlined />}
          loading={act.isPending}
          onClick={() => void send({ unitId: suggested.id })}
          data-testid="dispatch-suggested"
        >
          {t('dispatch.toSuggested', { unit: suggested.name })}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('dispatch.noSuggestion')}</Typography.Text>
      )}
      <Divider plain className="dispatch-divider">
        {t('dispatch.orChoose')}
      </Divider>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        initialValues={{ unitId: suggested?.id, category: c.category?.code }}
        requiredMark="optional"
      >
        <Form.Item name="unitId" label={t('dispatch.leadUnit')} rules={[{ required: true, message: t('case.unitRequired') }]}>
          <UnitPicker testId="dispatch-unit" />
        </Form.Item>
        <Form.Item name="assistUnitIds" label={t('dispatch.assistUnits')}>
          <UnitPicker multiple exclude={unitId ? [unitId] : undefined} testId="dispatch-assist" />
        </Form.Item>
        <Form.Item name="category" label={t('report.category')} extra={predicted.length > 0 && (
          <span className="predicted" data-testid="dispatch-predicted">
            {t('dispatch.predicted')}
            {predicted.slice(0, 3).map((p) => (
              <Tag key={p.code} className="predicted-tag" color="blue" variant="outlined" onClick={() => form.setFieldValue('category', p.code)}>
                {p.name} {Math.round(p.confidence * 100)}%
              </Tag>
            ))}
          </span>
        )}>
          <CategoryCascader testId="dispatch-category" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('dispatch.reason')}
          extra={overriding ? t('dispatch.reasonHint', { unit: suggested?.name ?? '' }) : undefined}
          rules={[{ required: overriding, whitespace: true, message: t('dispatch.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="dispatch-reason" />
        </Form.Item>
        <Button htmlType="submit" block icon={<SendOutlined />} loading={act.isPending} data-testid="dispatch-submit">
          {t('case.do.dispatch')}
        </Button>
      </Form>
    </div>
  );
}
