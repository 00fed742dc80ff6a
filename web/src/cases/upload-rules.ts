/**
 * What the server accepts as attachments (server/cases/attachments.ts and the routes' body limits), checked before the
 * upload so that a grid worker on a slow connection learns at once, not after sending 20 MB. Pure.
 */

/** The largest single file the server keeps. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** At most nine files per report or resolution. */
export const MAX_FILES = 9;
/** POST /api/cases takes 25 MB of JSON; the action routes (办结 with photos) keep Fastify's default of 2 MB. */
export const REPORT_BODY_BYTES = 25 * 1024 * 1024;
export const ACTION_BODY_BYTES = 2 * 1024 * 1024;
/** Room left in a body for the text fields beside the files. */
const TEXT_ROOM = 64 * 1024;

/** The types the server recognises by content, by file extension, with the type it will detect. */
export const mimeByExtension: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  wav: 'audio/wav',
  amr: 'audio/amr',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  webm: 'audio/webm',
  weba: 'audio/webm',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/mp4',
  mp4: 'audio/mp4',
  pdf: 'application/pdf',
};

/** The `accept` attribute of the file picker: photos and voice notes (the phone offers camera and recorder). */
export const acceptAttribute = 'image/*,audio/*,.amr,.m4a,.pdf';

/** The extension of a file name, lower case, without the dot. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The type to declare for a file: the one the server will sniff for its extension (a phone's guess may differ). */
export function declaredMime(name: string): string | undefined {
  return mimeByExtension[extensionOf(name)];
}

/** Bytes a file takes once base64-encoded into JSON. */
export function base64Size(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** Why a set of files cannot be sent. */
export type UploadProblem =
  | { kind: 'tooMany'; max: number }
  | { kind: 'tooLarge'; name: string; size: number }
  | { kind: 'unsupported'; name: string }
  | { kind: 'totalTooLarge'; total: number; limit: number };

/** Every reason the files cannot go in one body of at most `bodyLimit` bytes; empty when they can. */
export function uploadProblems(files: readonly { name: string; size: number }[], bodyLimit: number): UploadProblem[] {
  const problems: UploadProblem[] = [];
  if (files.length > MAX_FILES) problems.push({ kind: 'tooMany', max: MAX_FILES });
  for (const f of files) {
    if (!declaredMime(f.name)) problems.push({ kind: 'unsupported', name: f.name });
    else if (f.size > MAX_FILE_BYTES) problems.push({ kind: 'tooLarge', name: f.name, size: f.size });
  }
  const total = files.reduce((sum, f) => sum + base64Size(f.size), 0);
  const limit = bodyLimit - TEXT_ROOM;
  if (files.length && total > limit) problems.push({ kind: 'totalTooLarge', total: Math.ceil((total * 3) / 4), limit: Math.floor((limit * 3) / 4) });
  return problems;
}

/** A size for people: 850 KB, 3.2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
