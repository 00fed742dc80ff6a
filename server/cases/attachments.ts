import { createHash } from 'node:crypto';
import type { AttachmentRef } from '../db/schema/audit.js';
import { AppError } from '../platform/errors.js';
import type { AttachmentInput } from './schema.js';

/** The largest attachment accepted (a phone photo or a minute of voice). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

type Kind = 'photo' | 'voice' | 'document';
const signatures: { mime: string; kind: Kind; ext: string[]; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', kind: 'photo', ext: ['jpg', 'jpeg'], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', kind: 'photo', ext: ['png'], test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/gif', kind: 'photo', ext: ['gif'], test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { mime: 'image/webp', kind: 'photo', ext: ['webp'], test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'audio/wav', kind: 'voice', ext: ['wav'], test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE' },
  { mime: 'audio/amr', kind: 'voice', ext: ['amr'], test: (b) => b.subarray(0, 5).toString('latin1') === '#!AMR' },
  { mime: 'audio/ogg', kind: 'voice', ext: ['ogg', 'oga', 'opus'], test: (b) => b.subarray(0, 4).toString('latin1') === 'OggS' },
  { mime: 'audio/webm', kind: 'voice', ext: ['webm', 'weba'], test: (b) => b.readUInt32BE(0) === 0x1a45dfa3 },
  { mime: 'audio/mpeg', kind: 'voice', ext: ['mp3'], test: (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0) },
  { mime: 'audio/mp4', kind: 'voice', ext: ['m4a', 'aac', 'mp4'], test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  { mime: 'application/pdf', kind: 'document', ext: ['pdf'], test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

/** An attachment checked and ready to store. */
export interface CheckedAttachment extends AttachmentRef {
  kind: Kind;
  mime: string;
  content: Buffer;
}

/**
 * Decodes and checks an attachment: size within the limit, type sniffed from the content (photos, voice notes, PDF
 * only), and the file name's extension and any declared type agreeing with what the content really is.
 */
export function checkAttachment(input: AttachmentInput, index: number): CheckedAttachment {
  const field = `attachments.${index}`;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64.replace(/\s+/g, ''))) {
    throw new AppError('invalid_attachment', `附件“${input.filename}”不是有效的 base64 (not valid base64)`, { field });
  }
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('payload_too_large', `附件“${input.filename}”超过 10 MB (attachment larger than 10 MB)`, { field, size: content.length });
  }
  const sig = content.length >= 12 ? signatures.find((s) => s.test(content)) : undefined;
  if (!sig) throw new AppError('unsupported_media_type', `附件“${input.filename}”不是支持的图片、语音或 PDF (unsupported file type)`, { field });
  const ext = input.filename.toLowerCase().split('.').pop() ?? '';
  const declared = input.mime?.toLowerCase().split(';')[0]?.trim();
  if (!sig.ext.includes(ext) || (declared && declared !== sig.mime && !(declared === 'image/jpg' && sig.mime === 'image/jpeg'))) {
    throw new AppError('invalid_attachment', `附件“${input.filename}”的类型与内容不符：内容是 ${sig.mime} (file name or type does not match its content: ${sig.mime})`, {
      field,
      detected: sig.mime,
    });
  }
  const name = input.filename.replace(/[\\/\0]/g, '_').slice(0, 200);
  return { name, kind: sig.kind, mime: sig.mime, content, size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}
