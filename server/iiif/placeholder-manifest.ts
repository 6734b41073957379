/**
 * IIIF Auth 2 placeholder for a whole restricted file (issue 13). Auth 2 protects content resources, not
 * Presentation resources: an outside viewer needs a manifest to find a probe at all. So, with IIIF_AUTH_ORIGINS on,
 * a caller who may not see a restricted (never a secret) file gets this instead of a 404:
 * - label and metadata exactly as the fonds' EAD3 finding aid lists a restricted file (identifier, dates, sheets,
 *   access condition, fonds) — never its title, nor any document's;
 * - one canvas per ready page with its size, labelled by position (a secret document's pages are not there and
 *   leave no gap); the image and its ImageService3 answer 404 without a token, next to the page's probe;
 * - no thumbnail, search, text/ALTO/PDF link or table of contents.
 * The routes add the probes (withManifestAuth), so a token of a granted reader then gets the full manifest.
 */
import type { Deps } from '../deps.js';
import type { Scope } from '../core/scope.js';
import { yearOf } from '../core/time/index.js';
import { IIIF_IMAGE_PROFILE } from './info-json.js';
import { canvasUri } from './uris.js';
import { ACCESS_RESTRICTED, fileDate } from '../interop/records/descriptions.js';
import { placeholderPages, restrictedListedFile } from './placeholder.repository.js';

const vi = (s: string) => ({ vi: [s] });

export const PLACEHOLDER_SUMMARY = 'Hồ sơ hạn chế sử dụng: chỉ xem được sau khi đăng nhập bằng tài khoản được cấp quyền khai thác.';

/** The placeholder, or null when the file is not one the finding aid lists as restricted (missing, secret, …). */
export async function placeholderManifest(deps: Pick<Deps, 'db' | 'config'>, scope: Scope, fileId: number, baseUrl: string) {
  const year = yearOf(scope.day);
  const file = await restrictedListedFile(deps.db, fileId, year);
  if (!file) return null;
  const pages = await placeholderPages(deps.db, fileId, year);
  const api = `${baseUrl}/api`;
  // The same identifier, date and extent fileUnit() writes into <unitid>, <unitdate> and <physdesc> of the EAD3.
  const unitId = file.fileCode ?? file.fileNotation;
  const date = fileDate(file);
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${api}/iiif/3/file-${file.id}/manifest.json`,
    type: 'Manifest' as const,
    label: vi(unitId),
    summary: vi(PLACEHOLDER_SUMMARY),
    metadata: [
      { label: vi(file.fileCode ? 'Mã hồ sơ' : 'Số và ký hiệu hồ sơ'), value: vi(unitId) },
      { label: vi('Thời gian'), value: vi(date.text) },
      ...(file.sheets ? [{ label: vi('Số tờ'), value: vi(String(file.sheets)) }] : []),
      { label: vi('Phông'), value: vi(file.fondsName) },
      { label: vi('Chế độ sử dụng'), value: vi(ACCESS_RESTRICTED) },
    ],
    requiredStatement: { label: vi('Nguồn'), value: vi(deps.config.CENTRE_NAME) },
    viewingDirection: 'left-to-right',
    // Never a book spread: how many documents the file binds is not published either.
    behavior: ['individuals'],
    service: [],
    items: pages.map((p, i) => {
      const canvas = canvasUri(baseUrl, file.id, p.id);
      const service = `${api}/iiif/3/page-${p.id}`;
      return {
        id: canvas,
        type: 'Canvas' as const,
        label: vi(`Trang ${i + 1}`),
        width: p.width,
        height: p.height,
        items: [{
          id: `${canvas}/page`,
          type: 'AnnotationPage' as const,
          items: [{
            id: `${canvas}/page/image`,
            type: 'Annotation' as const,
            motivation: 'painting' as const,
            target: canvas,
            body: {
              id: `${service}/full/max/0/default.jpg`, type: 'Image' as const, format: 'image/jpeg', width: p.width, height: p.height,
              service: [{ id: service, type: 'ImageService3' as const, profile: IIIF_IMAGE_PROFILE }],
            },
          }],
        }],
      };
    }),
  };
}
