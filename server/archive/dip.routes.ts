/**
 * Routes of dissemination packages (DIPs). The reader's two ways to take a copy away — a delivered copy order and a
 * download within a live viewing window — sit under /api/reading-room beside the PDF they also offer; staff see the
 * record of every DIP issued.
 */
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import { DipList, DipListQuery, DipRangeQuery } from '../contract/archive.js';
import type { DipService } from './dip.service.js';

export function dipRoutes(_deps: Deps, s: { dips: DipService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/reading-room/copy-orders/mine/:id/dip.zip', produces: 'application/zip', tag: 'reading-room', access: ['researcher'], params: IdParams,
      summary: 'Gói DIP của đơn sao đã trả (PDF/A-2b có dấu nhận diện + metadata.json), cho chính độc giả đặt',
      handler: ({ actor, params }) => s.dips.ofCopyOrder(actor, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/reading-room/files/:id/dip.zip', produces: 'application/zip', tag: 'reading-room', access: ['researcher'], params: IdParams, query: DipRangeQuery,
      summary: 'Gói DIP các trang của hồ sơ (PDF/A-2b có dấu nhận diện + metadata.json), khi có phiếu đã duyệt còn thời hạn xem',
      handler: ({ actor, scope, params, query }) => s.dips.ofDownload(actor, scope, params.id, query.from, query.to),
    }),
    defineRoute({
      method: 'get', path: '/api/archive/dips', tag: 'archive', access: STAFF, query: DipListQuery, response: DipList,
      summary: 'Các gói DIP đã trao cho độc giả (mới nhất trước), lọc theo đơn sao hoặc tài khoản',
      handler: async ({ query }) => ({ items: await s.dips.list(query) }),
    }),
  ];
}
