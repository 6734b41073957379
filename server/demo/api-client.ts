/** Minimal cookie + CSRF client for the service's own HTTP API (demo loader, benchmarks). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} → HTTP ${status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private cookie: string | null = null,
    private csrf: string | null = null,
  ) {}

  async login(username: string, password: string) {
    const body = await this.call<{ csrfToken: string }>('POST', '/api/auth/login', { username, password });
    this.csrf = body.csrfToken;
  }

  async call<T = any>(method: string, path: string, json?: unknown, form?: FormData): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, body: form ?? (json !== undefined ? JSON.stringify(json) : undefined) });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    const text = await res.text();
    const body = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (!res.ok) throw new ApiError(res.status, body, `${method} ${path}`);
    return body as T;
  }

  get<T = any>(path: string) {
    return this.call<T>('GET', path);
  }

  post<T = any>(path: string, json: unknown = {}) {
    return this.call<T>('POST', path, json);
  }

  upload<T = any>(path: string, filename: string, data: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)]), filename);
    return this.call<T>('POST', path, undefined, form);
  }
}
