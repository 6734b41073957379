import type { Queryable } from '../db/db.js';
import { personOf, type Acting } from '../core/actor.js';

export interface EventInput {
  entityType: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  data?: unknown;
  /** Backdated events are for imports of history (demo data); normal changes take now(). */
  at?: Date;
}

/** Appends one event; call it inside the transaction that makes the change. */
export async function recordEvent(db: Queryable, acting: Acting, e: EventInput): Promise<void> {
  const actor = personOf(acting);
  await db.query(
    `INSERT INTO events (at, actor_id, actor_name, entity_type, entity_id, action, before, after, data)
     VALUES (COALESCE($1::timestamptz, now()), $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.at ? e.at.toISOString() : null,
      actor?.id ?? null,
      actor ? actor.displayName : 'hệ thống',
      e.entityType,
      String(e.entityId),
      e.action,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.data === undefined ? null : JSON.stringify(e.data),
    ],
  );
}

export interface EventRow {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  data: unknown;
}

export interface EventFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorId?: number;
  /** Part of the person's name as recorded with the event, any case. */
  actor?: string;
  /** Instants: from inclusive, until exclusive (the route turns Vietnam days into them). */
  since?: Date;
  until?: Date;
  limit: number;
  beforeId?: number;
}

/** LIKE treats % and _ as wildcards: what a person types is matched as letters. */
const likeText = (s: string) => '%' + s.replace(/[\\%_]/g, (c) => '\\' + c) + '%';

export async function listEvents(db: Queryable, f: EventFilter): Promise<EventRow[]> {
  return db.query<EventRow>(
    `SELECT id::int AS id, at, actor_id AS "actorId", actor_name AS "actorName", entity_type AS "entityType",
            entity_id AS "entityId", action, before, after, data
       FROM events
      WHERE ($1::text IS NULL OR entity_type = $1)
        AND ($2::text IS NULL OR entity_id = $2)
        AND ($3::text IS NULL OR action = $3)
        AND ($4::bigint IS NULL OR id < $4)
        AND ($6::int IS NULL OR actor_id = $6)
        AND ($7::text IS NULL OR actor_name ILIKE $7)
        AND ($8::timestamptz IS NULL OR at >= $8)
        AND ($9::timestamptz IS NULL OR at < $9)
      ORDER BY id DESC
      LIMIT $5`,
    [
      f.entityType ?? null, f.entityId ?? null, f.action ?? null, f.beforeId ?? null, f.limit,
      f.actorId ?? null, f.actor ? likeText(f.actor) : null, f.since?.toISOString() ?? null, f.until?.toISOString() ?? null,
    ],
  );
}

export interface EventKind {
  entityType: string;
  action: string;
  count: number;
}

/** Which kinds of change the log holds, for the filter lists. */
export async function listEventKinds(db: Queryable): Promise<EventKind[]> {
  return db.query<EventKind>(
    `SELECT entity_type AS "entityType", action, count(*)::int AS count FROM events GROUP BY entity_type, action ORDER BY entity_type, action`,
  );
}
