/**
 * HTTP surface of digitisation. Every image, tile, manifest and text export route is listed in VIEWING_PATHS so the
 * combined leak test can enumerate them; each goes through the services' visibleSql lookups.
 */
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import { BodyId, Id, Pagination, text } from '../core/schemas.js';
import type { DigitizationArea } from './digitization.area.js';
import { metadataRoutes } from './metadata.routes.js';
import { tt05Routes } from './tt05.routes.js';
import { proposalsRoutes } from './proposals.routes.js';
import { inventoryReviewRoutes } from './inventory-review.routes.js';
import { iiifRoutes } from './iiif.routes.js';
import { EXPORT_FORMATS } from './exports.service.js';
import { Batch, BatchList, BatchPages, BatchProgress, UploadResult, ReocrQueued, FilePages, PageView, PresignedImage } from '../contract/digitization.js';
import { NoContent } from '../contract/common.js';

const BatchBody = z.strictObject({
  recordFileId: BodyId,
  documentId: BodyId.nullish(),
  label: text(200).nullish(),
});
/**
 * Multipart text fields sent beside the scans: the browser's selection id and the file's place in it, so pages are
 * numbered in selection order whichever upload finishes first.
 */
const ScanFields = z.strictObject({
  group: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Mã lượt chọn tệp: 1–64 chữ cái, chữ số, - hoặc _').optional(),
  position: z.coerce.number('Vị trí tệp phải là số nguyên từ 0').int('Vị trí tệp phải là số nguyên từ 0').min(0, 'Vị trí tệp phải là số nguyên từ 0').max(100_000, 'Vị trí tệp tối đa 100000').optional(),
});
const PageOrderBody = z.strictObject({
  pageIds: z.array(BodyId).min(1, 'Cần danh sách trang').max(10_000, 'Tối đa 10000 trang'),
});
const BatchQuery = z.strictObject({ recordFileId: Id.optional(), ...Pagination });
const BatchPagesQuery = z.strictObject({
  /** 1/true: only pages needing review; 0/false: only the others. */
  needsReview: z.enum(['1', '0', 'true', 'false'], 'Bộ lọc cần xem lại: 1 hoặc 0').transform((v) => v === '1' || v === 'true').optional(),
});
const FileIdParams = z.strictObject({ id: Id });
const ExportParams = z.strictObject({
  id: Id,
  format: z.enum(EXPORT_FORMATS, 'Định dạng xuất: txt, alto, hocr hoặc pdf'),
});

