import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineRoute, STAFF } from '../http/route.js';
import { listEvents } from './audit.repository.js';

const EventsQuery = z.strictObject({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  action: z.string().max(100).optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function auditRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get', path: '/api/events', tag: 'audit', access: STAFF, query: EventsQuery,
      summary: 'Nhật ký thay đổi (chỉ thêm, không sửa): ai, khi nào, trước/sau',
      handler: ({ query }) => listEvents(deps.db, query),
    }),
  ];
}
