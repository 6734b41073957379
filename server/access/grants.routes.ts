import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import type { GrantsService } from './grants.service.js';
import { CreateGrantBody, GrantListQuery } from './grants.schemas.js';
import { Grant, GrantList } from '../contract/access.js';
import { NoContent } from '../contract/common.js';

export function grantsRoutes(_deps: Deps, s: { grants: GrantsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/access-grants', response: GrantList, tag: 'access', access: STAFF, query: GrantListQuery,
      summary: 'Danh sách quyền khai thác hồ sơ hạn chế đã cấp cho độc giả',
      handler: ({ query }) => s.grants.list(query),
    }),
    defineRoute({
      method: 'get', path: '/api/access-grants/mine', response: GrantList, tag: 'access', access: ['researcher'],
      summary: 'Các hồ sơ hạn chế tôi được phép khai thác',
      handler: ({ actor }) => s.grants.mine(actor),
    }),
    defineRoute({
      method: 'post', path: '/api/access-grants', response: Grant, tag: 'access', access: STAFF, body: CreateGrantBody, status: 201,
      summary: 'Cấp quyền khai thác một hồ sơ hạn chế cho độc giả (sau khi phiếu yêu cầu được duyệt)',
      handler: ({ actor, body }) => s.grants.create(actor, body),
    }),
    defineRoute({
      method: 'delete', path: '/api/access-grants/:id', response: NoContent, tag: 'access', access: STAFF, params: IdParams,
      summary: 'Thu hồi quyền khai thác',
      handler: async ({ actor, params }) => {
        await s.grants.revoke(actor, params.id);
      },
    }),
  ];
}
