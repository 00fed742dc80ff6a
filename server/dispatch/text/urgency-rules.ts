/**
 * The lexicon of urgent situations in Chinese reports. Each rule names one hazard (the reason shown to the
 * dispatcher) and patterns with weights: a clear statement of the hazard weighs 3 (urgent on its own), a weaker
 * sign 1–2 (urgent only together with another sign). Patterns are matched on normalised text (half-width, lower
 * case), so they are written without full-width punctuation.
 */

export interface UrgencyRule {
  reason: string;
  patterns: readonly { re: RegExp; weight: number }[];
}

const GAS = '(?:燃气|煤气|天然气|液化气|瓦斯)';

export const urgencyRules: readonly UrgencyRule[] = [
  { reason: '燃气泄漏', patterns: [
    { re: new RegExp(`${GAS}(?:管道?)?(?:泄漏|泄露|漏气|外泄|漏了)`), weight: 3 },
    { re: new RegExp(`(?:闻到|一股|很重的|浓浓的|刺鼻的?)${GAS}味|${GAS}味(?:很|特别|非常)?(?:重|浓|大)`), weight: 3 },
    { re: new RegExp(`${GAS}味`), weight: 2 },
  ] },
  { reason: '火灾', patterns: [
    { re: /起火|着火|失火|火灾|大火|火势|烧起来|燃起来|明火/, weight: 3 },
    { re: /冒火星|电火花|冒火|火苗|打火花/, weight: 2.5 },
    { re: /浓烟|冒烟|冒黑烟/, weight: 1.5 },
  ] },
  { reason: '爆炸', patterns: [{ re: /爆炸|爆燃|炸开|发生爆/, weight: 3 }] },
  { reason: '坍塌', patterns: [
    { re: /坍塌|倒塌|垮塌|塌方|塌陷|塌了|垮了/, weight: 3 },
    { re: /(?:随时|快要?|马上|即将)(?:会|要)?(?:倒|塌|垮)|严重(?:倾斜|开裂)|墙体开裂|裂缝越来越大/, weight: 2 },
  ] },
  { reason: '人员被困', patterns: [
    { re: /被困|困在|关在电梯|电梯(?:里|内)?(?:困|卡)(?:住|了)?人|困住|出不来/, weight: 3 },
  ] },
  { reason: '溺水', patterns: [{ re: /溺水|落水|掉进(?:河|水|池|塘|江|湖)|被水冲走/, weight: 3 }] },
  { reason: '洪水内涝', patterns: [
    { re: /洪水|山洪|决堤|溃坝|漫堤|泥石流|积水(?:过膝|齐腰|没过膝盖|及腰|一米)|水淹(?:进|到)?(?:屋|家|房|车)/, weight: 3 },
    { re: /内涝|被淹|淹水|倒灌/, weight: 2 },
    { re: /积水/, weight: 0.5 },
  ] },
  { reason: '暴力冲突', patterns: [
    { re: /持刀|(?:拿|带|举|挥)着?(?:刀|砍刀|棍棒)|砍人|动刀|行凶|械斗|斗殴|打群架|家暴|家庭暴力|殴打|围殴|暴打|伤人/, weight: 3 },
    { re: /打架|打人|动手打|威胁要杀/, weight: 2 },
  ] },
  { reason: '触电', patterns: [
    { re: /触电|电死|被电(?:到|击|伤)/, weight: 3 },
    { re: /(?:高压线|电线|电缆)(?:掉落|断落|垂落|断了|掉下|裸露|拖地)|漏电/, weight: 2 },
  ] },
  { reason: '危化品泄漏', patterns: [
    { re: /(?:危化品|危险化学品|化学品|有毒|毒气|氨气|氯气|硫化氢|农药|硫酸|盐酸|液氨)[^。！？!?]{0,12}(?:泄漏|泄露|外泄|往外漏|漏出|漏了|洒落|倾倒|侧翻)/, weight: 3 },
    { re: /刺鼻(?:的)?(?:气味|化学)|毒气/, weight: 1.5 },
  ] },
  { reason: '交通事故', patterns: [{ re: /车祸|相撞|撞车|翻车|侧翻|追尾|撞倒|被车撞|被撞/, weight: 2 }] },
  { reason: '人员受伤', patterns: [
    { re: /受伤|伤者|流血|骨折|重伤|头破血流|伤亡|死亡|身亡|遇难|撞伤|摔伤|砸伤|咬伤/, weight: 3 },
  ] },
  { reason: '有人晕倒', patterns: [
    { re: /晕倒|昏倒|昏迷|倒地不起|不省人事|休克|抽搐|没有呼吸|心脏骤停|不醒人事/, weight: 3 },
  ] },
  { reason: '轻生', patterns: [{ re: /跳楼|跳河|轻生|自杀|割腕|寻短见/, weight: 3 }] },
  { reason: '人员走失', patterns: [{ re: /(?:老人|孩子|小孩|儿童|学生)(?:走失|失踪|不见了)/, weight: 2.5 }] },
];

/** Words of alarm that raise an already hazardous report (never urgent on their own). */
export const intensifiers = /紧急|十万火急|救命|快来人|赶紧来|马上来|立即|危险|求救|110|119|120/g;

/** Negation right before a hazard ("没有起火", "无人受伤", "并未发生"): the hazard is denied. */
export const negationBefore = /(?:没有|没|无|未|不是|并非|不存在|排除|谣传|传言|谣言|假的)[^，。！？；,.!?;\s]{0,4}$/;

/** A denial after the hazard ("……检查后不存在泄漏", "虚惊一场"): the hazard is denied. */
export const deniedAfter = /不存在|是误报|误报|是谣言|虚惊一场|没有发现|并无|没事/;

/** The hazard is over ("已扑灭", "已经救出"): still worth a record, no longer an emergency. */
export const resolvedCue = /(?:已|已经|早已|均已|都已)[^，。！？；,.!?;]{0,5}?(?:扑灭|灭了|熄灭|控制住|处置完?|处理好?|修好|修复|排除|救出|脱险|脱困|送医|送往医院|恢复|疏散)/;

/** Before a hazard, words that make it a risk or a past event ("担心起火", "容易落水", "去年发生过"). */
export const riskBefore = /担心|担忧|以防|防止|预防|万一|怕|可能|容易|会不会|去年|前年|曾经|以前|过去|多年前|宣传/;

/** Right after a hazard, words that make it a risk ("火灾隐患", "触电的风险"). */
export const riskAfter = /^[^，,。]{0,3}(?:隐患|风险|危险性)/;

/** A drill or exercise anywhere in the report: every hazard in it is staged. */
export const drillCue = /演练|演习|模拟|逃生训练/;
