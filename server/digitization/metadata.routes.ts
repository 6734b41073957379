/** TT 02/2019 metadata routes: read by visibility, write staff-only, export XLSX / JSON per file or fonds. */
import { z } from 'zod';
import { defineRoute, IdParams, STAFF, XLSX_TYPE, type AnyRoute } from '../http/route.js';
import type { Services } from '../services.js';
import { DocumentBody, DocumentPatch, FileMetadataBody } from './metadata.schemas.js';

const ExportParams = z.strictObject({ id: z.coerce.number().int().positive(), format: z.enum(['xlsx', 'json'], 'Định dạng xuất: xlsx hoặc json') });

export function metadataRoutes(s: Services): AnyRoute[] {
  const m = s.digitization.metadata;
  return [
    defineRoute({
      method: 'get', path: '/api/digitization/files/:id/metadata', tag: 'digitization', access: 'authenticated', params: IdParams,
      summary: 'Siêu dữ liệu hồ sơ số hóa theo TT 02/2019 (kèm danh sách văn bản)',
      handler: ({ actor, params }) => m.getFile(actor!, params.id),
    }),
    defineRoute({
      method: 'put', path: '/api/digitization/files/:id/metadata', tag: 'digitization', access: STAFF, params: IdParams, body: FileMetadataBody,
      summary: 'Sửa siêu dữ liệu hồ sơ (độ dài trường theo TT 02/2019)',
      handler: ({ actor, params, body }) => m.updateFile(actor!, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/files/:id/documents', tag: 'digitization', access: 'authenticated', params: IdParams,
      summary: 'Văn bản trong hồ sơ (theo quyền xem)',
      handler: ({ actor, params }) => m.listDocuments(actor!, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/digitization/files/:id/documents', tag: 'digitization', access: STAFF, params: IdParams, body: DocumentBody, status: 201,
      summary: 'Thêm văn bản vào hồ sơ (siêu dữ liệu TT 02/2019)',
      handler: ({ actor, params, body }) => m.createDocument(actor!, params.id, body),
    }),
    defineRoute({
      method: 'put', path: '/api/digitization/documents/:id', tag: 'digitization', access: STAFF, params: IdParams, body: DocumentPatch,
      summary: 'Sửa siêu dữ liệu văn bản',
      handler: ({ actor, params, body }) => m.updateDocument(actor!, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/files/:id/metadata/export/:format', tag: 'digitization', access: 'authenticated', params: ExportParams,
      produces: XLSX_TYPE, summary: 'Xuất siêu dữ liệu hồ sơ và văn bản (XLSX hoặc JSON)',
      handler: ({ actor, params }) => (params.format === 'xlsx' ? m.exportXlsx(actor!, { fileId: params.id }) : m.exportJson(actor!, { fileId: params.id })),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/fonds/:id/metadata/export/:format', tag: 'digitization', access: 'authenticated', params: ExportParams,
      produces: XLSX_TYPE, summary: 'Xuất siêu dữ liệu mọi hồ sơ của một phông (XLSX hoặc JSON)',
      handler: ({ actor, params }) => (params.format === 'xlsx' ? m.exportXlsx(actor!, { fondsId: params.id }) : m.exportJson(actor!, { fondsId: params.id })),
    }),
  ];
}
