/** Metadata proposals from first pages and the confirmed split of a file's pages into documents (staff only). */
import { STAFF } from '../core/actor.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import type { Proposals } from './proposals.service.js';
import { RequestProposalsBody, SplitBody } from './proposals.service.js';
import { FileProposals, ProposalsQueued, SplitResult } from '../contract/proposals.js';

export function proposalsRoutes(s: { proposals: Proposals }): AnyRoute[] {
  const p = s.proposals;
  return [
    defineRoute({
      method: 'post', path: '/api/digitization/files/:id/proposals', response: ProposalsQueued, tag: 'digitization', access: STAFF,
      params: IdParams, body: RequestProposalsBody, status: 202,
      summary: 'Đọc trang đầu văn bản bằng OCR để đề xuất siêu dữ liệu và ranh giới văn bản (chạy nền)',
      handler: ({ scope, params, body }) => p.request(scope, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/digitization/files/:id/proposals', response: FileProposals, tag: 'digitization', access: STAFF, params: IdParams,
      summary: 'Đề xuất siêu dữ liệu từng trang (trường, vị trí trên ảnh, độ tin cậy) và ranh giới văn bản đề xuất',
      handler: ({ scope, params }) => p.forFile(scope, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/digitization/files/:id/split', response: SplitResult, tag: 'digitization', access: STAFF,
      params: IdParams, body: SplitBody, status: 201,
      summary: 'Tạo văn bản từ ranh giới và siêu dữ liệu cán bộ đã xác nhận (tất cả hoặc không gì cả)',
      handler: ({ scope, params, body }) => p.split(scope, params.id, body),
    }),
  ];
}
