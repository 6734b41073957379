import type { Deps } from '../deps.js';
import { defineRoute, IdParams, type AnyRoute } from '../http/route.js';
import type { Services } from '../services.js';
import { PageHitsQuery, SearchQuery } from './search.schemas.js';

export function searchRoutes(_deps: Deps, s: Services): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/search', tag: 'search', access: 'authenticated', query: SearchQuery,
      summary: 'Tìm toàn văn (không dấu hoặc đúng dấu, cụm từ "…", tiền tố từ*, loại trừ -từ) và theo siêu dữ liệu, có bộ lọc và đếm',
      handler: ({ actor, query }) => s.search.search(actor!, query),
    }),
    defineRoute({
      method: 'get', path: '/api/search/pages/:id/hits', tag: 'search', access: 'authenticated', params: IdParams, query: PageHitsQuery,
      summary: 'Các từ khớp truy vấn trên một trang, kèm khung toạ độ để tô trên ảnh',
      handler: ({ actor, params, query }) => s.search.pageHits(actor!, params.id, query),
    }),
  ];
}
