/** Finding aids for researchers (browse and search); the rules are in finding-aids.repository.ts. */
import type { Deps } from '../deps.js';
import type { Scope } from '../core/scope.js';
import { READING_ERRORS } from '../core/errors-reading.js';
import { parseQuery } from '../search/query-parser.js';
import * as repo from './finding-aids.repository.js';

export interface FindingQuery { q?: string; fondsId?: number; catalog?: string; boxId?: number; year?: number; digitised?: boolean; limit: number; offset: number }

export function createFindingAidsService(deps: Deps) {
  const { db } = deps;
  return {
    fonds: async (scope: Scope) => ({ items: await repo.listFonds(db, scope) }),

    async inventories(scope: Scope, fondsId: number) {
      const fonds = (await repo.listFonds(db, scope)).find((f) => f.id === fondsId);
      if (!fonds) throw READING_ERRORS.readingFondsNotFound();
      return { fonds, inventories: await repo.fondsInventories(db, scope, fondsId) };
    },

    async files(scope: Scope, q: FindingQuery) {
      const { q: text, ...rest } = q;
      const tsquery = text ? parseQuery(text).tsquery : '';
      // A query of only excluded or empty terms matches nothing rather than everything.
      if (text && !tsquery) return { items: [], total: 0 };
      return repo.findFiles(db, scope, { ...rest, tsquery: tsquery || undefined });
    },
  };
}

export type FindingAidsService = ReturnType<typeof createFindingAidsService>;
