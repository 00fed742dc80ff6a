/** Turns picked files into the `attachments` of a request body, in the browser. */
import type { AttachmentUpload } from './case-types.js';
import { declaredMime, extensionOf } from './upload-rules.js';

/** The file's bytes as base64, without the data-URL prefix. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * A smaller JPEG of a large photo (longest edge `maxEdge`), so a phone on a weak signal sends hundreds of kilobytes
 * instead of several megabytes. Anything that is not a still photo, or that the browser cannot decode, is kept as is.
 */
export async function shrinkPhoto(file: File, maxEdge: number, overBytes: number): Promise<File> {
  const ext = extensionOf(file.name);
  if (file.size <= overBytes || !['jpg', 'jpeg', 'png', 'webp'].includes(ext) || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    // PNG transparency would turn black in a JPEG; paint white underneath.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
    if (!blob || blob.size >= file.size) return file;
    const name = `${file.name.slice(0, file.name.length - ext.length - 1) || 'photo'}.jpg`;
    return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
  } catch {
    return file;
  }
}

/** Reads every file into the shape the API takes; the type declared is the one the server will detect. */
export async function toAttachments(files: readonly File[]): Promise<AttachmentUpload[]> {
  return Promise.all(
    files.map(async (f) => ({ filename: f.name, mime: declaredMime(f.name) ?? f.type, contentBase64: await readBase64(f) })),
  );
}
