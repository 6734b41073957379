/**
 * IIIF Authorization Flow API 2.0 endpoints (https://iiif.io/api/auth/2.0/) and the bearer reading the other IIIF
 * routes use. The flow, from an outside viewer on an origin listed in IIIF_AUTH_ORIGINS:
 *   probe (401) → access service window: sign in, allow the origin → access cookie (token path only) → window closes
 *   → token service iframe: postMessage AuthAccessToken2 to that origin → probe / info.json / tiles / manifest with
 *   `Authorization: Bearer …` answer what that user may see (visibility rule), nothing more.
 *
 * Cookies: the token service runs in a cross-site iframe, where browsers send only `SameSite=None; Secure` cookies.
 * So the access cookie is exactly that over HTTPS. Over plain HTTP a Secure cookie cannot be set, so it falls back to
 * Lax: the flow then works only for viewers on the same site (same scheme and registrable domain, any port), and an
 * outside site needs HTTPS in front (COOKIE_SECURE=true or a trusted proxy). The app's own session cookie stays Lax.
 */
import { z } from 'zod';
import type { Request, Response } from 'express';
import type { Deps } from '../deps.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { Id } from '../core/schemas.js';
import { AppError } from '../core/app-error.js';
import { scopeOf, type Scope } from '../core/scope.js';
import { vnToday } from '../core/time/index.js';
import { publicScope } from '../access/public-reader.js';
import { normaliseOrigin, type IiifTokens, type TokenErrorProfile } from '../access/iiif-token.service.js';
import { readCookie } from '../http/middleware/session.js';
import { cookieSecure } from '../http/middleware/transport.js';
import { AuthProbeResult2, IIIF_AUTH_CONTEXT } from '../contract/iiif-auth.js';
import { NoContent } from '../contract/common.js';
import { ACCESS_COOKIE, ACCESS_COOKIE_PATH, AUTH_PATHS, probeResult, TEXT } from './auth-services.js';
import { accessPage, accessPageCsp, closingPage, newNonce, substituteSvg, tokenPage, tokenPageCsp } from './auth-pages.js';
import { IIIF_AUTH_ERRORS } from '../core/errors-iiif-auth.js';
import { fileOpenness } from './auth.repository.js';

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i;

/**
 * The scope a bearer token opens, or null without an Authorization header. A header that is there but does not open
 * anything (unknown, expired, revoked, another origin) is an error, never a silent fall back to less.
 */
export async function bearerScope(deps: Deps, tokens: IiifTokens, req: Request): Promise<Scope | null> {
  const header = req.get('authorization');
  if (!header || !tokens.enabled) return null;
  const m = BEARER.exec(header);
  const actor = m ? await tokens.resolveBearer(m[1], req.get('origin')) : null;
  if (!actor) throw IIIF_AUTH_ERRORS.tokenInvalid();
  return scopeOf(actor, vnToday(deps.clock));
}

function sendHtml(res: Response, html: string, csp: string, opts: { framable?: boolean } = {}) {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // The outside viewer watches the window it opened (window.closed): an isolating opener policy would cut that link.
  res.setHeader('Cross-Origin-Opener-Policy', 'unsafe-none');
  res.removeHeader('Access-Control-Allow-Origin');
  if (opts.framable) {
    res.removeHeader('X-Frame-Options');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  }
  res.type('text/html; charset=utf-8').send(html);
}

const vi = (s: string) => ({ vi: [s] });
const TOKEN_ERROR_NOTES: Record<TokenErrorProfile, string> = {
  invalidRequest: 'Yêu cầu mã truy cập thiếu messageId hoặc origin.',
  invalidOrigin: 'Trang web này không được phép nhận mã truy cập (IIIF_AUTH_ORIGINS).',
  missingAspect: 'Chưa đăng nhập và cho phép trang này xem. Hãy mở cửa sổ đăng nhập.',
  expiredAspect: 'Phiên đăng nhập hoặc sự cho phép đã hết hạn. Hãy đăng nhập lại.',
  invalidAspect: 'Thông tin đăng nhập không hợp lệ. Hãy đăng nhập lại.',
  unavailable: 'Dịch vụ cấp mã truy cập tạm thời không sẵn sàng.',
};

