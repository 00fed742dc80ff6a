import { describe, expect, it } from 'vitest';
import { caseStatusLabels, channelLabels, ratingLabels } from '../../../common/cases.js';
import { makeI18n } from '../i18n/i18n-context.js';
import { caseActions } from './case-types.js';
import { caseLabel } from './case-labels.js';
import { actionForm, actionPath, orderActions } from './case-actions.js';

const zh = makeI18n('zh-CN', () => {});
const en = makeI18n('en', () => {});

describe('case labels', () => {
  it('name statuses, channels and ratings as common/cases.ts does', () => {
    for (const [status, label] of Object.entries(caseStatusLabels)) expect(caseLabel(zh.t, 'status', status)).toBe(label);
    for (const [channel, label] of Object.entries(channelLabels)) expect(caseLabel(zh.t, 'channel', channel)).toBe(label);
    for (const [rating, label] of Object.entries(ratingLabels)) expect(caseLabel(zh.t, 'rating', rating)).toBe(label);
  });

  it('name the trail events in Chinese and in English', () => {
    const events = ['received', 'dispatched', 'accepted', 'resolved', 'rated', 'duplicate_merged', 'escalated'];
    expect(events.map((e) => caseLabel(zh.t, 'event', e))).toEqual(['受理', '派单', '签收', '办结', '评价', '合并重复件', '升级督办']);
    expect(caseLabel(en.t, 'event', 'rated')).toBe('Rated');
  });

  it('show an unknown value as it is rather than a missing key', () => {
    expect(caseLabel(zh.t, 'event', 'teleported')).toBe('teleported');
    expect(caseLabel(zh.t, 'status', 'toString')).toBe('toString');
  });
});

describe('actions', () => {
  it('give every action a button label, a route and a form', () => {
    for (const action of caseActions) {
      expect(caseLabel(zh.t, 'do', action)).not.toBe(action);
      expect(actionPath[action]).toMatch(/^[a-z]+(\/[a-z]+)?$/);
      expect(actionForm[action]).toBeTruthy();
    }
    expect(actionPath.request_suspend).toBe('suspend');
    expect(actionPath.assist_resolve).toBe('assist/resolve');
  });

  it('put the step forward first and the ways back last', () => {
    expect(orderActions(['return', 'request_suspend', 'resolve'])).toEqual(['resolve', 'request_suspend', 'return']);
  });
});
