import fs from 'node:fs';
import path from 'node:path';

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
  buffer: Buffer;
}

/** A cookie-and-CSRF aware client for the real HTTP API. */
export class HttpClient {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<Res> {
    const r = await this.request('POST', '/api/auth/login', { username, password });
    if (r.status === 200) this.csrf = r.body.csrfToken;
    return r;
  }

  async request<T = any>(method: string, url: string, body?: unknown, init: { headers?: Record<string, string>; raw?: BodyInit } = {}): Promise<Res<T>> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] ??= this.csrf;
    let payload: BodyInit | undefined = init.raw;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + url, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const first = setCookie.split(';')[0];
      this.cookie = first.endsWith('=') ? null : first;
    }
    const buffer = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('application/json') && buffer.length ? JSON.parse(buffer.toString('utf8')) : buffer.toString('utf8');
    return { status: res.status, body: parsed as T, headers: res.headers, buffer };
  }

  get<T = any>(url: string) { return this.request<T>('GET', url); }
  post<T = any>(url: string, body?: unknown) { return this.request<T>('POST', url, body ?? {}); }
  put<T = any>(url: string, body: unknown) { return this.request<T>('PUT', url, body); }
  patch<T = any>(url: string, body: unknown) { return this.request<T>('PATCH', url, body); }
  delete<T = any>(url: string) { return this.request<T>('DELETE', url); }

  /** Multipart upload of a file from disk or memory, with extra text fields. */
  async upload<T = any>(url: string, field: string, file: string | { name: string; data: Buffer }, fields: Record<string, string> = {}): Promise<Res<T>> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const { name, data } = typeof file === 'string' ? { name: path.basename(file), data: fs.readFileSync(file) } : file;
    form.append(field, new Blob([new Uint8Array(data)]), name);
    return this.request<T>('POST', url, undefined, { raw: form });
  }
}
