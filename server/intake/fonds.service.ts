import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { recordEvent } from '../audit/audit.repository.js';
import { assertOwnAgency, scopedAgencyId, searchTokens } from './access-scope.js';
import { agencyExists } from './agency.repository.js';
import * as repo from './fonds.repository.js';
import type { Fonds, FondsFields } from './fonds.repository.js';

export type FondsInput = Pick<FondsFields, 'code' | 'name'> & Partial<Omit<FondsFields, 'code' | 'name'>>;
export type FondsPatch = Partial<FondsFields>;

function fieldsOf(f: Fonds): FondsFields {
  const { id: _id, agencyName: _n, ...fields } = f;
  return fields;
}

async function validate(db: Queryable, next: FondsFields, prev: FondsFields | null, id: number | null) {
  if (next.code !== prev?.code) {
    const other = await repo.findFondsByCode(db, next.code);
    if (other && other.id !== id) throw ERRORS.fondsCodeTaken(next.code);
  }
  if (next.agencyId !== null && next.agencyId !== prev?.agencyId && !(await agencyExists(db, next.agencyId)))
    throw ERRORS.fondsInvalid('Không tìm thấy cơ quan hình thành phông.', [{ field: 'agencyId', message: 'Không tìm thấy cơ quan.' }]);
  if (next.startYear !== null && next.endYear !== null && next.startYear > next.endYear)
    throw ERRORS.fondsInvalid('Năm bắt đầu phải trước hoặc bằng năm kết thúc.', [{ field: 'endYear', message: 'Năm kết thúc trước năm bắt đầu.' }]);
}

export function createFondsService(deps: Deps) {
  return {
    async list(actor: Actor, q: { agencyId?: number; q?: string; status?: 'open' | 'closed'; limit: number; offset: number }) {
      const own = scopedAgencyId(actor);
      if (own !== null && q.agencyId !== undefined) assertOwnAgency(actor, q.agencyId);
      return repo.listFonds(deps.db, {
        agencyId: own ?? q.agencyId, patterns: searchTokens(q.q), status: q.status, limit: q.limit, offset: q.offset,
      });
    },

    async get(actor: Actor, id: number) {
      const f = await repo.getFonds(deps.db, id);
      if (!f) throw ERRORS.notFound('phông');
      assertOwnAgency(actor, f.agencyId);
      return f;
    },

    async create(actor: Actor, input: FondsInput) {
      const fields: FondsFields = {
        code: input.code, name: input.name, kind: input.kind ?? 'fonds', agencyId: input.agencyId ?? null,
        status: input.status ?? 'open', startYear: input.startYear ?? null, endYear: input.endYear ?? null,
        creatorHistory: input.creatorHistory ?? null, fondsHistory: input.fondsHistory ?? null, notes: input.notes ?? null,
      };
      return deps.db.transaction(async (tx) => {
        await validate(tx, fields, null, null);
        const id = await repo.insertFonds(tx, fields, deps.clock());
        await recordEvent(tx, actor, { entityType: 'fonds', entityId: id, action: 'fonds.created', after: fields, at: deps.clock() });
        return (await repo.getFonds(tx, id))!;
      });
    },

    async update(actor: Actor, id: number, patch: FondsPatch) {
      if (Object.keys(patch).length === 0) throw ERRORS.emptyPatch();
      return deps.db.transaction(async (tx) => {
        const current = await repo.getFonds(tx, id);
        if (!current) throw ERRORS.notFound('phông');
        const before = fieldsOf(current);
        const after: FondsFields = { ...before };
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) (after as unknown as Record<string, unknown>)[k] = v;
        const changed = (Object.keys(after) as (keyof FondsFields)[]).filter((k) => after[k] !== before[k]);
        if (changed.length === 0) return current;
        await validate(tx, after, before, id);
        await repo.updateFonds(tx, id, after, deps.clock());
        await recordEvent(tx, actor, {
          entityType: 'fonds', entityId: id, action: 'fonds.updated', at: deps.clock(),
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        });
        return (await repo.getFonds(tx, id))!;
      });
    },
  };
}

export type FondsService = ReturnType<typeof createFondsService>;
