import { useEffect, useState } from 'react';
import { App, Button, Card, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '../app/format.js';
import { useIsPhone } from '../app/use-media-query.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/messages.js';
import {
  useClassifierSettings,
  useDispatchSettings,
  useModelVersions,
  useSaveClassifierSettings,
  useSaveDispatchSettings,
  type DispatchSettings,
  type ModelVersion,
} from './dispatch-settings-api.js';
import './dispatch-settings.css';

/** The classifier's threshold, a share on the server, in whole per cent on the page. */
const percentOf = (share: number) => Math.round(share * 100);

/** One switch of the dispatch centre, with what it means in a sentence. */
function SettingSwitch(props: { label: MessageKey; help: MessageKey; checked: boolean | undefined; loading: boolean; onChange: (on: boolean) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="setting-row">
      <div className="setting-text">
        <div className="setting-label">{t(props.label)}</div>
        <Typography.Text type="secondary">{t(props.help)}</Typography.Text>
      </div>
      <Switch checked={props.checked ?? false} disabled={props.checked === undefined} loading={props.loading} onChange={props.onChange} data-testid={props.testId} />
    </div>
  );
}

/**
 * 派单设置 (/admin/settings, admin): automatic dispatch by rule, which new cases reach the dispatchers' messages, the
 * confidence at which smart dispatch's category is used, and the model versions it has learnt. Each change is
 * written at once and kept on the trail (settings_changed).
 */
export function DispatchSettingsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const dispatch = useDispatchSettings();
  const classifier = useClassifierSettings();
  const models = useModelVersions();
  const saveDispatch = useSaveDispatchSettings();
  const saveClassifier = useSaveClassifierSettings();
  const [confidence, setConfidence] = useState<number | null>(null);
  useEffect(() => {
    if (classifier.data) setConfidence(percentOf(classifier.data.minConfidence));
  }, [classifier.data]);

  // What every save says: kept, or the server's reason.
  const feedback = { onSuccess: () => void message.success(t('settings.saved')), onError: (e: Error) => void message.error(e.message) };
  const change = (patch: Partial<DispatchSettings>) => saveDispatch.mutate(patch, feedback);
  const saveModelSettings = (next: { minConfidence?: number; autoDispatch?: boolean }) => {
    if (classifier.data) saveClassifier.mutate({ ...classifier.data, ...next }, feedback);
  };
  const storedPercent = classifier.data ? percentOf(classifier.data.minConfidence) : null;
  const confidenceChanged = storedPercent !== null && confidence !== null && confidence !== storedPercent;

  const columns: TableColumnsType<ModelVersion> = [
    { title: t('settings.modelVersion'), dataIndex: 'version', key: 'version', render: (v: number, m) => <Space>{`v${v}`}{m.active && <Tag color="green">{t('settings.modelActive')}</Tag>}</Space> },
    { title: t('settings.modelKind'), dataIndex: 'kind', key: 'kind', render: (k: ModelVersion['kind']) => t(k === 'keywords' ? 'settings.kindKeywords' : 'settings.kindLinear') },
    { title: t('settings.trainedOn'), dataIndex: 'trainedOn', key: 'trainedOn' },
    ...(isPhone ? [] : [{ title: t('settings.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (at: string) => formatDateTime(at, lang) }]),
  ];

  return (
    <div className="case-page-narrow dispatch-settings-page" data-testid="dispatch-settings" data-ready={dispatch.isSuccess && classifier.isSuccess}>
      <div className="page-header">
        <h1>{t('menu.settings')}</h1>
      </div>
      <Card size="small" title={t('settings.dispatchTitle')}>
        <SettingSwitch
          label="settings.autoDispatch"
          help="settings.autoDispatchHelp"
          checked={dispatch.data?.autoDispatch}
          loading={saveDispatch.isPending && saveDispatch.variables?.autoDispatch !== undefined}
          onChange={(autoDispatch) => change({ autoDispatch })}
          testId="setting-auto-dispatch"
        />
        <SettingSwitch
          label="settings.notifyEveryNewCase"
          help="settings.notifyEveryNewCaseHelp"
          checked={dispatch.data?.notifyEveryNewCase}
          loading={saveDispatch.isPending && saveDispatch.variables?.notifyEveryNewCase !== undefined}
          onChange={(notifyEveryNewCase) => change({ notifyEveryNewCase })}
          testId="setting-notify-every-case"
        />
      </Card>
      <Card size="small" title={t('settings.classifierTitle')}>
        <div className="setting-row">
          <div className="setting-text">
            <div className="setting-label">{t('settings.minConfidence')}</div>
            <Typography.Text type="secondary">{t('settings.minConfidenceHelp')}</Typography.Text>
          </div>
          <Space.Compact>
            <InputNumber<number>
              min={0}
              max={100}
              step={5}
              precision={0}
              suffix="%"
              value={confidence}
              disabled={!classifier.data}
              onChange={setConfidence}
              data-testid="setting-min-confidence"
            />
            <Button
              type="primary"
              disabled={!confidenceChanged}
              loading={saveClassifier.isPending}
              onClick={() => confidence !== null && saveModelSettings({ minConfidence: confidence / 100 })}
              data-testid="setting-min-confidence-save"
            >
              {t('common.save')}
            </Button>
          </Space.Compact>
        </div>
        <SettingSwitch
          label="settings.predictedAutoDispatch"
          help="settings.predictedAutoDispatchHelp"
          checked={classifier.data?.autoDispatch}
          loading={false}
          onChange={(autoDispatch) => saveModelSettings({ autoDispatch })}
          testId="setting-predicted-auto-dispatch"
        />
        <Table<ModelVersion>
          rowKey="version"
          size="small"
          columns={columns}
          dataSource={models.data?.versions ?? []}
          loading={models.isFetching}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          data-testid="model-versions"
          locale={{ emptyText: models.error ? models.error.message : t('settings.noModels') }}
        />
      </Card>
    </div>
  );
}
