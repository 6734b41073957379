import { z } from 'zod';
import { Id, text } from '../core/schemas.js';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { defineRoute } from '../http/route.js';
import { listEvents } from './audit.repository.js';
import { AuditEventList } from '../contract/system.js';

const EventsQuery = z.strictObject({
  entityType: text(50).optional(),
  entityId: text(50).optional(),
  action: text(100).optional(),
  beforeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function auditRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get', path: '/api/events', response: AuditEventList, tag: 'audit', access: STAFF, query: EventsQuery,
      summary: 'Nhật ký thay đổi (chỉ thêm, không sửa): ai, khi nào, trước/sau',
      handler: ({ query }) => listEvents(deps.db, query),
    }),
  ];
}
