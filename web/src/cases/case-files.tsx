import { useEffect, useState } from 'react';
import { Image, Typography } from 'antd';
import { AudioOutlined, DownloadOutlined, FileOutlined } from '@ant-design/icons';
import type { CaseAttachment } from './case-types.js';
import { formatBytes } from './upload-rules.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The file's address: the evidence route serves every attachment of a readable case by its hash. */
function fileUrl(caseId: string, a: CaseAttachment): string {
  return `/api/cases/${encodeURIComponent(caseId)}/evidence/attachments/${a.sha256}`;
}

/**
 * The file as a local object URL of its real type: the server sends attachments as opaque downloads (never rendered
 * inline from its origin), so the page reads the bytes and shows them itself.
 */
function useObjectUrl(url: string, mime: string, enabled: boolean): string | null {
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let created: string | null = null;
    fetch(url, { credentials: 'same-origin', signal: controller.signal })
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then((blob) => {
        created = URL.createObjectURL(new Blob([blob], { type: mime }));
        setObjectUrl(created);
      })
      .catch(() => setObjectUrl(null));
    return () => {
      controller.abort();
      if (created) URL.revokeObjectURL(created);
    };
  }, [url, mime, enabled]);
  return objectUrl;
}

function FileTile({ caseId, file }: { caseId: string; file: CaseAttachment }) {
  const { t } = useI18n();
  const url = fileUrl(caseId, file);
  const local = useObjectUrl(url, file.mime, file.kind !== 'document');
  return (
    <div className={`file-tile file-tile-${file.kind}`} data-testid="case-file">
      {file.kind === 'photo' ? (
        local ? (
          <Image src={local} alt={file.filename} width={96} height={96} className="file-thumb" />
        ) : (
          <div className="file-thumb file-thumb-empty" />
        )
      ) : file.kind === 'voice' ? (
        <div className="file-voice">
          <AudioOutlined />
          {local && <audio controls preload="none" src={local} />}
        </div>
      ) : (
        <div className="file-thumb file-thumb-empty">
          <FileOutlined />
        </div>
      )}
      <div className="file-name" title={file.filename}>
        {file.filename}
      </div>
      <div className="file-meta">
        {formatBytes(file.size)}{' '}
        <a href={url} download={file.filename} aria-label={t('caseView.download')}>
          <DownloadOutlined />
        </a>
      </div>
    </div>
  );
}

/** The case's photos, voice notes and documents: thumbnails to enlarge, players for voice, a download for each. */
export function CaseFiles({ caseId, files }: { caseId: string; files: readonly CaseAttachment[] }) {
  const { t } = useI18n();
  if (!files.length) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <div className="file-tiles">
        {files.map((f) => (
          <FileTile key={f.id} caseId={caseId} file={f} />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
