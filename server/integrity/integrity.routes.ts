import { z } from 'zod';
import { BodyId } from '../core/schemas.js';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { fixityReport } from './fixity.js';
import { JobStarted, FixityReport, JobCounts } from '../contract/system.js';

const FixityBody = z.object({
  masterIds: z.array(BodyId).min(1).max(10_000).optional(),
});
const OrphansBody = z.object({
  /** Objects younger than this are left alone (uploads in flight). 0 is for an idle system only. */
  graceSeconds: z.number().int().min(0).max(30 * 24 * 3600).optional(),
});

export function integrityRoutes(deps: Deps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/api/integrity/fixity', response: JobStarted, tag: 'integrity', access: STAFF, body: FixityBody, status: 202,
      summary: 'Kiểm tra toàn vẹn (băm lại SHA-256) bản gốc: tất cả hoặc các bản gốc chỉ định; chạy nền',
      handler: async ({ body }) => ({ jobId: await deps.jobs.send('integrity.fixity', body) }),
    }),
    defineRoute({
      method: 'get', path: '/api/integrity/fixity', response: FixityReport, tag: 'integrity', access: STAFF,
      summary: 'Tổng hợp kiểm tra toàn vẹn: số bản gốc theo trạng thái và danh sách bản gốc hỏng/mất',
      handler: () => fixityReport(deps),
    }),
    defineRoute({
      method: 'post', path: '/api/integrity/orphans', response: JobStarted, tag: 'integrity', access: ['admin'], body: OrphansBody, status: 202,
      summary: 'Dọn đối tượng mồ côi (không có bản ghi tham chiếu) cũ hơn thời gian chờ; chạy nền',
      handler: async ({ body }) => ({ jobId: await deps.jobs.send('integrity.orphans', body) }),
    }),
    defineRoute({
      method: 'post', path: '/api/integrity/reenqueue', response: JobStarted, tag: 'integrity', access: STAFF, status: 202,
      summary: 'Xếp lại tác vụ tạo ảnh phái sinh/OCR cho các trang bị sót; chạy nền',
      handler: async () => ({ jobId: await deps.jobs.send('integrity.reenqueue', {}) }),
    }),
    defineRoute({
      method: 'get', path: '/api/jobs', response: JobCounts, tag: 'integrity', access: STAFF,
      summary: 'Số tác vụ nền theo loại: đang chờ, đang chạy, thất bại',
      handler: async () => {
        const counts = await Promise.all(deps.jobs.names().map(async (name) => ({ name, ...(await deps.jobs.counts(name)) })));
        return { items: counts };
      },
    }),
  ];
}
