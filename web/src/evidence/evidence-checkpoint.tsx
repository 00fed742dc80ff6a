import { Descriptions, Typography } from 'antd';
import type { BundleCheckpoint } from './evidence-types.js';
import type { BundleCheck } from './verify-bundle.js';
import { VerdictTag } from './evidence-status.js';
import { formatDateTime } from '../app/format.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Props {
  checkpoint: BundleCheckpoint;
  check: BundleCheck;
  /** The keyId the platform publishes now (GET /api/audit/checkpoints/latest), when known. */
  publishedKeyId: string | undefined;
}

/** The signed tree head the entries are proven against, its signature's verdict and the manifest's. */
export function EvidenceCheckpoint({ checkpoint: cp, check, publishedKeyId }: Props) {
  const { t, lang } = useI18n();
  const keyNote =
    publishedKeyId === undefined ? null : publishedKeyId === check.keyId ? (
      <Typography.Text type="success"> · {t('evidence.keyPublished')}</Typography.Text>
    ) : (
      <Typography.Text type="danger" data-testid="evidence-key-mismatch">
        {' '}
        · {t('evidence.keyNotPublished', { keyId: publishedKeyId })}
      </Typography.Text>
    );
  return (
    <Descriptions
      size="small"
      column={1}
      className="evidence-checkpoint"
      data-testid="evidence-checkpoint"
      items={[
        { key: 'sig', label: t('evidence.checkpoint'), children: <VerdictTag verdict={check.checkpoint.status} problems={check.checkpoint.problems} testId="evidence-checkpoint-verdict" /> },
        {
          key: 'manifest',
          label: t('evidence.manifest'),
          children: (
            <span className="evidence-manifest">
              <VerdictTag verdict={check.manifest.status} problems={check.manifest.problems} testId="evidence-manifest-verdict" />
              <Typography.Text type="secondary">{t('evidence.manifestHint')}</Typography.Text>
            </span>
          ),
        },
        { key: 'size', label: t('evidence.treeSize'), children: cp.treeSize },
        { key: 'root', label: t('evidence.rootHash'), children: <code className="evidence-code">{cp.rootHash}</code> },
        { key: 'time', label: t('evidence.signedAt'), children: formatDateTime(cp.timestamp, lang) },
        { key: 'alg', label: t('evidence.algorithm'), children: cp.algorithm === 'sm3' ? 'SM3 (GB/T 32905)' : 'SHA-256' },
        {
          key: 'key',
          label: t('evidence.keyId'),
          children: (
            <span>
              <code className="evidence-code">{check.keyId ?? cp.keyId}</code> (Ed25519)
              {keyNote}
            </span>
          ),
        },
      ]}
    />
  );
}
