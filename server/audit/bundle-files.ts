/**
 * Checking a bundle's attachment files on disk. Files are looked up by their sha256 hex first (names are
 * neither unique nor safe as paths), then by their name when it is a plain file name. Hashing streams, so
 * a video of several gigabytes costs no memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AttachmentRef } from './entry.js';

/** SHA-256 hex and byte size of a file, read as a stream. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
  }
  return { sha256: hash.digest('hex'), size };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function isPlainName(name: string): boolean {
  return name !== '.' && name !== '..' && !name.includes('\0') && basename(name) === name && !name.includes('\\');
}

/** Problems with the attachment files in dir: missing, or content not matching the recorded hash and size. */
export async function checkAttachmentFiles(dir: string, attachments: readonly AttachmentRef[]): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, a] of attachments.entries()) {
    const where = `attachments[${i}] (${a.name})`;
    const candidates = [join(dir, a.sha256), ...(isPlainName(a.name) ? [join(dir, a.name)] : [])];
    let path: string | undefined;
    for (const c of candidates) {
      if (await isFile(c)) {
        path = c;
        break;
      }
    }
    if (path === undefined) {
      problems.push(`${where}: 附件文件缺失 (file not found in ${dir})`);
      continue;
    }
    let actual: { sha256: string; size: number };
    try {
      actual = await hashFile(path);
    } catch (e) {
      problems.push(`${where}: 附件文件无法读取 (file unreadable: ${(e as Error).message})`);
      continue;
    }
    if (actual.sha256 !== a.sha256) {
      problems.push(`${where}: 文件内容与记录的 sha256 不符 (file hashes to ${actual.sha256}, recorded ${a.sha256})`);
    } else if (actual.size !== a.size) {
      problems.push(`${where}: 文件大小 ${actual.size} 与记录的 ${a.size} 不符 (size differs)`);
    }
  }
  return problems;
}
