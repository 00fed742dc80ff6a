import { useMemo } from 'react';
import { Alert, Button, Skeleton, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { bundleFilename, downloadBundle, MalformedBundleError, useAttachmentChecks, useCaseEvidence, usePublishedCheckpoint } from './evidence-api.js';
import type { FileCheck } from './evidence-api.js';
import { EvidenceCheckpoint } from './evidence-checkpoint.js';
import { EvidenceEntry } from './evidence-entry.js';
import type { BundleCheck } from './verify-bundle.js';
import { caseLabel } from '../cases/case-labels.js';
import type { CaseDetail } from '../cases/case-types.js';
import type { NameLookup } from '../cases/name-lookup.js';
import type { ChangeContext } from '../cases/timeline-changes.js';
import { formatBytes } from '../cases/upload-rules.js';
import { formatDateTime } from '../app/format.js';
import { useI18n } from '../i18n/i18n-context.js';
import './evidence.css';

function Summary({ check }: { check: BundleCheck }) {
  const { t } = useI18n();
  const failed = check.entries.filter((e) => e.status === 'failed').length;
  const signatures = [check.checkpoint.status, check.manifest.status];
  const [type, text] = check.ok
    ? (['success', t('evidence.allVerified', { count: check.entries.length })] as const)
    : failed > 0
      ? (['error', t('evidence.someFailed', { failed })] as const)
      : signatures.includes('failed')
        ? (['error', t('evidence.checkpointFailed')] as const)
        : (['warning', t('evidence.unsupported')] as const);
  return <Alert type={type} showIcon title={text} data-testid="evidence-summary" data-ok={check.ok} />;
}

const fileTag: Record<FileCheck, { color: string; key: 'evidence.fileOk' | 'evidence.fileBad' | 'common.loadFailed' }> = {
  ok: { color: 'success', key: 'evidence.fileOk' },
  bad: { color: 'error', key: 'evidence.fileBad' },
  error: { color: 'default', key: 'common.loadFailed' },
};

/**
 * 存证: the case's trail as the evidence log holds it, each entry checked in the browser against the signed
 * checkpoint, the bundle to download, and how to check it again offline.
 */
export function EvidencePanel({ c, names }: { c: CaseDetail; names: NameLookup }) {
  const { t, lang } = useI18n();
  const evidence = useCaseEvidence(c.id, true);
  const published = usePublishedCheckpoint(true);
  const files = useAttachmentChecks(c.id, evidence.data?.bundle.attachments);
  const ctx = useMemo<ChangeContext>(
    () => ({
      label: (kind, value) => caseLabel(t, kind, value),
      unit: names.unit,
      category: names.category,
      dateTime: (iso) => formatDateTime(iso, lang),
      yesNo: (v) => t(v ? 'case.yes' : 'case.no'),
    }),
    [t, names, lang],
  );
  const actorNames = useMemo(() => {
    const map = new Map<string, string>();
    for (const e of c.timeline) if (e.actor?.id && e.actor.displayName) map.set(e.actor.id, e.actor.displayName);
    return map;
  }, [c.timeline]);

  if (evidence.isLoading) {
    return (
      <div data-testid="evidence-loading">
        <Typography.Text type="secondary">{t('evidence.loading')}</Typography.Text>
        <Skeleton active paragraph={{ rows: 4 }} />
      </div>
    );
  }
  if (evidence.error || !evidence.data) {
    const message = evidence.error instanceof MalformedBundleError ? t('evidence.malformed') : (evidence.error?.message ?? t('common.loadFailed'));
    return <Alert type="error" showIcon title={t('common.loadFailed')} description={message} data-testid="evidence-error" />;
  }
  const { bundle, check } = evidence.data;
  const filename = bundleFilename(c.number);

  return (
    <div className="evidence-panel" data-testid="evidence-panel" data-ok={check.ok}>
      <Summary check={check} />
      <div className="evidence-download">
        <Button type="primary" icon={<DownloadOutlined />} onClick={() => downloadBundle(bundle, c.number)} data-testid="evidence-download">
          {t('evidence.download')}
        </Button>
        <Typography.Text type="secondary" className="evidence-offline">
          {t('evidence.offline')}
          <Typography.Text code copyable>{`npx jiceng audit verify-bundle ${filename}`}</Typography.Text>
        </Typography.Text>
      </div>
      <Typography.Paragraph type="secondary" className="evidence-how">
        {t('evidence.how', { alg: bundle.algorithm === 'sm3' ? 'SM3' : 'SHA-256' })}
      </Typography.Paragraph>
      <EvidenceCheckpoint checkpoint={bundle.checkpoint} check={check} publishedKeyId={published.data?.keyId} />
      <h4 className="evidence-heading">{t('evidence.entries', { count: bundle.entries.length })}</h4>
      {bundle.entries.length === 0 ? (
        <Typography.Text type="secondary">{t('evidence.empty')}</Typography.Text>
      ) : (
        <ol className="evidence-entries">
          {bundle.entries.map((item, i) => (
            <EvidenceEntry key={item.leafIndex} entry={item.entry} check={check.entries[i]!} ctx={ctx} actorName={(id) => actorNames.get(id)} />
          ))}
        </ol>
      )}
      {bundle.attachments.length > 0 && (
        <>
          <h4 className="evidence-heading">{t('evidence.attachments')}</h4>
          <ul className="evidence-files">
            {bundle.attachments.map((a) => {
              const state = files.data?.[a.sha256];
              return (
                <li key={`${a.sha256}-${a.name}`} data-testid="evidence-file">
                  <a href={`/api/cases/${encodeURIComponent(c.id)}/evidence/attachments/${a.sha256}`} download={a.name}>
                    {a.name}
                  </a>
                  <span className="evidence-file-size">{formatBytes(a.size)}</span>
                  {state ? (
                    <Tag color={fileTag[state].color} data-testid="evidence-file-verdict" data-verdict={state}>
                      {t(fileTag[state].key)}
                    </Tag>
                  ) : (
                    <Tag>{t('evidence.fileChecking')}</Tag>
                  )}
                  <code className="evidence-code evidence-file-hash">SHA-256 {a.sha256}</code>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
