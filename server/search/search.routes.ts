import type { Deps } from '../deps.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import type { SearchService } from './search.service.js';
import { PageHitsQuery, SearchQuery } from './search.schemas.js';
import { SearchResult, PageHits } from '../contract/search.js';

export function searchRoutes(_deps: Deps, s: { search: SearchService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/search', response: SearchResult, tag: 'search', access: 'authenticated', query: SearchQuery,
      summary: 'Tìm toàn văn (không dấu hoặc đúng dấu, cụm từ "…", tiền tố từ*, loại trừ -từ) và theo siêu dữ liệu, có bộ lọc và đếm',
      handler: ({ scope, query }) => s.search.search(scope, query),
    }),
    defineRoute({
      method: 'get', path: '/api/search/pages/:id/hits', response: PageHits, tag: 'search', access: 'authenticated', params: IdParams, query: PageHitsQuery,
      summary: 'Các từ khớp truy vấn trên một trang, kèm khung toạ độ để tô trên ảnh',
      handler: ({ scope, params, query }) => s.search.pageHits(scope, params.id, query),
    }),
  ];
}
