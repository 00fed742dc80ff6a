import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, apiUrl, fieldErrors, setUnauthorizedHandler } from './api.js';

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('api()', () => {
  it('sends JSON with the session cookie and returns the body', async () => {
    const fetchMock = answer(201, { unit: { id: 'u1' } });
    const result = await api<{ unit: { id: string } }>('/api/org/units', { body: { name: '试点' } });
    expect(result.unit.id).toBe('u1');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/org/units');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"name":"试点"}');
  });

  it('throws the server error as ApiError with code, message and details', async () => {
    answer(400, { error: { code: 'validation_failed', message: '输入有误', details: { issues: [{ path: 'name', message: '必填' }] } } });
    const error = await api('/api/users', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: '输入有误' });
    expect(fieldErrors(error)).toEqual([{ name: 'name', errors: ['必填'] }]);
  });

  it('calls the unauthorized handler on 401 unless told not to', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    answer(401, { error: { code: 'unauthenticated', message: '请先登录' } });
    await expect(api('/api/me')).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(handler).toHaveBeenCalledTimes(1);
    answer(401, { error: { code: 'invalid_credentials', message: '用户名或密码错误' } });
    await expect(api('/api/auth/login', { body: {}, redirectOn401: false })).rejects.toMatchObject({ message: '用户名或密码错误' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('survives a body that is not the error format', async () => {
    answer(502, undefined);
    await expect(api('/api/health')).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });
});

describe('apiUrl and fieldErrors', () => {
  it('leaves out empty query values', () => {
    expect(apiUrl('/api/users', { page: 2, q: '', role: undefined, unitId: null })).toBe('/api/users?page=2');
  });

  it('maps a use case’s single field to the form', () => {
    const error = new ApiError(409, 'already_exists', '编码已被使用', { field: 'code' });
    expect(fieldErrors(error)).toEqual([{ name: 'code', errors: ['编码已被使用'] }]);
    expect(fieldErrors(new Error('x'))).toEqual([]);
  });
});