const TokenQuery = z.object({ messageId: z.string().max(200).optional(), origin: z.string().max(300).optional() });
const AccessQuery = z.object({ origin: z.string().max(300).optional() });
const GrantBody = z.strictObject({ origin: z.string().max(300) });
const PageProbeParams = z.strictObject({ id: Id });

/** What the probe needs from the viewing service: the page, or its not-found error, for this scope. */
export interface PageVisibility {
  visiblePage(scope: Scope, pageId: number): Promise<{ derivativesStatus: string }>;
}

export function iiifAuthRoutes(deps: Deps, tokens: IiifTokens, viewing: PageVisibility, baseUrl: (req: Request) => string): AnyRoute[] {
  /** Who a probe answers for: the bearer's user, else the public reader when IIIF_PUBLIC, else nobody. */
  const probeScope = async (req: Request) => {
    const bearer = await bearerScope(deps, tokens, req).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'IIIF_TOKEN_INVALID') return 'invalid' as const;
      throw e;
    });
    if (bearer === 'invalid') return { scope: null, signedIn: false };
    if (bearer) return { scope: bearer, signedIn: true };
    return { scope: deps.config.IIIF_PUBLIC ? publicScope(vnToday(deps.clock)) : null, signedIn: false };
  };
  const denied = (signedIn: boolean) => (signedIn ? 403 : 401) as 401 | 403;
  const probeHeaders = (res: Response) => {
    res.setHeader('Cache-Control', 'private, no-store');
    res.vary('Authorization');
    res.type(`application/ld+json;profile="${IIIF_AUTH_CONTEXT}"`);
  };

  return [
    defineRoute({
      method: 'get', path: '/api/iiif/auth/probe/page-:id', response: AuthProbeResult2, tag: 'iiif', access: 'public', params: PageProbeParams,
      summary: 'IIIF Auth 2: dịch vụ thăm dò của một trang (200 xem được; 401 cần đăng nhập; 403 tài khoản không có quyền)',
      handler: async ({ params, req, res }) => {
        const { scope, signedIn } = await probeScope(req);
        let status: 200 | 401 | 403 = denied(signedIn);
        if (scope) {
          const p = await viewing.visiblePage(scope, params.id).catch((e: unknown) => {
            if (e instanceof AppError && e.status === 404) return null;
            throw e;
          });
          if (p && p.derivativesStatus === 'done') status = 200;
        }
        probeHeaders(res);
        return probeResult(baseUrl(req), status);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/iiif/auth/probe/file-:id', response: AuthProbeResult2, tag: 'iiif', access: 'public', params: PageProbeParams,
      summary: 'IIIF Auth 2: thăm dò cả hồ sơ (200 khi đã thấy mọi trang có thể được mở; 401/403 khi đăng nhập có thể xem thêm)',
      handler: async ({ params, req, res }) => {
        const { scope, signedIn } = await probeScope(req);
        let status: 200 | 401 | 403 = denied(signedIn);
        if (scope) {
          const o = await fileOpenness(deps.db, scope, params.id);
          if (o.fileVisible && o.seen === o.listed) status = 200;
        }
        probeHeaders(res);
        return probeResult(baseUrl(req), status);
      },
    }),
    defineRoute({
      method: 'get', path: AUTH_PATHS.access, tag: 'iiif', access: 'public', query: AccessQuery, produces: 'text/html',
      summary: 'IIIF Auth 2: dịch vụ truy cập (cửa sổ đăng nhập và cho phép trang bên ngoài; tự đóng khi xong)',
      handler: ({ query, req, res }) => {
        const origin = normaliseOrigin(query.origin);
        const refusal = !tokens.enabled
          ? IIIF_AUTH_ERRORS.disabled().message
          : !origin ? 'Thiếu hoặc sai tham số origin của trình xem.' : !tokens.originAllowed(origin) ? IIIF_AUTH_ERRORS.iiifOriginForbidden().message : undefined;
        const nonce = newNonce();
        const signedIn = req.actor && req.sessionId ? req.actor : null;
        sendHtml(res, accessPage({
          nonce, centreName: deps.config.CENTRE_NAME, origin: refusal ? null : origin, refusal,
          signedInAs: signedIn ? `${signedIn.displayName} (${signedIn.username})` : null, csrfToken: signedIn ? req.csrfToken ?? null : null,
          grantPath: AUTH_PATHS.access,
        }), accessPageCsp(nonce));
      },
    }),
    defineRoute({
      method: 'post', path: AUTH_PATHS.access, response: NoContent, tag: 'iiif', access: 'authenticated', body: GrantBody,
      summary: 'IIIF Auth 2: người dùng đã đăng nhập cho phép một trang bên ngoài xem (đặt cookie truy cập cho dịch vụ mã)',
      handler: async ({ actor, body, req, res }) => {
        const origin = normaliseOrigin(body.origin);
        if (!tokens.enabled) throw IIIF_AUTH_ERRORS.disabled();
        if (!origin || !tokens.originAllowed(origin)) throw IIIF_AUTH_ERRORS.iiifOriginForbidden();
        if (!req.sessionId) throw IIIF_AUTH_ERRORS.sessionRequired();
        const g = await tokens.grantAccess(req.sessionId, actor, origin);
        const secure = cookieSecure(deps.config, req);
        res.cookie(ACCESS_COOKIE, g.cookie, { httpOnly: true, secure, sameSite: secure ? 'none' : 'lax', path: ACCESS_COOKIE_PATH, maxAge: g.maxAgeMs });
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: AUTH_PATHS.token, tag: 'iiif', access: 'public', query: TokenQuery, produces: 'text/html',
      summary: 'IIIF Auth 2: dịch vụ mã truy cập (trang trong iframe, gửi postMessage AuthAccessToken2 tới origin của trình xem)',
      handler: async ({ query, req, res }) => {
        const origin = normaliseOrigin(query.origin);
        const messageId = query.messageId;
        let message: object;
        if (!origin || !messageId) message = { profile: 'invalidRequest' };
        else {
          const out = await tokens.issueToken(readCookie(req, ACCESS_COOKIE), origin);
          message = out.ok ? { accessToken: out.accessToken, expiresIn: out.expiresIn } : { profile: out.profile };
        }
        const body = 'accessToken' in message
          ? { '@context': IIIF_AUTH_CONTEXT, type: 'AuthAccessToken2', ...message, messageId }
          : {
              '@context': IIIF_AUTH_CONTEXT, type: 'AuthAccessTokenError2', ...message, messageId,
              heading: vi(TEXT.tokenErrorHeading), note: vi(TOKEN_ERROR_NOTES[(message as { profile: TokenErrorProfile }).profile]),
            };
        const nonce = newNonce();
        sendHtml(res, tokenPage(nonce, body, origin), tokenPageCsp(nonce), { framable: true });
      },
    }),
    defineRoute({
      method: 'get', path: AUTH_PATHS.logout, tag: 'iiif', access: 'public', produces: 'text/html',
      summary: 'IIIF Auth 2: dịch vụ đăng xuất (thu hồi sự cho phép và các mã truy cập của trang bên ngoài; phiên trong ứng dụng vẫn giữ)',
      handler: async ({ req, res }) => {
        const cookie = readCookie(req, ACCESS_COOKIE);
        await tokens.revoke(cookie);
        // Only a browser that holds the cookie is told to drop it; others get no Set-Cookie at all.
        if (cookie) res.clearCookie(ACCESS_COOKIE, { path: ACCESS_COOKIE_PATH });
        const nonce = newNonce();
        sendHtml(res, closingPage(nonce, 'Đã thu hồi quyền xem của trang bên ngoài. Bạn có thể đóng cửa sổ này.'), accessPageCsp(nonce));
      },
    }),
    defineRoute({
      method: 'get', path: AUTH_PATHS.substitute, tag: 'iiif', access: 'public', produces: 'image/svg+xml',
      summary: 'IIIF Auth 2: ảnh thay thế cho trang chưa được xem (tài liệu hạn chế sử dụng)',
      handler: ({ res }) => {
        res.setHeader('Cache-Control', 'public, max-age=86400');
        // A public placeholder drawn by outside viewers with <img>: helmet's same-origin policy would hide it.
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
        res.type('image/svg+xml').send(substituteSvg());
      },
    }),
  ];
}
