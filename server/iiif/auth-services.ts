/**
 * IIIF Authorization Flow 2.0 descriptions and answers: which services a resource advertises (probe → access →
 * token, logout) and what the probe says. Pure functions over URLs; the routes decide who is asking.
 *
 * Probe status, chosen so it never tells whether a closed resource exists (nor that a page is secret):
 *   200 the requester sees it; 401 nobody signed in (bearer) and the public may not see it — the same for a restricted,
 *   a secret and a non-existent id; 403 a bearer is there but that user may not see it — again the same for all three.
 */
import { IIIF_AUTH_CONTEXT, type AuthProbeResult2, type AuthProbeService2 } from '../contract/iiif-auth.js';

const vi = (s: string) => ({ vi: [s] });

export const AUTH_PATHS = {
  access: '/api/iiif/auth/access',
  token: '/api/iiif/auth/token',
  logout: '/api/iiif/auth/token/logout',
  substitute: '/api/iiif/auth/substitute.svg',
  probe: (target: ProbeTarget) => `/api/iiif/auth/probe/${target.kind}-${target.id}`,
};
/** The access cookie lives under the token service's path only (its logout included), nowhere else in the app. */
export const ACCESS_COOKIE = 'kho_iiif_access';
export const ACCESS_COOKIE_PATH = AUTH_PATHS.token;

export interface ProbeTarget {
  kind: 'page' | 'file';
  id: number;
}

export const TEXT = {
  accessLabel: 'Đăng nhập Kho Lưu trữ',
  accessHeading: 'Tài liệu hạn chế sử dụng',
  accessNote: 'Trang này chỉ xem được sau khi đăng nhập bằng tài khoản được cấp quyền khai thác tài liệu hạn chế.',
  confirmLabel: 'Đăng nhập',
  logoutLabel: 'Thu hồi quyền xem của trang này',
  tokenErrorHeading: 'Không lấy được quyền xem',
  tokenErrorNote: 'Trình xem chưa được cấp quyền. Hãy đăng nhập lại.',
  probeErrorHeading: 'Không có quyền xem',
  probeErrorNote: 'Tài khoản của bạn không được phép xem nội dung này.',
};

export function probeService(base: string, target: ProbeTarget): AuthProbeService2 {
  return {
    id: base + AUTH_PATHS.probe(target),
    type: 'AuthProbeService2',
    service: [
      {
        id: base + AUTH_PATHS.access,
        type: 'AuthAccessService2',
        profile: 'active',
        label: vi(TEXT.accessLabel),
        heading: vi(TEXT.accessHeading),
        note: vi(TEXT.accessNote),
        confirmLabel: vi(TEXT.confirmLabel),
        service: [
          { id: base + AUTH_PATHS.token, type: 'AuthAccessTokenService2', errorHeading: vi(TEXT.tokenErrorHeading), errorNote: vi(TEXT.tokenErrorNote) },
          { id: base + AUTH_PATHS.logout, type: 'AuthLogoutService2', label: vi(TEXT.logoutLabel) },
        ],
      },
    ],
    errorHeading: vi(TEXT.probeErrorHeading),
    errorNote: vi(TEXT.probeErrorNote),
  };
}

export function probeResult(base: string, status: 200 | 401 | 403): AuthProbeResult2 {
  if (status === 200) return { '@context': IIIF_AUTH_CONTEXT, type: 'AuthProbeResult2', status };
  const heading = status === 401 ? 'Cần đăng nhập để xem' : 'Không có quyền xem';
  const note =
    status === 401
      ? 'Nội dung này không mở cho công chúng. Hãy đăng nhập bằng tài khoản Kho Lưu trữ (độc giả được cấp quyền khai thác tài liệu hạn chế).'
      : 'Tài khoản đang đăng nhập không được phép xem nội dung này (tài liệu hạn chế chưa được cấp quyền, hoặc không tồn tại).';
  return {
    '@context': IIIF_AUTH_CONTEXT,
    type: 'AuthProbeResult2',
    status,
    substitute: [{ id: base + AUTH_PATHS.substitute, type: 'Image', format: 'image/svg+xml', label: vi('Tài liệu hạn chế sử dụng') }],
    heading: vi(heading),
    note: vi(note),
  };
}

/** info.json of a page: its image service points at the page's probe. */
export function withInfoAuth<T extends object>(info: T, base: string, pageId: number): T & { service: AuthProbeService2[] } {
  return { ...info, service: [probeService(base, { kind: 'page', id: pageId })] };
}

interface ManifestLike {
  service: object[];
  items: { id: string; items: { items: { body: { service: object[] } }[] }[] }[];
}

/**
 * The manifest: each painting image gets its page's probe next to its image service (Auth 2 puts the probe on the
 * content resource), and the manifest a file-level probe that answers 401/403 while a login would show this
 * requester more pages of the file than it lists now (restricted ones), 200 once it lists every page it ever could.
 */
export function withManifestAuth<M extends ManifestLike>(manifest: M, base: string, fileId: number): M {
  const items = manifest.items.map((canvas) => {
    const pageId = Number(/\/canvas\/(\d+)$/.exec(canvas.id)?.[1]);
    return {
      ...canvas,
      items: canvas.items.map((ap) => ({
        ...ap,
        items: ap.items.map((anno) => ({ ...anno, body: { ...anno.body, service: [...anno.body.service, probeService(base, { kind: 'page', id: pageId })] } })),
      })),
    };
  });
  return { ...manifest, service: [...manifest.service, probeService(base, { kind: 'file', id: fileId })], items };
}
