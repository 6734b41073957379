/**
 * The only module that talks to the server (the area modules beside it only name paths and types). Sends the session cookie, adds X-CSRF-Token on writes,
 * and turns every failure into an ApiError whose message is Vietnamese (the server's, or ours).
 */
import { vi } from '../i18n/vi.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request made while signed in comes back 401 (session expired or revoked). */
export function setUnauthenticatedHandler(fn: (() => void) | null) {
  onUnauthenticated = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function qs(query: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to our own wording below.
  }
  const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (err?.message) return new ApiError(res.status, err.code ?? 'ERROR', err.message, err.details);
  if (res.status === 403) return new ApiError(403, 'FORBIDDEN', vi.errors.forbidden);
  if (res.status === 404) return new ApiError(404, 'NOT_FOUND', vi.errors.notFound);
  return new ApiError(res.status, 'HTTP_' + res.status, res.status >= 500 ? vi.errors.server : vi.errors.unexpected);
}

export async function send(method: string, path: string, body?: unknown, form?: FormData): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (form) payload = form;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', vi.errors.network);
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') onUnauthenticated?.();
    throw err;
  }
  return res;
}

export async function request<R>(method: string, path: string, body?: unknown, form?: FormData): Promise<R> {
  const res = await send(method, path, body, form);
  if (res.status === 204) return undefined as R;
  try {
    return (await res.json()) as R;
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', vi.errors.unexpected);
  }
}

export const get = <R>(path: string, query?: Query) => request<R>('GET', path + qs(query));
export const post = <R>(path: string, body: unknown = {}) => request<R>('POST', path, body);
export const patch = <R>(path: string, body: unknown) => request<R>('PATCH', path, body);
export const put = <R>(path: string, body: unknown) => request<R>('PUT', path, body);

/**
 * Multipart upload through XMLHttpRequest, the one browser API that reports upload progress (fetch does not).
 * Resolves with the JSON answer; rejects with an ApiError carrying the server's Vietnamese message.
 */
export function uploadWithProgress<R>(
  path: string, files: File[], field: string, onProgress: (sent: number, total: number) => void, fields: Record<string, string> = {},
): { promise: Promise<R>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<R>((resolve, reject) => {
    const form = new FormData();
    // Text fields first, so the server has them before the file parts.
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append(field, f, f.name);
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', vi.errors.network));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', vi.errors.network));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: handled below with our own wording.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as R);
      if (xhr.status === 401) onUnauthenticated?.();
      const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      reject(new ApiError(xhr.status, err?.code ?? 'HTTP_' + xhr.status, err?.message ?? (xhr.status >= 500 ? vi.errors.server : vi.errors.unexpected), err?.details));
    };
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** `?preview=1` on an import: the server checks and counts everything and saves nothing. */
export const previewed = (path: string, preview: boolean) => (preview ? `${path}?preview=1` : path);

export function upload<R>(path: string, file: File, field = 'file'): Promise<R> {
  const form = new FormData();
  form.append(field, file, file.name);
  return request<R>('POST', path, undefined, form);
}

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : null;
}

/** Fetches a file download (errors stay in the page, in Vietnamese) and hands it to the browser. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export const id = (n: number | string) => encodeURIComponent(String(n));
