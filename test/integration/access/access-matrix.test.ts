/**
 * Every route declares who may call it. This walks the Express router of the real app (so a route
 * mounted behind the registry's back is caught), then calls every route as every role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { type Role, ROLES } from '../../../server/core/actor.js';
import { isAllowed } from '../../../server/http/route.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let clients: Record<Role | 'anonymous', HttpClient>;
let agencyId: number;

beforeAll(async () => {
  t = await startTestApp();
  const [a] = await t.db.query<{ id: number }>(`INSERT INTO source_agencies (code, name, level) VALUES ('MATRIX', 'Cơ quan kiểm thử', 'province') RETURNING id`);
  agencyId = a.id;
  clients = {
    anonymous: t.anonymous(),
    admin: await t.as('admin'),
    archivist: await t.as('archivist'),
    agency: await t.as('agency', { agencyId }),
    researcher: await t.as('researcher'),
  };
});
afterAll(() => t?.close());

function mountedApiRoutes(): string[] {
  const out: string[] = [];
  const walk = (stack: any[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods)) out.push(`${m} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix + (layer.matchers ? '/api' : ''));
      }
    }
  };
  walk((t.app as any).router.stack, '');
  return out.filter((r) => r.includes(' /api/'));
}

describe('route access rules', () => {
  it('when the app is built, then every mounted /api route comes from the registry and has an access rule', () => {
    const registered = new Set(t.routes.map((r) => `${r.method} ${r.path}`));
    const mounted = mountedApiRoutes();
    expect(mounted.length).toBe(t.routes.length);
    for (const m of mounted) expect(registered.has(m), `${m} has no access rule`).toBe(true);
    for (const r of t.routes) {
      const ok = r.access === 'public' || r.access === 'authenticated' || (Array.isArray(r.access) && r.access.length > 0 && r.access.every((x) => (ROLES as readonly string[]).includes(x)));
      expect(ok, `${r.method} ${r.path}`).toBe(true);
    }
  });

  it('when each role calls each route, then it is let through exactly when its access rule allows', async () => {
    const failures: string[] = [];
    for (const route of t.routes) {
      if (route.path === '/api/auth/logout') continue; // would end the shared sessions; covered in auth.test
      const url = route.path.replace(/:[A-Za-z0-9_]+/g, '999999');
      for (const who of ['anonymous', ...ROLES] as const) {
        const r = await clients[who].request(route.method.toUpperCase(), url, route.method === 'get' ? undefined : {});
        const denied = r.status === 401 || r.status === 403;
        const expectAllowed = isAllowed(route.access, who === 'anonymous' ? null : { id: 0, username: '', displayName: '', role: who, agencyId: null });
        // An allowed call may still fail validation or find nothing — but never with 401/403 from the access layer.
        const deniedByAccess = denied && ['UNAUTHENTICATED', 'FORBIDDEN'].includes(r.body?.error?.code);
        if (expectAllowed === deniedByAccess) failures.push(`${who} ${route.method} ${route.path} → ${r.status} ${r.body?.error?.code ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
