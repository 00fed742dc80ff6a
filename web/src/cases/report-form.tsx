import { useCallback, useMemo, useState } from 'react';
import { App, Button, Form, Input, Segmented, Switch } from 'antd';
import type { UploadFile } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { AttachmentField, UploadCheckError, attachmentRule, prepareAttachments } from './attachment-field.js';
import { useCreateCase } from './cases-api.js';
import type { CreateCaseInput, CreatedCase } from './case-types.js';
import { CategoryCascader } from './category-cascader.js';
import { DuplicateOffer } from './duplicate-offer.js';
import type { FollowState } from './follow-api.js';
import { formErrors } from './form-errors.js';
import type { LngLat } from './location-map.js';
import { PointPicker } from './point-picker.js';
import { REPORT_BODY_BYTES } from './upload-rules.js';
import { UrgencyHint } from './urgency-hint.js';
import type { GridCollection } from '../org/org-api.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Values {
  channel: 'own' | 'hotline';
  contactName?: string;
  contactPhone?: string;
  description: string;
  title?: string;
  category?: string;
  point?: LngLat | null;
  address?: string;
  attachments?: UploadFile[];
  urgent?: boolean;
  anonymous?: boolean;
}

/** Where the server's complaints about a report belong on this form. */
const serverFields: Record<string, keyof Values> = {
  description: 'description',
  title: 'title',
  category: 'category',
  location: 'point',
  'location.address': 'address',
  address: 'address',
  attachments: 'attachments',
  'contact.name': 'contactName',
  'contact.phone': 'contactPhone',
  contact: 'contactPhone',
  channel: 'channel',
};

/** The body of POST /api/cases from the form's values. */
function toInput(v: Values, attachments: CreateCaseInput['attachments']): CreateCaseInput {
  const hotline = v.channel === 'hotline';
  const address = v.address?.trim() || undefined;
  return {
    description: v.description.trim(),
    title: v.title?.trim() || undefined,
    category: v.category,
    location: v.point ? { lng: v.point.lng, lat: v.point.lat, address } : undefined,
    address: v.point ? undefined : address,
    urgency: v.urgent ? 'urgent' : undefined,
    anonymous: hotline ? undefined : v.anonymous || undefined,
    channel: hotline ? 'hotline' : undefined,
    contact: hotline ? { name: v.contactName?.trim() || undefined, phone: v.contactPhone?.trim() || undefined } : undefined,
    attachments,
  };
}

interface Props {
  /** Dispatchers and admins take 12345 calls: they may enter a case for a caller. */
  canTakeCalls: boolean;
  defaultHotline: boolean;
  grids: GridCollection | undefined;
  mapHeight: number;
  onCreated: (created: CreatedCase) => void;
  /** The writer chose to follow an open case the report repeats, instead of sending it. */
  onFollowed: (state: FollowState) => void;
}

