import { describe, expect, it } from 'vitest';
import { ApiError } from '../app/api.js';
import { fieldFor, formErrors } from './form-errors.js';

const reportFields = {
  description: 'description',
  category: 'category',
  location: 'location',
  address: 'location',
  attachments: 'attachments',
  'contact.phone': 'contactPhone',
  'contact.name': 'contactName',
  channel: 'channel',
};

describe('formErrors', () => {
  it('puts each validation issue on its field, nested paths included', () => {
    const error = new ApiError(400, 'validation_failed', '输入有误', {
      issues: [
        { path: 'description', message: '请描述问题，至少 5 个字' },
        { path: 'contact.phone', message: '电话号码格式不正确' },
        { path: 'attachments.2.contentBase64', message: '附件内容为空' },
      ],
    });
    const { fields, rest } = formErrors(error, reportFields);
    expect(fields).toEqual([
      { name: 'description', errors: ['请描述问题，至少 5 个字'] },
      { name: 'contactPhone', errors: ['电话号码格式不正确'] },
      { name: 'attachments', errors: ['附件内容为空'] },
    ]);
    expect(rest).toBeNull();
  });

  it('uses the message of a refusal that names one field', () => {
    const error = new ApiError(400, 'invalid_attachment', '附件“a.jpg”的类型与内容不符', { field: 'attachments.0', detected: 'image/png' });
    expect(formErrors(error, reportFields)).toEqual({ fields: [{ name: 'attachments', errors: ['附件“a.jpg”的类型与内容不符'] }], rest: null });
  });

  it('leaves what no field explains as a message for the whole form', () => {
    const error = new ApiError(409, 'illegal_transition', '当前状态不能执行', { status: 'closed' });
    expect(formErrors(error, reportFields)).toEqual({ fields: [], rest: '当前状态不能执行' });
    const stray = new ApiError(400, 'validation_failed', '输入有误: urgency', { issues: [{ path: 'urgency', message: 'bad' }] });
    expect(formErrors(stray, reportFields).rest).toBe('输入有误: urgency');
    expect(formErrors(new Error('boom'), reportFields)).toEqual({ fields: [], rest: 'boom' });
  });
});

describe('fieldFor', () => {
  it('prefers an exact entry, then the longest prefix, and never a partial word', () => {
    expect(fieldFor('contact.phone', reportFields)).toBe('contactPhone');
    expect(fieldFor('location.lng', reportFields)).toBe('location');
    expect(fieldFor('locations', reportFields)).toBeUndefined();
  });
});
