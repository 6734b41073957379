/** Routes of the digital archive: AIP export jobs, their download and fixity, and a file's PDF/A-2b. Staff only. */
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import { AipExport, AipExportList, AipFixityResult, AipListQuery, AipRequestBody, PremisEventList } from '../contract/archive.js';
import type { ArchiveService } from './aip.service.js';

export function archiveRoutes(_deps: Deps, s: { archive: ArchiveService }): AnyRoute[] {
  const a = s.archive;
  return [
    defineRoute({
      method: 'post', path: '/api/archive/aips', tag: 'archive', access: STAFF, body: AipRequestBody, response: AipExport, status: 202,
      summary: 'Đóng gói AIP (TT 05/2025, cấu trúc E-ARK CSIP) cho một hồ sơ hoặc một phông; chạy nền, theo dõi tiến độ',
      handler: ({ actor, body }) => a.requestAip(actor, body),
    }),
    defineRoute({
      method: 'get', path: '/api/archive/aips', tag: 'archive', access: STAFF, query: AipListQuery, response: AipExportList,
      summary: 'Các lần đóng gói AIP (mới nhất trước), lọc theo hồ sơ hoặc phông',
      handler: async ({ query }) => ({ items: await a.list(query) }),
    }),
    defineRoute({
      method: 'get', path: '/api/archive/aips/:id', tag: 'archive', access: STAFF, params: IdParams, response: AipExport,
      summary: 'Trạng thái và tiến độ một lần đóng gói AIP; cách bảo vệ ghi một lần (Object Lock / chỉ đọc / KHÔNG khóa)',
      handler: ({ params }) => a.get(params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/archive/aips/:id/download', tag: 'archive', access: STAFF, params: IdParams, produces: 'application/zip',
      summary: 'Tải gói AIP (ZIP) đã đóng gói',
      handler: ({ params }) => a.download(params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/archive/aips/:id/premis-events', tag: 'archive', access: STAFF, params: IdParams, response: PremisEventList,
      summary: 'Sự kiện PREMIS do khâu lưu trữ số ghi cho gói: tạo PDF/A, tự kiểm tra, kiểm tra toàn vẹn gói',
      handler: async ({ params }) => ({ items: await a.premisEvents(params.id) }),
    }),
    defineRoute({
      method: 'post', path: '/api/archive/aips/:id/fixity', tag: 'archive', access: STAFF, params: IdParams, response: AipFixityResult,
      summary: 'Băm lại SHA-256 gói AIP đã lưu và ghi sự kiện PREMIS kiểm tra toàn vẹn',
      handler: async ({ params }) => ({ items: await a.checkFixity([params.id]) }),
    }),
    defineRoute({
      method: 'get', path: '/api/archive/files/:id/pdfa', tag: 'archive', access: STAFF, params: IdParams, produces: 'application/pdf',
      summary: 'PDF/A-2b của hồ sơ số hóa (ảnh + lớp chữ OCR ẩn), đã tự kiểm tra (không phải veraPDF)',
      handler: ({ params }) => a.filePdfa(params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/archive/documents/:id/pdfa', tag: 'archive', access: STAFF, params: IdParams, produces: 'application/pdf',
      summary: 'PDF/A-2b của một văn bản (chỉ các trang của văn bản), đã tự kiểm tra (không phải veraPDF)',
      handler: ({ params }) => a.documentPdfa(params.id),
    }),
  ];
}
