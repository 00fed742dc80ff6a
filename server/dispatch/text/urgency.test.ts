import { describe, expect, it } from 'vitest';
import { assessUrgency, URGENT_THRESHOLD } from './urgency.js';

describe('assessUrgency', () => {
  it.each([
    ['三单元二楼楼道里煤气味很重，敲门没人应', '燃气泄漏'],
    ['幸福路菜市场后面的仓库着火了，火势很大', '火灾'],
    ['老街那栋旧房子的外墙倒塌了，砸到了路边的车', '坍塌'],
    ['小区5号楼电梯突然停了，里面有两个人被困', '人员被困'],
    ['河边有个小孩落水了，请赶紧派人', '溺水'],
    ['暴雨后地下通道积水过膝，车辆被淹', '洪水内涝'],
    ['烧烤店门口有人持刀打架', '暴力冲突'],
    ['工地上一名工人触电，倒在地上', '触电'],
    ['化工厂的罐车翻了，危险化学品泄漏', '危化品泄漏'],
    ['公交站台有位老人晕倒了，没有反应', '有人晕倒'],
    ['楼下餐馆发生爆炸，玻璃全碎了', '爆炸'],
  ])('flags %s as urgent (%s)', (text, reason) => {
    const r = assessUrgency(text);
    expect(r.urgent).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(URGENT_THRESHOLD);
    expect(r.reasons).toContain(reason);
  });

  it('leaves ordinary complaints alone', () => {
    for (const text of ['小区路灯坏了一个月没人修', '楼上装修噪音太大，周末早上七点就开始', '希望增加一条公交线路到新区']) {
      const r = assessUrgency(text);
      expect(r).toEqual({ urgent: false, score: 0, reasons: [] });
    }
  });

  it('cancels a negated hazard', () => {
    const r = assessUrgency('厨房冒了点烟，但是没有起火，也没有人受伤');
    expect(r.urgent).toBe(false);
    expect(r.reasons).not.toContain('火灾');
    expect(r.reasons).not.toContain('人员受伤');
  });

  it('damps a hazard that is already over', () => {
    const live = assessUrgency('垃圾站起火了');
    const over = assessUrgency('垃圾站起火了，现在火已经扑灭');
    expect(live.urgent).toBe(true);
    expect(over.urgent).toBe(false);
    expect(over.score).toBeLessThan(live.score);
    expect(over.reasons).toContain('火灾');
  });

  it('damps a mere risk', () => {
    const r = assessUrgency('楼道堆满杂物，存在火灾隐患，希望清理');
    expect(r.urgent).toBe(false);
    expect(r.score).toBeGreaterThan(0);
  });

  it('adds weaker signs together and counts alarm words only with a hazard', () => {
    expect(assessUrgency('救命，赶紧来人').urgent).toBe(false);
    const weak = assessUrgency('老房子墙体开裂，裂缝越来越大');
    const both = assessUrgency('老房子墙体开裂，旁边高压线掉落在地上');
    expect(weak.urgent).toBe(false);
    expect(both.score).toBeGreaterThan(weak.score);
    expect(both.urgent).toBe(true);
  });

  it('reads full-width text and ranks the strongest hazard first', () => {
    const r = assessUrgency('ＸＸ路口两车相撞，有人受伤！附近有积水');
    expect(r.urgent).toBe(true);
    expect(r.reasons[0]).toBe('人员受伤');
  });
});
