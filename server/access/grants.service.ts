/**
 * Access grants: after a request slip for a restricted file is approved, staff grant that researcher the file
 * (optionally until a day). visibleSql reads access_grants, so a grant opens every channel at once and a revocation
 * closes them all. Secret files are not grantable: only staff see them until declassified.
 */
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import { ERRORS } from '../core/errors.js';
import { vnToday, yearOf } from '../core/time/index.js';
import { recordEvent } from '../audit/audit.repository.js';
import { deleteGrant, getGrant, insertGrant, listGrants, type GrantRow } from './grants.repository.js';
import type { CreateGrantBody, GrantListQuery } from './grants.schemas.js';

export function createGrantsService(deps: Deps) {
  const { db } = deps;
  const today = () => vnToday(deps.clock);

  return {
    list: (q: GrantListQuery) => listGrants(db, today(), q),
    mine: (actor: Actor) => listGrants(db, today(), { userId: actor.id }),

    async create(actor: Actor, body: CreateGrantBody): Promise<GrantRow> {
      return db.transaction(async (tx) => {
        const [user] = await tx.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [body.userId]);
        if (!user) throw ERRORS.notFound('người dùng');
        if (user.role !== 'researcher') {
          throw ERRORS.grantNotResearcher();
        }
        const [file] = await tx.query<{ secret: boolean }>(
          `SELECT (secrecy IS NOT NULL AND (declassified_year IS NULL OR declassified_year > $2)) AS secret FROM record_files WHERE id = $1`,
          [body.recordFileId, yearOf(today())],
        );
        if (!file) throw ERRORS.notFound('hồ sơ');
        if (file.secret) {
          throw ERRORS.grantSecretFile();
        }
        if (body.expiresOn && body.expiresOn < today()) {
          throw ERRORS.grantExpired();
        }
        const [dup] = await tx.query<{ id: number }>('SELECT id FROM access_grants WHERE user_id = $1 AND record_file_id = $2', [body.userId, body.recordFileId]);
        if (dup) throw ERRORS.grantExists(dup.id);
        const id = await insertGrant(tx, { ...body, grantedBy: actor.id, expiresOn: body.expiresOn ?? null, note: body.note ?? null });
        const row = (await getGrant(tx, today(), id))!;
        await recordEvent(tx, actor, { entityType: 'access_grant', entityId: id, action: 'access_grant.created', after: row });
        return row;
      });
    },

    async revoke(actor: Actor, id: number): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await getGrant(tx, today(), id);
        if (!row) throw ERRORS.notFound('quyền khai thác');
        await deleteGrant(tx, id);
        await recordEvent(tx, actor, { entityType: 'access_grant', entityId: id, action: 'access_grant.revoked', before: row });
      });
    },
  };
}

export type GrantsService = ReturnType<typeof createGrantsService>;
