import { useState } from 'react';
import { App, Button, Form, Input, Select } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { openStatuses } from '../../../common/cases.js';
import { useCaseAction, useCases } from './cases-api.js';
import type { CaseDetail, CaseGone } from './case-types.js';
import { formErrors } from './form-errors.js';
import { likelyDuplicates } from './prediction.js';
import { useDebounced } from '../app/use-debounced.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Values {
  targetCaseId?: string;
  reason?: string;
}

/** 合并: finds the open case this one repeats, by number or words, and merges this one into it. */
export function MergeForm({ c, onDone }: { c: CaseDetail; onDone: (answer: CaseDetail | CaseGone) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useCases({ q: q || undefined, status: openStatuses, pageSize: 10 }, { enabled: q.length >= 2 });
  const act = useCaseAction();
  // The cases smart dispatch found this one probably repeats come first, ready to pick without searching.
  const likely = likelyDuplicates(c.prediction).map((d) => ({ value: d.id, label: t('merge.likely', { number: d.number, percent: Math.round(d.similarity * 100) }) }));
  const searched = (q.length >= 2 ? (found.data?.items ?? []) : [])
    .filter((x) => x.id !== c.id && !likely.some((l) => l.value === x.id))
    .map((x) => ({ value: x.id, label: `${x.number} ${x.title}` }));
  const options = [...likely, ...searched];

  const onFinish = async (v: Values) => {
    try {
      const answer = await act.mutateAsync({ id: c.id, action: 'merge', body: { targetCaseId: v.targetCaseId, reason: v.reason?.trim() || undefined } });
      void message.success(t('merge.done', { number: c.number }));
      onDone(answer);
    } catch (e) {
      const { fields, rest } = formErrors(e, { targetCaseId: 'targetCaseId', reason: 'reason' });
      if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: f.errors })));
      if (rest) void message.error(rest);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} data-testid="merge-form">
      <Form.Item name="targetCaseId" label={t('case.mergeTarget')} rules={[{ required: true, message: t('case.mergeRequired') }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setText }}
          options={options}
          placeholder={t('case.mergeSearch')}
          loading={found.isFetching}
          notFoundContent={q.length >= 2 && !found.isFetching ? t('case.empty') : null}
          data-testid="merge-target"
        />
      </Form.Item>
      <Form.Item name="reason" label={t('case.reason')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <Button htmlType="submit" danger block icon={<MergeCellsOutlined />} loading={act.isPending} data-testid="merge-submit">
        {t('case.do.merge')}
      </Button>
    </Form>
  );
}
