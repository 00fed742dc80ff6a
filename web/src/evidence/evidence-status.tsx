import { Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n-context.js';
import type { SignatureProblem, EntryProblem } from './verify-bundle.js';

/** A verdict as the page shows it. 'unsigned' and 'unsupported': the proof holds, the signature was not checked. */
export type Verdict = 'verified' | 'failed' | 'unsigned' | 'unsupported';

/** ✓ 已验证 / ✗ 验证失败 / ! 签名未核验, with the reasons of a failure. */
export function VerdictTag({ verdict, problems = [], testId }: { verdict: Verdict; problems?: readonly (EntryProblem | SignatureProblem)[]; testId?: string }) {
  const { t } = useI18n();
  const reasons = problems.map((p) => t(`evidence.problem.${p}`)).join('；');
  if (verdict === 'verified') {
    return (
      <Tag color="success" icon={<CheckCircleFilled />} className="verdict" data-testid={testId} data-verdict={verdict}>
        {t('evidence.verified')}
      </Tag>
    );
  }
  if (verdict === 'failed') {
    return (
      <Tag color="error" icon={<CloseCircleFilled />} className="verdict" data-testid={testId} data-verdict={verdict} title={reasons}>
        {t('evidence.failed')}
        {reasons && `：${reasons}`}
      </Tag>
    );
  }
  return (
    <Tag color="warning" icon={<ExclamationCircleFilled />} className="verdict" data-testid={testId} data-verdict={verdict}>
      {t('evidence.unsigned')}
    </Tag>
  );
}
