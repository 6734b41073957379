import { z } from 'zod';
import { Id, isoDate, text } from '../core/schemas.js';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { ERRORS } from '../core/errors.js';
import { addDays, isValidIsoDate } from '../core/time/index.js';
import { defineRoute } from '../http/route.js';
import { listEventKinds, listEvents } from './audit.repository.js';
import { AuditEventKinds, AuditEventList } from '../contract/system.js';

const Day = isoDate.refine(isValidIsoDate, 'Ngày không tồn tại');

const EventsQuery = z.strictObject({
  entityType: text(50).optional(),
  entityId: text(50).optional(),
  action: text(100).optional(),
  /** Who: the account, or part of the name recorded with the event. */
  actorId: Id.optional(),
  actor: text(100).optional(),
  /** When: Vietnam calendar days, both included. */
  from: Day.optional(),
  to: Day.optional(),
  beforeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Midnight at the start of a Vietnam day (UTC+7, no daylight saving). */
const vnMidnight = (day: string) => new Date(`${day}T00:00:00+07:00`);

export function auditRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get', path: '/api/events', response: AuditEventList, tag: 'audit', access: STAFF, query: EventsQuery,
      summary: 'Nhật ký thay đổi (chỉ thêm, không sửa): ai, khi nào, trước/sau; lọc theo người, thao tác, ngày',
      handler: ({ query }) => {
        const { from, to, actor, ...rest } = query;
        if (from && to && from > to) throw ERRORS.dayRangeReversed();
        return listEvents(deps.db, {
          ...rest,
          actor: actor || undefined,
          since: from ? vnMidnight(from) : undefined,
          until: to ? vnMidnight(addDays(to, 1)) : undefined,
        });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/events/kinds', response: AuditEventKinds, tag: 'audit', access: STAFF,
      summary: 'Các loại thay đổi có trong nhật ký (đối tượng, thao tác, số lần), cho bộ lọc',
      handler: async () => ({ items: await listEventKinds(deps.db) }),
    }),
  ];
}
