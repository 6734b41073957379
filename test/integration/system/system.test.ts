import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t?.close());

describe('system endpoints', () => {
  it('when health is asked, then database and storage report ok', async () => {
    const r = await t.anonymous().get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', database: { status: 'ok' }, storage: { status: 'ok', kind: 'filesystem' } });
  });

  it('when the OpenAPI document is fetched, then every registered route is in it with its access rule', async () => {
    const r = await t.anonymous().get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    for (const route of t.routes) {
      const p = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(r.body.paths[p]?.[route.method], `${route.method} ${p}`).toBeDefined();
      expect(r.body.paths[p][route.method]['x-access']).toBeDefined();
    }
    expect(r.body.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
  });

  it('when an unknown API path is called, then 404 with a machine code and a Vietnamese message', async () => {
    const r = await t.anonymous().get('/api/khong-co');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('when JSON is malformed, then 400 INVALID_JSON', async () => {
    const r = await t.anonymous().request('POST', '/api/auth/login', undefined, { headers: { 'content-type': 'application/json' }, raw: '{"username": ' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_JSON');
  });

  it('when the body is larger than 1 MB, then 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ username: 'a'.repeat(1_100_000), password: 'x' });
    const r = await t.anonymous().request('POST', '/api/auth/login', undefined, { headers: { 'content-type': 'application/json' }, raw: big });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('when a body has an unknown field, then 400 VALIDATION_FAILED naming it', async () => {
    const r = await t.anonymous().post('/api/auth/login', { username: 'a', password: 'b', isAdmin: true });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(r.body.error.details)).toContain('isAdmin');
  });
});
