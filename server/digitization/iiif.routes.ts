/**
 * The IIIF surface: Presentation 3 manifests, Image API 3 services and Content Search 2.0/1.0 inside a manifest.
 * CORS and identifier normalisation happen before these run (http/middleware/iiif-cors.ts).
 *
 * Who may call: signed-in users by default; with IIIF_PUBLIC the routes are public and a caller without a session is
 * the public reader (access/public-reader.ts), who sees exactly what the visibility rule opens to every reader.
 * Either way each lookup goes through visibleSql, so restricted and secret pages answer 404 as if absent.
 */
import { z } from 'zod';
import type { Request } from 'express';
import type { Deps } from '../deps.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import { Id, requiredText } from '../core/schemas.js';
import { ERRORS } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import { vnToday } from '../core/time/index.js';
import { publicScope } from '../access/public-reader.js';
import { IIIF_IMAGE_CONTEXT } from '../iiif/info-json.js';
import { SEARCH_MAX_WORDS, SEARCH_PAGE_SIZE } from '../iiif/content-search.js';
import type { DigitizationArea } from './digitization.area.js';
import { canvasUri, searchUri } from './manifest.js';
import { IiifManifest, IiifInfo } from '../contract/digitization.js';
import { IiifSearch1, IiifSearch2 } from '../contract/iiif-search.js';
import { NoContent } from '../contract/common.js';

const FileIdParams = z.strictObject({ id: Id });
const IiifParams = z.strictObject({
  id: Id,
  region: z.string().max(100),
  size: z.string().max(100),
  rotation: z.string().max(20),
  qualityFormat: z.string().max(30),
});
const Bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/** Search 1.0 lets clients send motivation/date/user, which a server that does not support them must ignore. */
const SearchQuery = z.object({
  q: requiredText(200).refine((q) => q.split(/\s+/).filter(Boolean).length <= 12, 'Tối đa 12 từ trong một lần tìm trong hồ sơ'),
  exact: Bool.optional(),
  page: z.coerce.number('Trang kết quả phải là số nguyên từ 0').int('Trang kết quả phải là số nguyên từ 0').min(0, 'Trang kết quả phải là số nguyên từ 0')
    .max(Math.ceil(SEARCH_MAX_WORDS / SEARCH_PAGE_SIZE), `Trang kết quả tối đa ${Math.ceil(SEARCH_MAX_WORDS / SEARCH_PAGE_SIZE)}`).default(0),
});

/** Absolute base for links inside manifests and info.json; trusts only the loopback proxy (app setting). */
export function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}

export function iiifRoutes(deps: Deps, s: { digitization: DigitizationArea }): AnyRoute[] {
  const v = s.digitization.viewing;
  const access = deps.config.IIIF_PUBLIC ? 'public' : 'authenticated';
  const viewer = (scope: Scope | null): Scope => {
    if (scope) return scope;
    if (!deps.config.IIIF_PUBLIC) throw ERRORS.unauthenticated();
    return publicScope(vnToday(deps.clock));
  };
  // A signed-in answer may hold restricted pages: never stored by a shared cache. The public one may be.
  const cacheControl = (scope: Scope | null) => (scope ? 'private, no-cache' : 'public, max-age=60');
  const searchUrls = (req: Request, fileId: number, version: 1 | 2) => ({
    service: searchUri(baseUrl(req), fileId, version),
    canvas: (pageId: number) => canvasUri(baseUrl(req), fileId, pageId),
  });
  return [
    defineRoute({
      method: 'get', path: '/api/iiif/3/file-:id/manifest.json', response: IiifManifest, tag: 'iiif', access, params: FileIdParams,
      summary: 'IIIF Presentation 3 manifest của một hồ sơ (mục lục theo văn bản, dịch vụ tìm trong hồ sơ)',
      handler: async ({ scope, params, req, res }) => {
        const m = await v.manifest(viewer(scope), params.id, baseUrl(req));
        res.setHeader('Cache-Control', cacheControl(scope));
        res.type('application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"');
        return m;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/iiif/search/2/file-:id', response: IiifSearch2, tag: 'iiif', access, params: FileIdParams, query: SearchQuery,
      summary: 'IIIF Content Search 2.0: các từ khớp trong trang OCR của hồ sơ, kèm khung trên trang (theo quyền xem)',
      handler: async ({ scope, params, query, req, res }) => {
        const r = await s.digitization.contentSearch.v2(viewer(scope), params.id, query, searchUrls(req, params.id, 2));
        res.setHeader('Cache-Control', cacheControl(scope));
        res.type('application/ld+json;profile="http://iiif.io/api/search/2/context.json"');
        return r;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/iiif/search/1/file-:id', response: IiifSearch1, tag: 'iiif', access, params: FileIdParams, query: SearchQuery,
      summary: 'IIIF Content Search 1.0 (Mirador 4): các từ khớp trong hồ sơ, kèm khung trên trang (theo quyền xem)',
      handler: async ({ scope, params, query, req, res }) => {
        const r = await s.digitization.contentSearch.v1(viewer(scope), params.id, query, searchUrls(req, params.id, 1));
        res.setHeader('Cache-Control', cacheControl(scope));
        return r;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/iiif/3/page-:id', response: NoContent, status: 303, tag: 'iiif', access, params: IdParams,
      summary: 'Dịch vụ ảnh IIIF của trang (chuyển tới info.json)',
      handler: ({ params, res }) => res.redirect(303, `/api/iiif/3/page-${params.id}/info.json`),
    }),
    defineRoute({
      method: 'get', path: '/api/iiif/3/page-:id/info.json', response: IiifInfo, tag: 'iiif', access, params: IdParams,
      summary: 'IIIF Image API 3 info.json của trang (application/json; application/ld+json khi yêu cầu)',
      handler: async ({ scope, params, req, res }) => {
        const info = await s.digitization.iiif.info(viewer(scope), params.id, baseUrl(req));
        res.setHeader('Cache-Control', cacheControl(scope));
        res.setHeader('Vary', 'Accept');
        // Image API 3 §7.1: application/json unless the client asks for JSON-LD, which then carries the profile.
        if (req.accepts(['application/json', 'application/ld+json']) === 'application/ld+json') res.type(`application/ld+json;profile="${IIIF_IMAGE_CONTEXT}"`);
        else res.type('application/json');
        return info;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/iiif/3/page-:id/:region/:size/:rotation/:qualityFormat', tag: 'iiif', access, params: IiifParams,
      produces: 'image/jpeg, image/png, image/webp', summary: 'IIIF Image API 3: vùng/kích thước/xoay/chất lượng.định dạng, cắt từ ảnh kim tự tháp',
      handler: ({ scope, params }) => s.digitization.iiif.image(viewer(scope), params.id, params),
    }),
  ];
}
