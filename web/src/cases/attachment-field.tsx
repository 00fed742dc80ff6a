import { Upload } from 'antd';
import type { UploadFile } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { PlusOutlined } from '@ant-design/icons';
import type { AttachmentUpload } from './case-types.js';
import { shrinkPhoto, toAttachments } from './read-files.js';
import { MAX_FILES, acceptAttribute, formatBytes, uploadProblems } from './upload-rules.js';
import type { UploadProblem } from './upload-rules.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { I18n } from '../i18n/i18n-context.js';

/** A problem with the picked files in words the person can act on. */
export function problemText(t: I18n['t'], p: UploadProblem): string {
  switch (p.kind) {
    case 'tooMany':
      return t('upload.tooMany', { max: p.max });
    case 'tooLarge':
      return t('upload.tooLarge', { name: p.name, size: formatBytes(p.size) });
    case 'unsupported':
      return t('upload.unsupported', { name: p.name });
    case 'totalTooLarge':
      return t('upload.totalTooLarge', { total: formatBytes(p.total), limit: formatBytes(p.limit) });
  }
}

function filesOf(list: readonly UploadFile[]): File[] {
  return list.map((f) => f.originFileObj).filter((f): f is NonNullable<UploadFile['originFileObj']> => !!f);
}

/** The form rule that refuses too many files, a file over 10 MB or a type the server will not take, before sending. */
export function attachmentRule(t: I18n['t']): RuleObject {
  return {
    validator: async (_rule, value: UploadFile[] | undefined) => {
      const problems = uploadProblems(filesOf(value ?? []), Number.POSITIVE_INFINITY);
      if (problems.length) throw new Error(problems.map((p) => problemText(t, p)).join('；'));
    },
  };
}

/** Raised when the files, even with photos made smaller, cannot go in one request. */
export class UploadCheckError extends Error {
  constructor(readonly problems: UploadProblem[], message: string) {
    super(message);
    this.name = 'UploadCheckError';
  }
}

/**
 * Shrinks large photos, checks the whole body against the route's limit and reads the files as base64.
 * `shrinkOver` and `maxEdge` say which photos are made smaller and how far.
 */
export async function prepareAttachments(
  t: I18n['t'],
  list: readonly UploadFile[] | undefined,
  limits: { bodyLimit: number; shrinkOver: number; maxEdge: number },
): Promise<AttachmentUpload[] | undefined> {
  const picked = filesOf(list ?? []);
  if (!picked.length) return undefined;
  const files = await Promise.all(picked.map((f) => shrinkPhoto(f, limits.maxEdge, limits.shrinkOver)));
  const problems = uploadProblems(files, limits.bodyLimit);
  if (problems.length) throw new UploadCheckError(problems, problems.map((p) => problemText(t, p)).join('；'));
  return toAttachments(files);
}

interface Props {
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
  testId?: string;
}

/** Photos and voice notes picked on the device (camera, gallery, recorder), kept in the form until it is sent. */
export function AttachmentField({ value, onChange, testId }: Props) {
  const { t } = useI18n();
  const files = value ?? [];
  return (
    <div className="attachment-field" data-testid={testId}>
      <Upload listType="picture-card" multiple accept={acceptAttribute} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => onChange?.(fileList)}>
        {files.length < MAX_FILES && (
          <button type="button" className="upload-button">
            <PlusOutlined />
            <span>{t('upload.add')}</span>
          </button>
        )}
      </Upload>
    </div>
  );
}
