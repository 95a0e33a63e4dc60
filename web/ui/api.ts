/**
 * The one HTTP client of the web app: JSON in and out, the session's CSRF token on every change,
 * the user's language in Accept-Language, and every failure thrown as an ApiError.
 */

/** A field at fault, as the server reports it (path like `body.roles.0.role`). */
export interface FieldError {
  path: string;
  message: string;
}

/** What a failure says: the HTTP status (0 without an answer), the code, the message and any details. */
export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** A failed request: the stable error code, the message (already in the user's language), fields at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly details: unknown;

  constructor({ status, code, message, details }: ApiErrorInit) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.fields = fieldsOf(details, message);
  }
}

/** The human message of any failure (ApiError messages already come in the user's language). */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

/** Field errors of a body; a field named without its own message gets the error's message. */
function fieldsOf(details: unknown, message: string): FieldError[] {
  if (!details || typeof details !== 'object' || !('fields' in details)) return [];
  const fields = (details as { fields: unknown }).fields;
  if (!Array.isArray(fields)) return [];
  return fields
    .filter((f): f is { path: string; message?: unknown } => typeof f?.path === 'string')
    .map((f) => ({ path: f.path, message: typeof f.message === 'string' ? f.message : message }));
}

// Kept in memory only: the token comes with the log-in or /me response and dies with the tab.
let csrfToken: string | null = null;
let language = 'zh-CN';
let networkMessage = '网络连接失败，请稍后重试';

/** Remembers the CSRF token of the current session (null after log-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sets the language sent in Accept-Language and the message of network failures. */
export function setApiLanguage(lang: string, networkFailure: string): void {
  language = lang;
  networkMessage = networkFailure;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sends one request (with any body and extra headers) and returns the parsed JSON body, or throws an ApiError. */
export async function request<T>(
  method: Method,
  url: string,
  { body, extraHeaders = {} }: { body?: unknown; extraHeaders?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    Accept: 'application/json',
    'Accept-Language': language,
  };
  // A FormData body (an upload) goes as multipart, with the boundary the browser sets.
  const multipart = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : multipart ? (body as FormData) : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: networkMessage });
  }
  const text = await res.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    throw new ApiError({
      status: res.status,
      code: err?.code ?? `HTTP_${res.status}`,
      message: err?.message ?? res.statusText,
      details: err?.details,
    });
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A query string from the defined, non-empty values of an object ('' when there are none). */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const http = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body: unknown = {}, headers?: Record<string, string>) =>
    request<T>('POST', url, { body, extraHeaders: headers }),
  put: <T>(url: string, body: unknown = {}) => request<T>('PUT', url, { body }),
  patch: <T>(url: string, body: unknown = {}) => request<T>('PATCH', url, { body }),
  del: <T>(url: string) => request<T>('DELETE', url),
  /** Uploads one file as the multipart field `file`. */
  upload: <T>(url: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<T>('POST', url, { body: form });
  },
};
