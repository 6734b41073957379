import type { Deps } from '../deps.js';
import { defineRoute, IdParams, STAFF, type AnyRoute } from '../http/route.js';
import type { Services } from '../services.js';
import { CreateGrantBody, GrantListQuery } from './grants.schemas.js';

export function grantsRoutes(_deps: Deps, s: Services): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/access-grants', tag: 'access', access: STAFF, query: GrantListQuery,
      summary: 'Danh sách quyền khai thác hồ sơ hạn chế đã cấp cho độc giả',
      handler: ({ query }) => s.grants.list(query),
    }),
    defineRoute({
      method: 'get', path: '/api/access-grants/mine', tag: 'access', access: ['researcher'],
      summary: 'Các hồ sơ hạn chế tôi được phép khai thác',
      handler: ({ actor }) => s.grants.mine(actor!),
    }),
    defineRoute({
      method: 'post', path: '/api/access-grants', tag: 'access', access: STAFF, body: CreateGrantBody, status: 201,
      summary: 'Cấp quyền khai thác một hồ sơ hạn chế cho độc giả (sau khi phiếu yêu cầu được duyệt)',
      handler: ({ actor, body }) => s.grants.create(actor!, body),
    }),
    defineRoute({
      method: 'delete', path: '/api/access-grants/:id', tag: 'access', access: STAFF, params: IdParams,
      summary: 'Thu hồi quyền khai thác',
      handler: async ({ actor, params }) => {
        await s.grants.revoke(actor!, params.id);
      },
    }),
  ];
}
