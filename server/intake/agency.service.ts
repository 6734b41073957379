import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { recordEvent } from '../audit/audit.repository.js';
import { assertOwnAgency, scopedAgencyId, searchTokens } from './access-scope.js';
import { checkAgencyLinks, type RuleProblem } from './agency-rules.js';
import * as repo from './agency.repository.js';
import type { Agency, AgencyFields, AgencyLevel, AgencyStatus } from './agency.repository.js';
import { listAgencyFonds } from './fonds.repository.js';

export interface AgencyListQuery {
  q?: string;
  level?: AgencyLevel;
  status?: AgencyStatus;
  parentId?: number;
  sort: 'code' | 'name';
  limit: number;
  offset: number;
}

export type AgencyInput = Pick<AgencyFields, 'code' | 'name' | 'level'> & Partial<Omit<AgencyFields, 'code' | 'name' | 'level'>>;
export type AgencyPatch = Partial<AgencyFields>;

const invalid = (problems: RuleProblem[]) => ERRORS.agencyInvalid(problems);

function fieldsOf(a: Agency): AgencyFields {
  return {
    code: a.code, name: a.name, level: a.level, parentId: a.parentId, status: a.status, successorId: a.successorId,
    statusDate: a.statusDate, listingDecision: a.listingDecision, address: a.address, notes: a.notes,
  };
}

/** Links must point at existing agencies and never loop (A under B under A; A succeeded by B succeeded by A). */
async function checkLinks(db: Queryable, id: number | null, next: AgencyFields, prev: AgencyFields | null): Promise<void> {
  const problems = checkAgencyLinks({
    status: next.status, parentRef: next.parentId, successorRef: next.successorId, ownRef: id,
  });
  if (problems.length) throw invalid(problems);
  if (next.parentId !== null && next.parentId !== prev?.parentId) {
    if (!(await repo.agencyExists(db, next.parentId))) problems.push({ field: 'parentId', message: 'Không tìm thấy cơ quan cấp trên.' });
    else if (id !== null && (await repo.wouldCycle(db, 'parent_id', id, next.parentId)))
      problems.push({ field: 'parentId', message: 'Cơ quan cấp trên tạo thành vòng lặp (cơ quan này đang là cấp trên của nó).' });
  }
  if (next.successorId !== null && next.successorId !== prev?.successorId) {
    if (!(await repo.agencyExists(db, next.successorId))) problems.push({ field: 'successorId', message: 'Không tìm thấy cơ quan kế thừa.' });
    else if (id !== null && (await repo.wouldCycle(db, 'successor_id', id, next.successorId)))
      problems.push({ field: 'successorId', message: 'Cơ quan kế thừa tạo thành vòng lặp kế thừa.' });
  }
  if (problems.length) throw invalid(problems);
}

async function assertCodeFree(db: Queryable, code: string, exceptId: number | null) {
  const other = await repo.findAgencyIdByCode(db, code);
  if (other !== undefined && other !== exceptId)
    throw ERRORS.agencyCodeTaken(code);
}

export function createAgencyService(deps: Deps) {
  async function detail(db: Queryable, id: number) {
    const agency = await repo.getAgency(db, id);
    if (!agency) throw ERRORS.notFound('cơ quan');
    // Sequential on purpose: inside a transaction all queries share one connection.
    const fonds = await listAgencyFonds(db, id);
    const children = await repo.listChildren(db, id);
    const predecessors = await repo.listPredecessors(db, id);
    return { ...agency, fonds, children, predecessors };
  }

  return {
    async list(actor: Actor, q: AgencyListQuery) {
      return repo.listAgencies(deps.db, {
        patterns: searchTokens(q.q), level: q.level, status: q.status, parentId: q.parentId,
        onlyId: scopedAgencyId(actor), sort: q.sort, limit: q.limit, offset: q.offset,
      });
    },

    async get(actor: Actor, id: number) {
      // Existence first: an unknown id is 404 for everyone; a known one of another agency is 403.
      if (!(await repo.agencyExists(deps.db, id))) throw ERRORS.notFound('cơ quan');
      assertOwnAgency(actor, id);
      return detail(deps.db, id);
    },

    async create(actor: Actor, input: AgencyInput) {
      const fields: AgencyFields = {
        code: input.code, name: input.name, level: input.level, parentId: input.parentId ?? null,
        status: input.status ?? 'active', successorId: input.successorId ?? null, statusDate: input.statusDate ?? null,
        listingDecision: input.listingDecision ?? null, address: input.address ?? null, notes: input.notes ?? null,
      };
      return deps.db.transaction(async (tx) => {
        await assertCodeFree(tx, fields.code, null);
        await checkLinks(tx, null, fields, null);
        const id = await repo.insertAgency(tx, fields, deps.clock());
        const after = await detail(tx, id);
        await recordEvent(tx, actor, { entityType: 'agency', entityId: id, action: 'agency.created', after: fields, at: deps.clock() });
        return after;
      });
    },

    async update(actor: Actor, id: number, patch: AgencyPatch) {
      if (Object.keys(patch).length === 0) throw ERRORS.emptyPatch();
      return deps.db.transaction(async (tx) => {
        const current = await repo.getAgency(tx, id);
        if (!current) throw ERRORS.notFound('cơ quan');
        const before = fieldsOf(current);
        const after: AgencyFields = { ...before };
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) (after as unknown as Record<string, unknown>)[k] = v;
        const changed = (Object.keys(after) as (keyof AgencyFields)[]).filter((k) => after[k] !== before[k]);
        if (changed.length === 0) return detail(tx, id);
        if (after.code !== before.code) await assertCodeFree(tx, after.code, id);
        await checkLinks(tx, id, after, before);
        // Nothing is deleted when an agency is merged or dissolved: its fonds and files stay where they are.
        await repo.updateAgency(tx, id, after, deps.clock());
        await recordEvent(tx, actor, {
          entityType: 'agency', entityId: id, action: 'agency.updated',
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
          at: deps.clock(),
        });
        return detail(tx, id);
      });
    },
  };
}

export type AgencyService = ReturnType<typeof createAgencyService>;
