/**
 * The title a report gets when the reporter gave none: the start of its description, at most 30 characters, ending
 * where the text ends a sentence or a clause rather than mid-phrase, without the punctuation it stopped at.
 */
const MAX = 30;
/** Characters that end a sentence, and those that end a clause. */
const sentenceEnd = new Set(['。', '！', '？', '!', '?', '；', ';', '…']);
const clauseEnd = new Set(['，', ',', '、', '：', ':']);
/** What a title never ends with: punctuation, brackets left open, spaces. */
const trailing = /[\s。！？!?；;…，,、：:（(【「『“"'‘—-]+$/u;

export function titleFromDescription(description: string): string {
  // Characters, not UTF-16 units: half an emoji is not valid text (and could never be encoded into the trail).
  const chars = Array.from(description.replace(/\s+/g, ' ').trim());
  if (chars.length <= MAX) return chars.join('').replace(trailing, '') || chars.join('');
  const head = chars.slice(0, MAX + 1);
  // The first sentence when it is long enough to say something; else the longest run of whole clauses; else a cut.
  let end = head.findIndex((c, i) => i >= 8 && sentenceEnd.has(c));
  if (end < 0) end = head.findLastIndex((c, i) => i >= 12 && clauseEnd.has(c));
  const cut = chars.slice(0, end < 0 ? MAX : end).join('');
  return cut.replace(trailing, '') || cut;
}
