/**
 * Realistic Chinese reports for demos, tests and benchmarks: a resident's voice, places in the demo county, labelled
 * with the leaf category and whether the case is urgent. Leaves with templates get their own texts; the others get
 * generic texts built from the leaf's name and keywords. paraphrase() makes near-duplicates of a text, so duplicate
 * and urgency detection can be measured on generated labelled sets. All randomness comes from the rng passed in.
 */
import { pick } from '../org/prng.js';
import { AppError } from '../platform/errors.js';
import { templatesAtoB } from './report-samples-a-b.js';
import { templatesCtoD } from './report-samples-c-d.js';
import { templatesEtoG } from './report-samples-e-g.js';
import { templatesHtoJ } from './report-samples-h-j.js';
import { templatesKtoL } from './report-samples-k-l.js';
import { templatesMtoP } from './report-samples-m-p.js';
import { fillSlots } from './report-samples-slots.js';
import { defaultTaxonomy } from './taxonomy-data.js';
import type { TaxonomyNode } from './taxonomy-data.js';
import { urgentCategoryCodes } from './urgency-data.js';

/** Texts of one leaf category; {slots} are filled from report-samples-slots.ts. */
export interface ReportTemplate {
  /** titles[i] is the title of bodies[i]; bodies without one get a generic title. */
  titles: string[];
  bodies: string[];
  /** Bodies describing an immediate danger: the report is urgent even where the category is not. */
  urgentBodies?: string[];
  /** What reporters of this kind typically ask for; mixed with the common closings. */
  asks?: string[];
  /** 'inquiry' (咨询, 建议) and 'thanks' (表扬) close differently from a complaint. */
  tone?: 'complaint' | 'inquiry' | 'thanks';
}

/** One generated report with its labels. */
export interface GeneratedReport {
  title: string;
  description: string;
  categoryCode: string;
  urgent: boolean;
}

/** The templates by leaf code. */
export const reportTemplates: Record<string, ReportTemplate> = {
  ...templatesAtoB, ...templatesCtoD, ...templatesEtoG, ...templatesHtoJ, ...templatesKtoL, ...templatesMtoP,
};

const genericTemplate: ReportTemplate = {
  titles: ['反映{name}问题', '关于{name}的反映', '{name}', '{kw}的问题'],
  bodies: [
    '反映一个{name}方面的问题，{place}这边{kw}的情况比较突出，影响大家正常生活。',
    '{place}这边有{kw}的问题，{dur}了一直没有解决。',
    '想反映一下{kw}的情况，属于{name}方面的事，不知道该找哪个部门。',
    '我们这里有{kw}的问题，{place}附近的住户都有意见。',
  ],
};
const genericTitles = genericTemplate.titles;

type Tone = NonNullable<ReportTemplate['tone']> | 'urgent';
const openings: Record<Tone, string[]> = {
  complaint: ['您好，', '你好，', '您好，我想反映个问题。', '我要反映一个情况：', '麻烦登记一下，', '我是附近的住户，', '打扰了，', '反映问题：'],
  inquiry: ['您好，', '你好，', '打扰一下，'],
  thanks: ['您好，', '你好，'],
  urgent: ['紧急情况！', '快来人！', '你好，', '求助！'],
};
const closings: Record<Tone, string[]> = {
  complaint: ['希望有关部门尽快处理。', '请相关部门管一管。', '麻烦尽快派人来看看。', '希望早日解决，谢谢！', '盼回复。', '请给个处理结果。', '谢谢！'],
  inquiry: ['谢谢。', '麻烦回复一下。', '盼答复。', '谢谢！'],
  thanks: ['谢谢！', '再次感谢！'],
  urgent: ['请马上派人来！', '情况紧急，请尽快处置！', '太危险了，赶紧来人！', '请立即处理！'],
};
const followUps = ['这个情况已经持续{dur}了。', '之前打过电话，到现在也没解决。', '反映过好几次了，还是老样子。'];
/** Follow-ups that only make sense when the report is about a place, not a personal matter. */
const placeFollowUps = ['已经{dur}了，一直没人管。', '周边住户意见都很大。', '路过的人都看得见，就是没人管。'];
const placeSlots = new Set(['estate', 'road', 'village', 'community', 'market', 'school', 'river', 'spot', 'rspot', 'place']);

function leavesOf(node: TaxonomyNode): TaxonomyNode[] {
  return node.children?.length ? node.children.flatMap(leavesOf) : [node];
}
const allLeaves = defaultTaxonomy.flatMap(leavesOf);
const nodesByCode = new Map<string, TaxonomyNode>();
const index = (n: TaxonomyNode): void => {
  nodesByCode.set(n.code, n);
  n.children?.forEach(index);
};
defaultTaxonomy.forEach(index);
const urgentCodes = new Set(urgentCategoryCodes);

