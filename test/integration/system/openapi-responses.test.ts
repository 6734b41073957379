import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoContent, SENSITIVE_KEY } from '../../../server/contract/common.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t?.close());

type Op = { responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> };

/** Every property name declared anywhere in a JSON schema. */
function propertyNames(schema: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => propertyNames(s, out));
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'properties' && v && typeof v === 'object') for (const name of Object.keys(v)) out.add(name);
      propertyNames(v, out);
    }
  }
  return out;
}

describe('OpenAPI response schemas', () => {
  it('when the routes are declared, then each has a response schema, a no-content marker or a download type', () => {
    const missing = t.routes.filter((r) => !r.response && !r.produces).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
    expect(t.routes.length).toBeGreaterThan(100);
  });

  it('when the OpenAPI document is fetched, then every operation describes its success answer', async () => {
    const r = await t.anonymous().get('/api/openapi.json');
    expect(r.status, JSON.stringify(r.body).slice(0, 2000)).toBe(200);
    const problems: string[] = [];
    for (const route of t.routes) {
      const op = r.body.paths[route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')][route.method] as Op;
      const success = Object.entries(op.responses).filter(([code]) => /^[23]\d\d$/.test(code));
      const where = `${route.method} ${route.path}`;
      if (success.length !== 1) {
        problems.push(`${where}: ${success.length} success responses`);
        continue;
      }
      const [code, resp] = success[0]!;
      if (route.response === NoContent) {
        if (resp.content) problems.push(`${where}: no-content route describes a body`);
        if (code !== '204' && !code.startsWith('3')) problems.push(`${where}: no-content route answers ${code}`);
      } else if (route.produces) {
        for (const type of route.produces.split(',').map((s) => s.trim())) if (!resp.content?.[type]) problems.push(`${where}: ${type} missing`);
      } else {
        const schema = resp.content?.['application/json']?.schema;
        if (!schema || Object.keys(schema).length === 0) problems.push(`${where}: empty JSON schema`);
        if (code !== String(route.status ?? 200)) problems.push(`${where}: documented ${code}, route answers ${route.status ?? 200}`);
      }
    }
    expect(problems).toEqual([]);
    const login = r.body.paths['/api/auth/login'].post.responses['200'].content['application/json'].schema;
    expect(login.properties.user.properties).toHaveProperty('username');
    expect(r.body.paths['/api/auth/logout'].post.responses).toHaveProperty('204');
    const grants = r.body.paths['/api/access-grants'].get.responses['200'].content['application/json'].schema;
    expect(grants).toMatchObject({ type: 'array', items: { type: 'object', required: expect.arrayContaining(['recordFileId', 'active']) } });
  });

  it('when every response schema is read, then none declares a credential or hash field', async () => {
    const r = await t.anonymous().get('/api/openapi.json');
    const names = new Set<string>();
    for (const ops of Object.values(r.body.paths as Record<string, Record<string, Op>>))
      for (const op of Object.values(ops))
        for (const [code, resp] of Object.entries(op.responses)) if (!code.startsWith('4')) propertyNames(resp.content, names);
    expect(names.size).toBeGreaterThan(200);
    expect([...names].filter((n) => SENSITIVE_KEY.test(n) && n !== 'csrfToken')).toEqual([]);
  });
});
