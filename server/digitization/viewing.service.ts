/**
 * Every way an image leaves the service: thumbnail, access copy, presigned URL, master download, IIIF info and
 * tiles, and the IIIF manifest. Each one first finds the page through visibleSql (actor-aware); a page the actor may
 * not see is a 404, the same as a page that does not exist.
 */
import { vnIsoDate } from '../calendar.js';
import type { Deps } from '../deps.js';
import { AppError, ERRORS } from '../errors.js';
import { StreamResult, type Actor } from '../http/route.js';
import { buildManifest } from './manifest.js';
import * as pagesRepo from './pages.repository.js';

/** Presigned URLs live just long enough for a viewer to start the download. */
export const PRESIGN_TTL_SECONDS = 300;

export type ReadyPage = pagesRepo.PageRow & { accessKey: string; thumbKey: string; pyramidKey: string };

export function derivativesReady(p: pagesRepo.PageRow): asserts p is ReadyPage {
  if (p.derivativesStatus === 'failed') throw ERRORS.unprocessable('DERIVATIVES_FAILED', 'Không tạo được ảnh xem cho trang này (bản gốc có thể bị hỏng).');
  if (p.derivativesStatus !== 'done' || !p.accessKey || !p.thumbKey || !p.pyramidKey) {
    throw ERRORS.conflict('DERIVATIVES_PENDING', 'Ảnh của trang đang được xử lý, vui lòng thử lại sau ít phút.');
  }
}

export function createViewing(deps: Deps) {
  const today = () => vnIsoDate(deps.clock());

  async function visiblePage(actor: Actor, pageId: number) {
    const p = await pagesRepo.visiblePage(deps.db, actor, today(), pageId);
    if (!p) throw ERRORS.notFound('trang');
    return p;
  }

  /** A derivative is served with its master's fixity state in a header, so a viewer can flag a damaged original. */
  function image(p: pagesRepo.PageRow, key: string, contentType: string, filename: string) {
    return new StreamResult({
      contentType, filename, disposition: 'inline', etag: `${p.id}-${key.split('/').pop()}-${p.masterSha256.slice(0, 16)}`, maxAgeSeconds: 3600,
      body: () => deps.blobs.get(key),
      headers: { 'X-Fixity-Status': p.fixityStatus },
    });
  }

  async function thumbnail(actor: Actor, pageId: number) {
    const p = await visiblePage(actor, pageId);
    derivativesReady(p);
    return image(p, p.thumbKey, 'image/webp', `trang-${p.seq}.webp`);
  }

  async function accessImage(actor: Actor, pageId: number) {
    const p = await visiblePage(actor, pageId);
    derivativesReady(p);
    return image(p, p.accessKey, 'image/jpeg', `${p.fileNotation}-trang-${p.seq}.jpg`);
  }

  /** Only after the same checks as the image itself; the filesystem store has no URLs (404). */
  async function presignedAccessUrl(actor: Actor, pageId: number) {
    const p = await visiblePage(actor, pageId);
    derivativesReady(p);
    const url = await deps.blobs.presignedGet(p.accessKey, PRESIGN_TTL_SECONDS);
    if (!url) throw new AppError('PRESIGN_UNAVAILABLE', 'Kho đối tượng hiện tại không cấp đường dẫn tạm thời; hãy dùng đường dẫn ảnh của ứng dụng.', 404);
    return { url, expiresInSeconds: PRESIGN_TTL_SECONDS, fixityStatus: p.fixityStatus };
  }

  /** The master as uploaded (staff only at the route). A master failing fixity is never passed off as good. */
  async function masterContent(masterId: number) {
    const [m] = await deps.db.query<{ id: number; objectKey: string; originalName: string; sha256: string; sizeBytes: number; format: string; fixityStatus: string }>(
      `SELECT id, object_key AS "objectKey", original_name AS "originalName", sha256, size_bytes AS "sizeBytes", format, fixity_status AS "fixityStatus" FROM masters WHERE id = $1`,
      [masterId],
    );
    if (!m) throw ERRORS.notFound('bản gốc');
    if (m.fixityStatus === 'corrupt' || m.fixityStatus === 'missing') {
      throw ERRORS.conflict('MASTER_FIXITY_FAILED', `Bản gốc #${m.id} không còn nguyên vẹn (kiểm tra toàn vẹn: ${m.fixityStatus === 'corrupt' ? 'sai mã băm' : 'mất tệp'}); không cung cấp như bản tốt.`);
    }
    const type = { tiff: 'image/tiff', jpeg: 'image/jpeg', png: 'image/png' }[m.format] ?? 'application/octet-stream';
    return new StreamResult({
      contentType: type, filename: m.originalName, disposition: 'attachment', etag: m.sha256, size: m.sizeBytes,
      body: () => deps.blobs.get(m.objectKey), headers: { 'X-Fixity-Status': m.fixityStatus, 'X-Content-SHA256': m.sha256 },
    });
  }

  async function manifest(actor: Actor, fileId: number, baseUrl: string) {
    const file = await pagesRepo.visibleFile(deps.db, actor, today(), fileId);
    if (!file) throw ERRORS.notFound('hồ sơ');
    const pages = await pagesRepo.visibleFilePages(deps.db, actor, today(), fileId);
    return buildManifest(baseUrl, file, pages, deps.config.CENTRE_NAME);
  }

  return { visiblePage, thumbnail, accessImage, presignedAccessUrl, masterContent, manifest };
}
