/**
 * Default urgency and deadline (时限) seeds. Leaves in urgentCategoryCodes make every case in them urgent: a danger to
 * life or property that cannot wait for the next working day. The SLA policies give each step of a case its time
 * limit; the server applies the most specific policy whose match fields all fit the case (urgency weighs most, then
 * a category match, the deeper the better, then channel), and the policy with an empty match is the fallback.
 * The defaults mirror common 12345 practice: receipt within hours, a first reply within one working day, a result
 * within five working days, and a yellow card once 80% of a step's time has gone.
 */
import type { Channel, Urgency } from '../../common/cases.js';
import type { ClockMode, Duration } from '../sla/working-time.js';

/** A time limit and the clock it runs on (natural time or office hours on working days). */
export interface Target extends Duration {
  mode: ClockMode;
}

/** One default SLA policy. */
export interface SlaPolicySeed {
  name: string;
  /** Empty fields match every case; categoryCode also matches the codes below it. */
  match: { urgency?: Urgency; channel?: Channel; categoryCode?: string };
  /** From dispatch to the unit's acceptance (签收). */
  accept: Target;
  /** From receipt to the first reply to the reporter. */
  firstResponse: Target;
  /** From receipt to the unit's report that the work is done (办结). */
  resolve: Target;
  /** Share of a step's time after which the yellow card shows. */
  warningShare: number;
}

/** Leaves whose cases are always urgent: fire, gas, collapse, people trapped or missing, flooding, violence. */
export const urgentCategoryCodes: string[] = [
  'L0101', // 消防通道堵塞: the seed's example, to be cleared within two hours
  'L0102', // 燃气泄漏
  'L0103', // 火灾
  'L0301', // 积水内涝
  'L0302', // 地质灾害
  'L0401', // 房屋倒塌
  'L0501', // 电梯困人
  'L0502', // 人员落水
  'L0503', // 人员走失
  'I0101', // 打架斗殴
  'I0103', // 家庭暴力
  'I0502', // 精神障碍患者肇事
  'H0104', // 食物中毒
  'N0103', // 供水管道爆裂
];

const workingDays = (amount: number): Target => ({ amount, unit: 'days', mode: 'working' });

/** The default policies; the last one, with an empty match, applies when no other fits. */
export const defaultSlaPolicies: SlaPolicySeed[] = [
  {
    name: '紧急事项',
    match: { urgency: 'urgent' },
    accept: { amount: 30, unit: 'minutes', mode: 'natural' },
    firstResponse: { amount: 1, unit: 'hours', mode: 'natural' },
    resolve: { amount: 2, unit: 'hours', mode: 'natural' },
    warningShare: 0.8,
  },
  {
    // Wage arrears hurt families at once; many counties promise a faster result than other labour cases.
    name: '拖欠工资',
    match: { categoryCode: 'E0101' },
    accept: { amount: 2, unit: 'hours', mode: 'working' },
    firstResponse: workingDays(1),
    resolve: workingDays(3),
    warningShare: 0.8,
  },
  {
    name: '路灯不亮',
    match: { categoryCode: 'A0301' },
    accept: { amount: 2, unit: 'hours', mode: 'working' },
    firstResponse: workingDays(1),
    resolve: workingDays(2),
    warningShare: 0.8,
  },
  {
    name: '生活垃圾清运',
    match: { categoryCode: 'B0201' },
    accept: { amount: 2, unit: 'hours', mode: 'working' },
    firstResponse: workingDays(1),
    resolve: workingDays(1),
    warningShare: 0.8,
  },
  {
    name: '停水',
    match: { categoryCode: 'N0101' },
    accept: { amount: 1, unit: 'hours', mode: 'natural' },
    firstResponse: { amount: 4, unit: 'hours', mode: 'natural' },
    resolve: { amount: 1, unit: 'days', mode: 'natural' },
    warningShare: 0.8,
  },
  {
    name: '停电',
    match: { categoryCode: 'N0201' },
    accept: { amount: 1, unit: 'hours', mode: 'natural' },
    firstResponse: { amount: 4, unit: 'hours', mode: 'natural' },
    resolve: { amount: 1, unit: 'days', mode: 'natural' },
    warningShare: 0.8,
  },
  {
    name: '村社区干部反馈',
    match: { channel: 'cadre' },
    accept: workingDays(1),
    firstResponse: { amount: 48, unit: 'hours', mode: 'natural' },
    resolve: workingDays(5),
    warningShare: 0.8,
  },
  {
    name: '12345热线',
    match: { channel: 'hotline' },
    accept: { amount: 2, unit: 'hours', mode: 'working' },
    firstResponse: workingDays(1),
    resolve: workingDays(5),
    warningShare: 0.8,
  },
  {
    name: '默认时限',
    match: {},
    accept: workingDays(1),
    firstResponse: workingDays(1),
    resolve: workingDays(5),
    warningShare: 0.8,
  },
];