/** 上报问题: what is wrong (required), where (tap the map or type), which kind, photos and voice notes, and flags. */
export function ReportForm({ canTakeCalls, defaultHotline, grids, mapHeight, onCreated, onFollowed }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCase();
  const hotline = Form.useWatch('channel', form) === 'hotline';
  const description = Form.useWatch('description', form) ?? '';
  const title = Form.useWatch('title', form);
  const point = Form.useWatch('point', form);
  const anonymous = Form.useWatch('anonymous', form) === true;
  // One object per change of what is checked, so that the offer's debounce waits for typing to pause, not for renders.
  const draft = useMemo(
    () => ({ description, title, location: point ? { lng: point.lng, lat: point.lat } : undefined }),
    [description, title, point?.lng, point?.lat],
  );
  // A text that reads as an emergency marks the report urgent, unless the writer has set the switch themselves.
  const markUrgent = useCallback(() => {
    if (!form.isFieldTouched('urgent')) form.setFieldValue('urgent', true);
  }, [form]);
  // Reading and shrinking photos takes a moment on a cheap phone: the button shows it is busy from the first tap.
  const [reading, setReading] = useState(false);

  const onFinish = async (v: Values) => {
    setReading(true);
    try {
      const attachments = await prepareAttachments(t, v.attachments, { bodyLimit: REPORT_BODY_BYTES, shrinkOver: 1.5 * 1024 * 1024, maxEdge: 1920 });
      const created = await create.mutateAsync(toInput(v, attachments));
      form.resetFields();
      onCreated(created);
    } catch (e) {
      if (e instanceof UploadCheckError) {
        form.setFields([{ name: 'attachments', errors: [e.message] }]);
        return;
      }
      const { fields, rest } = formErrors(e, serverFields);
      if (fields.length) form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: f.errors })));
      if (rest) void message.error(rest);
    } finally {
      setReading(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ channel: defaultHotline ? 'hotline' : 'own', urgent: false, anonymous: false }}
      requiredMark="optional"
      scrollToFirstError
      className="report-form"
    >
      {canTakeCalls && (
        <Form.Item name="channel" label={t('report.channel')} rules={[{ required: true }]}>
          <Segmented
            block
            options={[
              { value: 'hotline', label: t('report.channelHotline') },
              { value: 'own', label: t('report.channelOwn') },
            ]}
            data-testid="report-channel"
          />
        </Form.Item>
      )}
      {hotline && (
        <div className="report-caller">
          <Form.Item name="contactName" label={t('report.callerName')}>
            <Input maxLength={50} autoComplete="off" data-testid="report-caller-name" />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('report.callerPhone')} rules={[{ required: true, message: t('report.callerPhoneRequired') }]}>
            <Input inputMode="tel" maxLength={20} autoComplete="off" data-testid="report-caller-phone" />
          </Form.Item>
        </div>
      )}
      <Form.Item
        name="description"
        label={t('report.description')}
        rules={[{ required: true, whitespace: true, min: 5, message: t('report.descriptionRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount placeholder={t('report.descriptionPlaceholder')} data-testid="report-description" />
      </Form.Item>
      <UrgencyHint text={description} onUrgent={markUrgent} />
      {/* A caller on the hotline has no account to follow a case with: the operator files the call. Following is not
          anonymous (the staff of the case see who follows it), so a writer who chose 匿名 is not offered it. */}
      {!hotline && !anonymous && (
        <DuplicateOffer
          draft={draft}
          onFollowed={(state) => {
            form.resetFields();
            onFollowed(state);
          }}
        />
      )}
      <Form.Item name="title" label={t('report.title')}>
        <Input maxLength={100} placeholder={t('report.titlePlaceholder')} data-testid="report-title" />
      </Form.Item>
      <Form.Item name="category" label={t('report.category')}>
        <CategoryCascader testId="report-category" />
      </Form.Item>
      <Form.Item name="point" label={t('report.place')}>
        <PointPicker grids={grids} height={mapHeight} />
      </Form.Item>
      <Form.Item name="address" label={t('report.address')}>
        <Input maxLength={200} placeholder={t('report.addressPlaceholder')} data-testid="report-address" />
      </Form.Item>
      <Form.Item name="attachments" label={t('report.attachments')} extra={t('report.attachmentsHint')} rules={[attachmentRule(t)]}>
        <AttachmentField testId="report-attachments" />
      </Form.Item>
      <div className="report-switches">
        <Form.Item name="urgent" valuePropName="checked" label={t('report.urgent')} extra={t('report.urgentHint')}>
          <Switch data-testid="report-urgent" />
        </Form.Item>
        {!hotline && (
          <Form.Item name="anonymous" valuePropName="checked" label={t('report.anonymous')} extra={t('report.anonymousHint')}>
            <Switch data-testid="report-anonymous" />
          </Form.Item>
        )}
      </div>
      <Button type="primary" htmlType="submit" size="large" block icon={<SendOutlined />} loading={reading || create.isPending} data-testid="report-submit">
        {t('report.submit')}
      </Button>
    </Form>
  );
}