export function digitizationRoutes(deps: Deps, s: { digitization: DigitizationArea }): AnyRoute[] {
  const d = s.digitization.batches;
  const v = s.digitization.viewing;
  return [
    defineRoute({
      method: 'post', path: '/api/digitization/batches', response: Batch, tag: 'digitization', access: STAFF, body: BatchBody, status: 201,
      summary: 'Tạo đợt số hóa cho một hồ sơ (tùy chọn: một văn bản trong hồ sơ)',
      handler: ({ actor, body }) => d.createBatch(actor, body),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/batches', response: BatchList, tag: 'digitization', access: STAFF, query: BatchQuery, summary: 'Danh sách đợt số hóa',
      handler: ({ query }) => d.listBatches(query),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/batches/:id', response: BatchProgress, tag: 'digitization', access: STAFF, params: IdParams,
      summary: 'Tiến độ một đợt số hóa: số trang theo trạng thái ảnh và OCR, từng bản gốc',
      handler: ({ params }) => d.progress(params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/batches/:id/pages', response: BatchPages, tag: 'digitization', access: STAFF, params: IdParams,
      query: BatchPagesQuery,
      summary: 'Các trang của đợt với chất lượng OCR (độ tin cậy trung bình, tỉ lệ từ tin cậy thấp, nghi là bảng, cần xem lại và lý do); ?needsReview=1: chỉ trang cần xem lại',
      handler: ({ params, query }) => d.batchPages(params.id, query),
    }),
    defineRoute({
      method: 'post', path: '/api/digitization/batches/:id/scans', response: UploadResult, tag: 'digitization', access: STAFF, params: IdParams,
      body: ScanFields,
      upload: { field: 'files', maxCount: deps.config.MAX_SCAN_FILES, maxFileMb: deps.config.MAX_SCAN_MB },
      summary: `Tải lên ảnh quét (TIFF, JPEG, PNG; tối đa ${deps.config.MAX_SCAN_FILES} tệp, mỗi tệp ${deps.config.MAX_SCAN_MB} MB); kết quả từng tệp. Trường group + position: thứ tự chọn tệp`,
      handler: async ({ actor, params, body, files, res }) => {
        const r = await d.upload(actor, params.id, files, body);
        res.status(r.summary.stored > 0 ? 201 : 200);
        return r;
      },
    }),
    defineRoute({
      method: 'post', path: '/api/digitization/batches/:id/reocr', response: ReocrQueued, tag: 'digitization', access: STAFF, params: IdParams,
      summary: 'Nhận dạng lại (OCR) mọi trang của đợt',
      handler: ({ scope, params }) => d.reocr(scope, { batchId: params.id }),
    }),
    defineRoute({
      method: 'post', path: '/api/digitization/pages/:id/reocr', response: ReocrQueued, tag: 'digitization', access: STAFF, params: IdParams,
      summary: 'Nhận dạng lại (OCR) một trang',
      handler: ({ scope, params }) => d.reocr(scope, { pageId: params.id }),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/files/:id/pages', response: FilePages, tag: 'digitization', access: 'authenticated', params: FileIdParams,
      summary: 'Các trang đã số hóa của một hồ sơ (theo quyền xem)',
      handler: ({ scope, params }) => d.filePages(scope, params.id),
    }),
    defineRoute({
      method: 'put', path: '/api/digitization/files/:id/pages/order', response: FilePages, tag: 'digitization', access: STAFF, params: FileIdParams,
      body: PageOrderBody,
      summary: 'Sắp xếp lại các trang của hồ sơ (gửi đủ mọi trang theo thứ tự mới); số trang đánh lại 1..n',
      handler: ({ scope, params, body }) => s.digitization.pages.reorder(scope, params.id, body.pageIds),
    }),
    defineRoute({
      method: 'post', path: '/api/digitization/pages/:id/replace', response: PageView, tag: 'digitization', access: STAFF, params: IdParams,
      upload: { field: 'file', maxFileMb: deps.config.MAX_SCAN_MB },
      summary: 'Thay ảnh của một trang (một ảnh một trang): bản gốc mới, tạo lại ảnh xem và OCR',
      handler: ({ actor, scope, params, file }) => s.digitization.pages.replace(actor, scope, params.id, file),
    }),
    defineRoute({
      method: 'delete', path: '/api/digitization/pages/:id', response: NoContent, tag: 'digitization', access: STAFF, params: IdParams,
      summary: 'Xóa một trang khỏi hồ sơ; các trang sau được đánh số lại',
      handler: async ({ scope, params }) => {
        await s.digitization.pages.remove(scope, params.id);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/pages/:id', response: PageView, tag: 'digitization', access: 'authenticated', params: IdParams,
      summary: 'Chi tiết một trang, gồm cờ toàn vẹn của bản gốc',
      handler: ({ scope, params }) => d.page(scope, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/pages/:id/thumbnail', tag: 'digitization', access: 'authenticated', params: IdParams,
      produces: 'image/webp', summary: 'Ảnh thu nhỏ của trang',
      handler: ({ scope, params }) => v.thumbnail(scope, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/pages/:id/image', tag: 'digitization', access: 'authenticated', params: IdParams,
      produces: 'image/jpeg', summary: 'Ảnh xem (JPEG) của trang; độc giả nhận bản có dấu nhận diện (tên, số phiếu, ngày)',
      handler: async ({ scope, params }) => (await s.digitization.exports.readerImage(scope, params.id)) ?? v.accessImage(scope, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/pages/:id/image-url', response: PresignedImage, tag: 'digitization', access: 'authenticated', params: IdParams,
      summary: 'Đường dẫn tạm thời (5 phút) tới ảnh xem, chỉ với kho S3',
      handler: ({ scope, params }) => v.presignedAccessUrl(scope, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/masters/:id/content', produces: 'image/tiff, image/jpeg, image/png', tag: 'digitization', access: STAFF, params: IdParams,
      summary: 'Tải bản gốc nguyên vẹn từng byte (từ chối nếu kiểm tra toàn vẹn thất bại)',
      handler: ({ params }) => v.masterContent(params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/pages/:id/export/:format', tag: 'digitization', access: 'authenticated', params: ExportParams,
      produces: 'text/plain, application/xml, application/xhtml+xml, application/pdf', summary: 'Xuất văn bản nhận dạng của trang: txt, ALTO XML, hOCR hoặc PDF có lớp chữ (PDF của độc giả có dấu nhận diện)',
      handler: ({ scope, params }) => s.digitization.exports.page(scope, params.id, params.format),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/files/:id/export/:format', tag: 'digitization', access: 'authenticated', params: ExportParams,
      produces: 'text/plain, application/zip, application/xhtml+xml, application/pdf', summary: 'Xuất văn bản nhận dạng của hồ sơ: txt, ALTO (ZIP từng trang), hOCR hoặc PDF có lớp chữ (PDF của độc giả có dấu nhận diện)',
      handler: ({ scope, params }) => s.digitization.exports.file(scope, params.id, params.format),
    }),
    ...iiifRoutes(deps, s),
    ...metadataRoutes(s),
    ...tt05Routes(s),
    ...proposalsRoutes(s.digitization),
    ...inventoryReviewRoutes(s.digitization),
  ];
}

/** Every GET that hands out page content; `:id` is a page id unless the path says file. For the leak test. */
export const VIEWING_PATHS = [
  '/api/digitization/pages/:id',
  '/api/digitization/pages/:id/thumbnail',
  '/api/digitization/pages/:id/image',
  '/api/digitization/pages/:id/image-url',
  '/api/iiif/3/page-:id/info.json',
  '/api/iiif/3/page-:id/full/max/0/default.jpg',
  '/api/digitization/pages/:id/export/txt',
  '/api/digitization/pages/:id/export/alto',
  '/api/digitization/pages/:id/export/hocr',
  '/api/digitization/pages/:id/export/pdf',
  '/api/digitization/files/:id/pages',
  '/api/iiif/3/file-:id/manifest.json',
  '/api/iiif/search/2/file-:id?q=trang',
  '/api/iiif/search/1/file-:id?q=trang',
  '/api/digitization/files/:id/export/txt',
  '/api/digitization/files/:id/export/hocr',
  '/api/digitization/files/:id/export/pdf',
  '/api/digitization/files/:id/metadata',
] as const;
