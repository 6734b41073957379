/** TT 02/2019 metadata routes: read by visibility, write staff-only, export XLSX / JSON per file or fonds. */
import { z } from 'zod';
import { Id } from '../core/schemas.js';
import { STAFF } from '../core/actor.js';
import { XLSX_TYPE } from '../core/download.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import type { DigitizationArea } from './digitization.area.js';
import { DocumentBody, DocumentPatch, FileMetadataBody } from './metadata.schemas.js';
import { FileMetadata, FileMetadataFields, DocumentList, DocumentMeta, MetadataExport } from '../contract/digitization.js';

const ExportParams = z.strictObject({ id: Id, format: z.enum(['xlsx', 'json'], 'Định dạng xuất: xlsx hoặc json') });

export function metadataRoutes(s: { digitization: DigitizationArea }): AnyRoute[] {
  const m = s.digitization.metadata;
  return [
    defineRoute({
      method: 'get', path: '/api/digitization/files/:id/metadata', response: FileMetadata, tag: 'digitization', access: 'authenticated', params: IdParams,
      summary: 'Siêu dữ liệu hồ sơ số hóa theo TT 02/2019 (kèm danh sách văn bản)',
      handler: ({ scope, params }) => m.getFile(scope, params.id),
    }),
    defineRoute({
      method: 'put', path: '/api/digitization/files/:id/metadata', response: FileMetadataFields, tag: 'digitization', access: STAFF, params: IdParams, body: FileMetadataBody,
      summary: 'Sửa siêu dữ liệu hồ sơ (độ dài trường theo TT 02/2019)',
      handler: ({ scope, params, body }) => m.updateFile(scope, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/files/:id/documents', response: DocumentList, tag: 'digitization', access: 'authenticated', params: IdParams,
      summary: 'Văn bản trong hồ sơ (theo quyền xem)',
      handler: ({ scope, params }) => m.listDocuments(scope, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/digitization/files/:id/documents', response: DocumentMeta, tag: 'digitization', access: STAFF, params: IdParams, body: DocumentBody, status: 201,
      summary: 'Thêm văn bản vào hồ sơ (siêu dữ liệu TT 02/2019)',
      handler: ({ scope, params, body }) => m.createDocument(scope, params.id, body),
    }),
    defineRoute({
      method: 'put', path: '/api/digitization/documents/:id', response: DocumentMeta, tag: 'digitization', access: STAFF, params: IdParams, body: DocumentPatch,
      summary: 'Sửa siêu dữ liệu văn bản',
      handler: ({ scope, params, body }) => m.updateDocument(scope, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/files/:id/metadata/export/:format', response: MetadataExport, tag: 'digitization', access: 'authenticated', params: ExportParams,
      produces: `${XLSX_TYPE}, application/json`, summary: 'Xuất siêu dữ liệu hồ sơ và văn bản (XLSX hoặc JSON)',
      handler: ({ scope, params }) => (params.format === 'xlsx' ? m.exportXlsx(scope, { fileId: params.id }) : m.exportJson(scope, { fileId: params.id })),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/fonds/:id/metadata/export/:format', response: MetadataExport, tag: 'digitization', access: 'authenticated', params: ExportParams,
      produces: `${XLSX_TYPE}, application/json`, summary: 'Xuất siêu dữ liệu mọi hồ sơ của một phông (XLSX hoặc JSON)',
      handler: ({ scope, params }) => (params.format === 'xlsx' ? m.exportXlsx(scope, { fondsId: params.id }) : m.exportJson(scope, { fondsId: params.id })),
    }),
  ];
}
