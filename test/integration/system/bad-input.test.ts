/**
 * The five causes of 500 INTERNAL an outside probe run found, sent to every route of the OpenAPI document: ids above
 * 2^31−1 (path, query, body), NUL in any text, a lone UTF-16 surrogate, a gzip-labelled body that is not gzip, and
 * multipart without a boundary. Sent as an admin (access control must not mask the input handling) and, on public
 * routes, anonymously. Each must answer 4xx in the JSON error shape, never 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient, Res } from '../../support/http-client.js';

let t: TestApp;
let admin: HttpClient;
let agencyId: number;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  const a = await admin.post('/api/agencies', { code: 'SNV', name: 'Sở Nội vụ', level: 'province' });
  expect(a.status).toBe(201);
  agencyId = a.body.id;
}, 60_000);
afterAll(() => t?.close());

interface Op {
  method: string;
  path: string;
  access: unknown;
  pathParams: string[];
  queryParams: string[];
  bodyProps: string[];
  multipart: boolean;
}

const BASELINE: Record<string, string> = { region: 'full', size: 'max', rotation: '0', qualityFormat: 'default.jpg', itemId: 'B1', format: 'xlsx' };
const BIG = 2147483648;

async function operations(): Promise<Op[]> {
  const doc = (await t.anonymous().get('/api/openapi.json')).body;
  const ops: Op[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const params: { name: string; in: string }[] = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const schema = content['application/json']?.schema ?? content['multipart/form-data']?.schema;
      ops.push({
        method: method.toUpperCase(),
        path,
        access: op['x-access'],
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyProps: Object.keys(schema?.properties ?? {}),
        multipart: !!content['multipart/form-data'],
      });
    }
  }
  return ops;
}

function url(op: Op, override: Record<string, string> = {}, query = '') {
  const p = op.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => override[name] ?? (name === 'id' ? String(agencyId) : BASELINE[name] ?? '1'));
  return p + query;
}

interface Probe {
  label: string;
  send: (c: HttpClient) => Promise<Res>;
}

function probes(op: Op): Probe[] {
  const out: Probe[] = [];
  const json = (raw: string) => (c: HttpClient) => c.request(op.method, url(op), undefined, { headers: { 'content-type': 'application/json' }, raw });
  for (const name of op.pathParams) {
    out.push({ label: `path ${name}=${BIG}`, send: (c) => c.request(op.method, url(op, { [name]: String(BIG) }), op.method === 'GET' ? undefined : {}) });
    out.push({ label: `path ${name} with NUL`, send: (c) => c.request(op.method, url(op, { [name]: 'a%00b' }), op.method === 'GET' ? undefined : {}) });
  }
  for (const name of op.queryParams) {
    out.push({ label: `query ${name}=${BIG}`, send: (c) => c.request(op.method, url(op, {}, `?${name}=${BIG}`)) });
    out.push({ label: `query ${name} with NUL`, send: (c) => c.request(op.method, url(op, {}, `?${name}=a%00b`)) });
  }
  if (op.method !== 'GET' && !op.multipart) {
    for (const name of op.bodyProps) {
      out.push({ label: `body ${name}=${BIG}`, send: json(JSON.stringify({ [name]: BIG })) });
      out.push({ label: `body ${name} with NUL`, send: json(JSON.stringify({ [name]: 'ACC\u0000name' })) });
      out.push({ label: `body ${name} with a lone surrogate`, send: json(`{"${name}":"ab\\ud800c"}`) });
    }
    out.push({ label: 'body key with NUL', send: json('{"a\\u0000b":1}') });
    out.push({
      label: 'gzip-labelled body that is not gzip',
      send: (c) => c.request(op.method, url(op), undefined, { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, raw: '{"not":"gzip"}' }),
    });
  }
  if (op.multipart) {
    out.push({
      label: 'multipart without a boundary',
      send: (c) => c.request(op.method, url(op), undefined, { headers: { 'content-type': 'multipart/form-data' }, raw: '--x\r\n\r\n' }),
    });
    out.push({
      label: 'multipart field with NUL',
      send: (c) => {
        const form = new FormData();
        for (const name of op.bodyProps) form.append(name, 'a\u0000b');
        return c.request(op.method, url(op), undefined, { raw: form });
      },
    });
  }
  return out;
}

describe('bad input on every route', () => {
  it('when ids above 2^31−1, NUL, lone surrogates, broken gzip or boundary-less multipart are sent to every route, then each answers 4xx with the JSON error shape', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let sent = 0;
    for (const op of ops) {
      const clients: [string, HttpClient][] = [['admin', admin]];
      if (op.access === 'public') clients.push(['anonymous', t.anonymous()]);
      for (const probe of probes(op)) {
        for (const [who, c] of clients) {
          const r = await probe.send(c);
          sent++;
          const shaped = typeof r.body === 'object' && typeof r.body?.error?.code === 'string' && typeof r.body?.error?.message === 'string';
          if (r.status >= 500 || r.status < 400 || !shaped) {
            // A probe that is valid input for this route (e.g. a free-text query) may succeed; only 5xx and shapeless errors fail.
            if (r.status < 400 && r.status >= 200) continue;
            failures.push(`${who} ${op.method} ${op.path} — ${probe.label}: ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`);
          }
        }
      }
      // A probe that reached a handler must not have ended the admin's session, or every later answer would be a 401.
      if ((await admin.get('/api/auth/me')).status !== 200) {
        failures.push(`admin session lost after ${op.method} ${op.path}`);
        admin = await t.as('admin');
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(300);
  }, 600_000);

  it('when the examples from the probe report are sent, then each is a 400 and none is stored', async () => {
    const anon = t.anonymous();
    expect((await admin.get('/api/handovers/2147483648')).status).toBe(400);
    expect((await admin.get('/api/iiif/3/page-2147483648/info.json')).status).toBe(400);
    expect((await admin.post('/api/digitization/batches', { recordFileId: 2147483648 })).status).toBe(400);
    expect((await admin.get('/api/agencies?q=a%00b')).status).toBe(400);
    const patched = await admin.patch(`/api/agencies/${agencyId}`, { name: 'ACC\u0000name' });
    expect(patched.status).toBe(400);
    expect(patched.body.error.code).toBe('TEXT_INVALID');
    const login = await anon.post('/api/auth/login', { username: 'admin\u0000', password: 'x' });
    expect(login.status).toBe(400);
    const surrogate = await admin.request('PATCH', `/api/agencies/${agencyId}`, undefined, { headers: { 'content-type': 'application/json' }, raw: '{"name":"ab\\udc00"}' });
    expect(surrogate.status).toBe(400);
    const gz = await anon.request('POST', '/api/auth/login', undefined, { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, raw: 'plain' });
    expect(gz.status).toBe(400);
    expect(gz.body.error.code).toBe('BODY_ENCODING_INVALID');
    expect((await admin.get(`/api/agencies/${agencyId}`)).body.name).toBe('Sở Nội vụ');
  });

  it('when a validation detail reaches the client, then it is in Vietnamese', async () => {
    const r = await admin.get('/api/handovers?agencyId=2147483648');
    expect(r.status).toBe(400);
    const messages = JSON.stringify(r.body.error.details);
    expect(messages).not.toMatch(/Too big|expected|Invalid/);
    const unknown = await admin.post('/api/agencies', { code: 'X1', name: 'X', level: 'province', extra: true });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.error.details)).toMatch(/Khóa không được nhận dạng/);
  });
});
