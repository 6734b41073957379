/**
 * The IIIF surface: Presentation 3 manifests, Image API 3 services and Content Search 2.0/1.0 inside a manifest.
 * CORS and identifier normalisation happen before these run (http/middleware/iiif-cors.ts).
 *
 * Who may call: signed-in users by default; with IIIF_PUBLIC the routes are public and a caller without a session is
 * the public reader (access/public-reader.ts), who sees exactly what the visibility rule opens to every reader.
 * Either way each lookup goes through visibleSql, so restricted and secret pages answer 404 as if absent.
 * With IIIF_AUTH_ORIGINS (IIIF Authorization Flow 2.0, iiif/auth.routes.ts) a request may instead carry
 * `Authorization: Bearer …` from an outside viewer: it then sees what the token's user sees, and the answers
 * advertise the probe → access → token services.
 */
import { z } from 'zod';
import type { Request, Response } from 'express';
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
import { canvasUri, searchUri } from '../iiif/uris.js';
import { IiifManifestOrPlaceholder, IiifInfo } from '../contract/digitization.js';
import { IiifSearch1, IiifSearch2 } from '../contract/iiif-search.js';
import { NoContent } from '../contract/common.js';
import { createIiifTokens } from '../access/iiif-token.service.js';
import { bearerScope, iiifAuthRoutes } from '../iiif/auth.routes.js';
import { withInfoAuth, withManifestAuth } from '../iiif/auth-services.js';
import { placeholderManifest } from '../iiif/placeholder-manifest.js';
import { AppError } from '../core/app-error.js';

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
  const tokens = createIiifTokens(deps);
  // A bearer request carries no session cookie: with the flow on, the router lets it through and viewerOf() decides.
  const access = deps.config.IIIF_PUBLIC || tokens.enabled ? 'public' : 'authenticated';
  /** The requester's scope and whether the answer is personal (session or bearer) rather than the public one. */
  const viewerOf = async (req: Request, scope: Scope | null): Promise<{ scope: Scope; personal: boolean }> => {
    const bearer = await bearerScope(deps, tokens, req);
    if (bearer) return { scope: bearer, personal: true };
    if (scope) return { scope, personal: true };
    if (!deps.config.IIIF_PUBLIC) throw ERRORS.unauthenticated();
    return { scope: publicScope(vnToday(deps.clock)), personal: false };
  };
  /** Caching of a successful answer. A personal one may hold restricted pages: never stored by a shared cache. */
  const cacheFor = (res: Response, w: { personal: boolean }) => {
    res.setHeader('Cache-Control', w.personal ? 'private, no-cache' : 'public, max-age=60');
    if (tokens.enabled) res.vary('Authorization');
  };
  const searchUrls = (req: Request, fileId: number, version: 1 | 2) => ({
    service: searchUri(baseUrl(req), fileId, version),
    canvas: (pageId: number) => canvasUri(baseUrl(req), fileId, pageId),
  });
  return [
    defineRoute({
      method: 'get', path: '/api/iiif/3/file-:id/manifest.json', response: IiifManifestOrPlaceholder, tag: 'iiif', access, params: FileIdParams,
      summary: 'IIIF Presentation 3 manifest của một hồ sơ (mục lục theo văn bản, dịch vụ tìm trong hồ sơ; hồ sơ hạn chế: bản giữ chỗ với dịch vụ thăm dò Auth 2)',
      handler: async ({ scope, params, req, res }) => {
        const w = await viewerOf(req, scope);
        // With Auth 2 on, a whole restricted file the caller may not see answers its placeholder (probes, no content);
        // anything else not visible keeps the very 404 a missing id gets.
        const m = await v.manifest(w.scope, params.id, baseUrl(req)).catch(async (e: unknown) => {
          const placeholder = tokens.enabled && e instanceof AppError && e.status === 404 ? await placeholderManifest(deps, w.scope, params.id, baseUrl(req)) : null;
          if (!placeholder) throw e;
          return placeholder;
        });
        cacheFor(res, w);
        res.type('application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"');
        return tokens.enabled ? withManifestAuth(m, baseUrl(req), params.id) : m;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/iiif/search/2/file-:id', response: IiifSearch2, tag: 'iiif', access, params: FileIdParams, query: SearchQuery,
      summary: 'IIIF Content Search 2.0: các từ khớp trong trang OCR của hồ sơ, kèm khung trên trang (theo quyền xem)',
      handler: async ({ scope, params, query, req, res }) => {
        const w = await viewerOf(req, scope);
        const r = await s.digitization.contentSearch.v2(w.scope, params.id, query, searchUrls(req, params.id, 2));
        cacheFor(res, w);
        res.type('application/ld+json;profile="http://iiif.io/api/search/2/context.json"');
        return r;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/iiif/search/1/file-:id', response: IiifSearch1, tag: 'iiif', access, params: FileIdParams, query: SearchQuery,
      summary: 'IIIF Content Search 1.0 (Mirador 4): các từ khớp trong hồ sơ, kèm khung trên trang (theo quyền xem)',
      handler: async ({ scope, params, query, req, res }) => {
        const w = await viewerOf(req, scope);
        const r = await s.digitization.contentSearch.v1(w.scope, params.id, query, searchUrls(req, params.id, 1));
        cacheFor(res, w);
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
        const w = await viewerOf(req, scope);
        const info = await s.digitization.iiif.info(w.scope, params.id, baseUrl(req));
        cacheFor(res, w);
        res.vary('Accept');
        // Image API 3 §7.1: application/json unless the client asks for JSON-LD, which then carries the profile.
        if (req.accepts(['application/json', 'application/ld+json']) === 'application/ld+json') res.type(`application/ld+json;profile="${IIIF_IMAGE_CONTEXT}"`);
        else res.type('application/json');
        return tokens.enabled ? withInfoAuth(info, baseUrl(req), params.id) : info;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/iiif/3/page-:id/:region/:size/:rotation/:qualityFormat', tag: 'iiif', access, params: IiifParams,
      produces: 'image/jpeg, image/png, image/webp', summary: 'IIIF Image API 3: vùng/kích thước/xoay/chất lượng.định dạng, cắt từ ảnh kim tự tháp',
      handler: async ({ scope, params, req, res }) => {
        // Tiles carry their own (private) caching from the download; only the Vary for the bearer is added here.
        const w = await viewerOf(req, scope);
        if (tokens.enabled) res.vary('Authorization');
        return s.digitization.iiif.image(w.scope, params.id, params);
      },
    }),
    ...iiifAuthRoutes(deps, tokens, v, baseUrl),
  ];
}
