/** "Số hóa mục lục": review drafts of inventory rows read from scanned inventory pages, and their import (staff). */
import { STAFF } from '../core/actor.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import { InventoryReview, InventoryReviewImport } from '../contract/inventory-review.js';
import { EditBody, ExtractBody, ImportBody, type InventoryReviewService } from './inventory-review.service.js';

export function inventoryReviewRoutes(s: { inventoryReview: InventoryReviewService }): AnyRoute[] {
  const r = s.inventoryReview;
  const base = '/api/digitization/files/:id/inventory-review';
  return [
    defineRoute({
      method: 'post', path: base, response: InventoryReview, tag: 'digitization', access: STAFF, params: IdParams, body: ExtractBody, status: 201,
      summary: 'Trích dòng mục lục hồ sơ từ bảng OCR của các trang (tùy chọn: khoảng trang) thành bản duyệt mới (thay bản trước)',
      handler: ({ scope, actor, params, body }) => r.extract(scope, actor, params.id, body),
    }),
    defineRoute({
      method: 'get', path: base, response: InventoryReview, tag: 'digitization', access: STAFF, params: IdParams,
      summary: 'Bản duyệt mục lục: từng ô (chữ, trang, vị trí, độ tin cậy), cột tìm thấy, lỗi đọc, dòng đã xem',
      handler: ({ scope, params }) => r.get(scope, params.id),
    }),
    defineRoute({
      method: 'patch', path: base, response: InventoryReview, tag: 'digitization', access: STAFF, params: IdParams, body: EditBody,
      summary: 'Sửa ô và đánh dấu dòng đã xem trong bản duyệt mục lục (tất cả hoặc không gì cả)',
      handler: ({ scope, params, body }) => r.edit(scope, params.id, body),
    }),
    defineRoute({
      method: 'post', path: `${base}/import`, response: InventoryReviewImport, tag: 'digitization', access: STAFF, params: IdParams, body: ImportBody,
      summary: 'Nhập các dòng đã duyệt làm hồ sơ của phông chứa hồ sơ mục lục (kiểm tra như tải tệp mục lục; preview: chỉ kiểm tra)',
      handler: ({ scope, actor, params, body }) => r.import(scope, actor, params.id, body),
    }),
  ];
}
