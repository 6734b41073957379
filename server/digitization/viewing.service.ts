/**
 * Every way an image leaves the service: thumbnail, access copy, presigned URL, master download, IIIF info and
 * tiles, and the IIIF manifest. Each one first finds the page through visibleSql (actor-aware); a page the actor may
 * not see is a 404, the same as a page that does not exist.
 */
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import { Download } from '../core/download.js';
import { buildManifest } from './manifest.js';
import * as pagesRepo from './pages.repository.js';
import { manifestDocuments } from './manifest.repository.js';

/** Presigned URLs live just long enough for a viewer to start the download. */
export const PRESIGN_TTL_SECONDS = 300;

export type ReadyPage = pagesRepo.PageRow & { accessKey: string; thumbKey: string; pyramidKey: string };

export function derivativesReady(p: pagesRepo.PageRow): asserts p is ReadyPage {
  if (p.derivativesStatus === 'failed') throw ERRORS.derivativesFailed();
  if (p.derivativesStatus !== 'done' || !p.accessKey || !p.thumbKey || !p.pyramidKey) {
    throw ERRORS.derivativesPending();
  }
}

export function createViewing(deps: Deps) {
  async function visiblePage(scope: Scope, pageId: number) {
    const p = await pagesRepo.visiblePage(deps.db, scope, pageId);
    if (!p) throw ERRORS.notFound('trang');
    return p;
  }

  /** A derivative is served with its master's fixity state in a header, so a viewer can flag a damaged original. */
  function image(p: pagesRepo.PageRow, key: string, contentType: string, filename: string) {
    return new Download({
      contentType, filename, disposition: 'inline', version: `${p.id}-${key.split('/').pop()}-${p.masterSha256.slice(0, 16)}`, freshFor: 'hour',
      body: () => deps.blobs.get(key),
      fixity: { status: p.fixityStatus },
    });
  }

  async function thumbnail(scope: Scope, pageId: number) {
    const p = await visiblePage(scope, pageId);
    derivativesReady(p);
    return image(p, p.thumbKey, 'image/webp', `trang-${p.seq}.webp`);
  }

  async function accessImage(scope: Scope, pageId: number) {
    const p = await visiblePage(scope, pageId);
    derivativesReady(p);
    return image(p, p.accessKey, 'image/jpeg', `${p.fileNotation}-trang-${p.seq}.jpg`);
  }

  /** Only after the same checks as the image itself; the filesystem store has no URLs (404). */
  async function presignedAccessUrl(scope: Scope, pageId: number) {
    const p = await visiblePage(scope, pageId);
    derivativesReady(p);
    const url = await deps.blobs.presignedGet(p.accessKey, PRESIGN_TTL_SECONDS);
    if (!url) throw ERRORS.presignUnavailable();
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
      throw ERRORS.masterFixityFailed(m.id, m.fixityStatus);
    }
    const type = { tiff: 'image/tiff', jpeg: 'image/jpeg', png: 'image/png' }[m.format] ?? 'application/octet-stream';
    return new Download({
      contentType: type, filename: m.originalName, disposition: 'attachment', version: m.sha256, freshFor: 'revalidate', size: m.sizeBytes,
      body: () => deps.blobs.get(m.objectKey), fixity: { status: m.fixityStatus, sha256: m.sha256 },
    });
  }

  async function manifest(scope: Scope, fileId: number, baseUrl: string) {
    const file = await pagesRepo.visibleFile(deps.db, scope, fileId);
    if (!file) throw ERRORS.notFound('hồ sơ');
    const pages = await pagesRepo.visibleFilePages(deps.db, scope, fileId);
    const documentIds = [...new Set(pages.map((p) => p.documentId).filter((id): id is number => id !== null))];
    return buildManifest(baseUrl, file, pages, deps.config.CENTRE_NAME, await manifestDocuments(deps.db, documentIds));
  }

  return { visiblePage, thumbnail, accessImage, presignedAccessUrl, masterContent, manifest };
}
