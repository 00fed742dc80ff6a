/**
 * Free text as people send it in requests: trimmed, with a length limit, and without control characters other than
 * tab and line breaks. PostgreSQL stores no NUL (a NUL reached it and answered 500), and none of them belongs in a
 * report, a name or a search; a request that holds one gets a 400 naming the field.
 */
import { z } from 'zod';

// Control characters are what this pattern is for.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A trimmed string of at most `max` characters (at least `min.length`, with its message) without control characters. */
export function textInput(max: number, min?: { length: number; message?: string }) {
  const trimmed = z.string().trim();
  return (min ? trimmed.min(min.length, min.message) : trimmed).max(max).refine((s) => !controlCharacter.test(s), '含有控制字符 (contains a control character)');
}
