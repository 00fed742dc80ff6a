/** The one way the web app talks to the server: JSON in, JSON out, server errors as ApiError. */

/** An error answered by the server, carrying its stable code, its user-safe message and its details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Login answers 401 for a wrong password; that must show on the form, not bounce to /login. */
  redirectOn401?: boolean;
  signal?: AbortSignal;
}

type UnauthorizedHandler = () => void;

let onUnauthorized: UnauthorizedHandler = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** Lets the router replace the hard redirect with a client-side navigation. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/** Builds `/api/...?a=1` leaving out empty query values. */
export function apiUrl(path: string, query?: ApiOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Calls the server API and returns the parsed JSON body; throws ApiError on any non-2xx answer. */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const { method = options.body === undefined ? 'GET' : 'POST', body, query, redirectOn401 = true, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', '网络连接失败，请稍后重试 (network error)');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = parseJson(text);
  if (!response.ok) {
    const err = readErrorBody(json);
    const error = new ApiError(
      response.status,
      err?.code ?? `http_${response.status}`,
      err?.message ?? `请求失败 (HTTP ${response.status})`,
      err?.details,
    );
    if (response.status === 401 && redirectOn401) onUnauthorized();
    throw error;
  }
  return json as T;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

function readErrorBody(json: unknown): ErrorBody | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const error = (json as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, details } = error as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  return { code, message, details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined };
}

/**
 * Field-level messages of a refusal, for antd Form.setFields: the `issues` of validation_failed, or the one `field`
 * some use cases name in their details (a taken code, a kind not allowed under a parent).
 */
export function fieldErrors(error: unknown): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  const issues = error.details?.issues;
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      if (typeof issue !== 'object' || issue === null) continue;
      const { path, message } = issue as { path?: unknown; message?: unknown };
      if (typeof path !== 'string' || typeof message !== 'string') continue;
      const field = path.split('.')[0] ?? path;
      byField.set(field, [...(byField.get(field) ?? []), message]);
    }
  }
  const field = error.details?.field;
  if (typeof field === 'string' && !byField.has(field)) byField.set(field, [error.message]);
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
