import { App, Form, Input, Modal, Radio } from 'antd';
import type { UploadFile } from 'antd';
import { actionForm } from './case-actions.js';
import { caseLabel } from './case-labels.js';
import type { CaseAction, CaseDetail, CaseGone } from './case-types.js';
import { AttachmentField, UploadCheckError, attachmentRule, prepareAttachments } from './attachment-field.js';
import { useCaseAction } from './cases-api.js';
import { DispatchForm } from './dispatch-form.js';
import { formErrors } from './form-errors.js';
import { MergeForm } from './merge-form.js';
import { UnitPicker } from './unit-picker.js';
import { ACTION_BODY_BYTES } from './upload-rules.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Values {
  reason?: string;
  note?: string;
  reply?: string;
  attachments?: UploadFile[];
  score?: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
  comment?: string;
  followUp?: 'reopen' | 'rectify';
  unitId?: string;
}

const serverFields: Record<string, keyof Values> = {
  reason: 'reason',
  note: 'note',
  reply: 'reply',
  attachments: 'attachments',
  score: 'score',
  comment: 'comment',
  followUp: 'followUp',
  unitId: 'unitId',
};

interface Props {
  c: { id: string; number: string };
  /** The full case: needed by the dispatch and merge forms only. */
  detail?: CaseDetail;
  action: CaseAction;
  onClose: () => void;
  onDone: (answer: CaseDetail | CaseGone) => void;
}

/** The small form an action needs (a reason, a reply with photos, a rating, a unit …) in a modal. */
export function ActionModal(props: Props) {
  const { t } = useI18n();
  const { c, detail, action, onClose, onDone } = props;
  const kind = actionForm[action];
  if ((kind === 'dispatch' || kind === 'merge') && detail) {
    const finished = (answer: CaseDetail | CaseGone) => {
      onDone(answer);
      onClose();
    };
    return (
      <Modal open title={`${caseLabel(t, 'do', action)} · ${c.number}`} footer={null} onCancel={onClose} destroyOnHidden>
        {kind === 'dispatch' ? <DispatchForm c={detail} onDone={finished} /> : <MergeForm c={detail} onDone={finished} />}
      </Modal>
    );
  }
  return <InputActionModal {...props} />;
}

function InputActionModal({ c, action, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const act = useCaseAction();
  const kind = actionForm[action];
  const title = `${caseLabel(t, 'do', action)} · ${c.number}`;
  const score = Form.useWatch('score', form);

  const finished = (answer: CaseDetail | CaseGone) => {
    onDone(answer);
    onClose();
  };

  const bodyOf = async (v: Values): Promise<unknown> => {
    switch (kind) {
      case 'reason':
        return { reason: v.reason?.trim() };
      case 'note':
        return { note: v.note?.trim() || undefined };
      case 'reply':
        return { reply: v.reply?.trim() };
      case 'replyWithPhotos': {
        // The action routes take 2 MB: photos are made smaller than for a report.
        const attachments = await prepareAttachments(t, v.attachments, { bodyLimit: ACTION_BODY_BYTES, shrinkOver: 300 * 1024, maxEdge: 1280 });
        return { reply: v.reply?.trim(), attachments };
      }
      case 'rate':
        return { score: v.score, comment: v.comment?.trim() || undefined, followUp: v.score === 'unsatisfied' ? v.followUp : undefined };
      case 'transfer':
        return { unitId: v.unitId, reason: v.reason?.trim() };
      default:
        return {};
    }
  };

  const onFinish = async (v: Values) => {
    try {
      const answer = await act.mutateAsync({ id: c.id, action, body: await bodyOf(v) });
      void message.success(t('case.done', { action: caseLabel(t, 'do', action) }));
      finished(answer);
    } catch (e) {
      if (e instanceof UploadCheckError) {
        form.setFields([{ name: 'attachments', errors: [e.message] }]);
        return;
      }
      const { fields, rest } = formErrors(e, serverFields);
      if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: f.errors })));
      if (rest) void message.error(rest);
    }
  };

  const reasonRule = { required: true, whitespace: true, min: 2, message: t('case.reasonRequired') };
  return (
    <Modal
      open
      title={title}
      okText={caseLabel(t, 'do', action)}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={act.isPending}
      okButtonProps={{ 'data-testid': 'action-submit' } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ followUp: 'reopen' }} data-testid={`action-form-${action}`}>
        {kind === 'transfer' && (
          <Form.Item name="unitId" label={t('case.targetUnit')} rules={[{ required: true, message: t('case.unitRequired') }]}>
            <UnitPicker testId="action-unit" />
          </Form.Item>
        )}
        {(kind === 'reason' || kind === 'transfer') && (
          <Form.Item name="reason" label={t('case.reason')} rules={[reasonRule]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} data-testid="action-reason" />
          </Form.Item>
        )}
        {kind === 'note' && (
          <Form.Item name="note" label={t('case.note')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="action-note" />
          </Form.Item>
        )}
        {(kind === 'reply' || kind === 'replyWithPhotos') && (
          <Form.Item name="reply" label={t('case.reply')} rules={[{ ...reasonRule, message: t('case.replyRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 8 }} maxLength={5000} showCount data-testid="action-reply" />
          </Form.Item>
        )}
        {kind === 'replyWithPhotos' && (
          <Form.Item name="attachments" label={t('case.photos')} rules={[attachmentRule(t)]}>
            <AttachmentField testId="action-attachments" />
          </Form.Item>
        )}
        {kind === 'rate' && (
          <>
            <Form.Item name="score" label={t('case.score')} rules={[{ required: true, message: t('rate.required') }]}>
              <Radio.Group optionType="button" buttonStyle="solid" className="rate-options" data-testid="rate-score">
                {(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((s) => (
                  <Radio.Button key={s} value={s}>
                    <span data-testid={`rate-${s}`}>{caseLabel(t, 'rating', s)}</span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="comment" label={t('case.comment')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="rate-comment" />
            </Form.Item>
            {score === 'unsatisfied' && (
              <Form.Item name="followUp" label={t('case.followUp')}>
                <Radio.Group
                  options={[
                    { value: 'reopen', label: t('case.followUp.reopen') },
                    { value: 'rectify', label: t('case.followUp.rectify') },
                  ]}
                />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
