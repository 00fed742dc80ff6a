/**
 * Distant supervision from official replies: a reply that names the unit which handled a message says which line of
 * government it belongs to (a reply from the 人社局 is about labour and social security). The table below maps unit
 * names to the seven categories of the citizen-message boards; it is general knowledge of how Chinese local
 * government divides its work (三定方案), written by hand and not learnt from any labelled data. A deployment's own
 * unit → category knowledge lives in its dispatch rules; this table is for evaluation files whose replies name
 * units in free text. An experiment, not used by the classifier: in cross-validation it raised leave-cluster-out
 * macro-F1 and lowered stratified macro-F1 at every cost tried (docs/BENCHMARKS.md#classifier); `cv-cli.ts
 * --reply-units` reproduces it. Units whose remit spans categories (文化和旅游局, 城管 and 环卫, 民政局) or none of
 * the seven (公安 apart from traffic police, 信访, 街道办) are left out on purpose.
 */
import { inputText } from './features.js';
import type { TextInput } from './features.js';

/** Default cost of a reply-labelled example relative to a labelled one (cv-cli.ts --reply-weight). */
export const DEFAULT_REPLY_WEIGHT = 0.3;

/** Unit names (substrings of a reply) per category. */
export const REPLY_UNITS: Readonly<Record<string, readonly string[]>> = {
  城乡建设: [
    '住房和城乡建设', '住建局', '住建委', '城乡建设局', '住房保障', '房产局', '房地产管理局', '房屋征收', '征收办', '不动产登记',
    '自然资源和规划局', '自然资源局', '规划局', '国土资源局', '国土局', '供水公司', '自来水公司', '燃气公司', '供电公司', '物业管理科',
  ],
  劳动和社会保障: [
    '人力资源和社会保障', '人社局', '社保局', '社会保险', '社保中心', '劳动保障监察', '劳动监察', '劳动人事争议仲裁', '就业服务',
    '医疗保障局', '医保局', '医保中心',
  ],
  教育文体: ['教育局', '教育和体育局', '教体局', '教育体育局', '招生考试', '体育局', '文物局', '图书馆', '广播电视局'],
  商贸旅游: ['商务局', '商务和粮食局', '旅游局', '旅游发展委员会', '工商局', '工商行政管理', '物价局', '价格监督', '消费者协会', '市场监督管理局', '市场监管局'],
  卫生计生: ['卫生健康委', '卫健委', '卫健局', '卫生和计划生育', '卫计局', '卫计委', '卫生局', '计生', '疾病预防控制', '疾控中心', '人民医院', '中心医院', '卫生院'],
  环境保护: ['生态环境局', '生态环境分局', '环境保护局', '环保局', '环境监察', '环境监测'],
  交通运输: [
    '交通运输局', '交通局', '交通运输委员会', '公交公司', '公交集团', '公共交通', '轨道交通', '地铁', '交警', '交通警察', '运管处', '道路运输管理',
    '出租汽车', '客运', '公路局', '公路管理', '高速公路管理',
  ],
};

/**
 * The category of the units a reply names, when they all belong to one category; null when it names none, or
 * units of several (a reply that coordinated two lines of government says nothing certain about either).
 */
export function categoryOfReply(reply: string, table: Readonly<Record<string, readonly string[]>> = REPLY_UNITS): string | null {
  let found: string | null = null;
  for (const [category, units] of Object.entries(table)) {
    if (!units.some((u) => reply.includes(u))) continue;
    if (found !== null) return null;
    found = category;
  }
  return found;
}

/**
 * Weakly labelled examples from messages whose reply names units of one category, at `weight`; a message whose text
 * is one of `exclude` (the labelled examples) is left out, so that no text is taught twice.
 */
export function replyUnitExamples(
  rows: readonly { title: string; body: string; reply?: string }[],
  exclude: ReadonlySet<string>,
  weight = DEFAULT_REPLY_WEIGHT,
  table: Readonly<Record<string, readonly string[]>> = REPLY_UNITS,
): { text: TextInput; label: string; weight: number }[] {
  return rows.flatMap((r) => {
    const label = r.reply ? categoryOfReply(r.reply, table) : null;
    const text = { title: r.title, body: r.body };
    return label && !exclude.has(inputText(text)) ? [{ text, label, weight }] : [];
  });
}