/** A leaf of the requested category (itself if a leaf, one of its leaves otherwise), or of all leaves. */
function chooseLeaf(rng: () => number, categoryCode: string | undefined): TaxonomyNode {
  if (categoryCode === undefined) return pick(rng, allLeaves);
  const node = nodesByCode.get(categoryCode);
  if (!node) throw new AppError('unknown_category', `未知的问题分类“${categoryCode}” (unknown category)`, { categoryCode });
  return pick(rng, leavesOf(node));
}

const SLOT = /\{([a-z0-9]+)\}/g;
const slotsIn = (text: string): string[] => [...text.matchAll(SLOT)].map((m) => m[1] ?? '');

/** A labelled report of the given category (a random leaf below it if not a leaf; any leaf if omitted). */
export function generateReport(rng: () => number, categoryCode?: string): GeneratedReport {
  const leaf = chooseLeaf(rng, categoryCode);
  const template = reportTemplates[leaf.code] ?? genericTemplate;
  const drawn = new Map<string, string>([['name', leaf.name], ['kw', pick(rng, leaf.keywords)]]);
  const urgentBody = template.urgentBodies && rng() < 0.3 ? pick(rng, template.urgentBodies) : undefined;
  const urgent = urgentCodes.has(leaf.code) || urgentBody !== undefined;
  const tone: Tone = urgent ? 'urgent' : (template.tone ?? 'complaint');

  const parts: string[] = [];
  if (rng() < 0.4) parts.push(pick(rng, openings[tone]));
  const body = urgentBody ?? pick(rng, template.bodies);
  parts.push(body);
  if (tone === 'complaint' && rng() < 0.35) {
    const aboutPlace = slotsIn(body).some((s) => placeSlots.has(s));
    parts.push(pick(rng, aboutPlace ? [...followUps, ...placeFollowUps] : followUps));
  }
  if (template.asks && rng() < 0.5) parts.push(pick(rng, template.asks));
  else if (rng() < (urgent ? 0.85 : 0.75)) parts.push(pick(rng, closings[tone]));
  const description = fillSlots(rng, parts.join(''), drawn);

  // titles[i] is written for bodies[i]; it may only name places the description names, or the two would disagree.
  const own = urgentBody === undefined ? template.titles[template.bodies.indexOf(body)] : undefined;
  const fits = own !== undefined && slotsIn(own).every((s) => drawn.has(s));
  const titleTemplate = fits && rng() < 0.85 ? own : pick(rng, genericTitles);
  const title = fillSlots(rng, titleTemplate, drawn);
  return { title, description, categoryCode: leaf.code, urgent };
}

const synonyms: [string, string][] = [
  ['希望', '盼望'], ['尽快', '赶紧'], ['一直', '始终'], ['特别', '非常'], ['每天', '天天'], ['好多', '很多'],
  ['晚上', '夜里'], ['早上', '早晨'], ['现在', '目前'], ['附近', '周边'], ['麻烦', '劳驾'], ['根本', '压根'],
  ['不知道', '不清楚'], ['怎么办', '咋办'], ['反映', '反应'], ['好几天', '好些天'], ['马上', '立刻'], ['孩子', '小孩'],
];
const GREETING = /^(您好|你好|打扰了|打扰一下)[，,！!]?/;
const repeatPrefixes = ['再次反映：', '还是之前那个事，', '同样的问题再反映一下，', '补充一下，', '之前反映过，'];
const extraEndings = ['急！', '谢谢。', '请尽快回复。', '麻烦了。'];

/** A near-duplicate of a report text: the same complaint told again with other words, as repeat reporters do. */
export function paraphrase(rng: () => number, text: string): string {
  let out = text;
  for (const [a, b] of synonyms) {
    if (out.includes(a) && rng() < 0.5) out = out.replaceAll(a, b);
    else if (out.includes(b) && rng() < 0.5) out = out.replaceAll(b, a);
  }
  if (GREETING.test(out)) {
    if (rng() < 0.6) out = out.replace(GREETING, '');
  } else if (rng() < 0.25) out = `您好，${out}`;
  const clauses = out.split('，');
  if (clauses.length >= 4 && rng() < 0.3) {
    clauses.splice(1 + Math.floor(rng() * (clauses.length - 2)), 1);
    out = clauses.join('，');
  }
  if (rng() < 0.35) out = pick(rng, repeatPrefixes) + out;
  if (rng() < 0.35) out += pick(rng, extraEndings);
  if (rng() < 0.15) out = out.replaceAll('，', ' ');
  return out === text ? `${text}${pick(rng, extraEndings)}` : out;
}
