import { describe, expect, it } from 'vitest';
import { SYSTEM, type Actor } from '../../../server/core/actor.js';
import { scopeOf } from '../../../server/core/scope.js';
import { visibleSql } from '../../../server/access/visibility.js';

const researcher: Actor = { id: 5, username: 'r', displayName: 'R', role: 'researcher', agencyId: null };
const agency: Actor = { id: 6, username: 'a', displayName: 'A', role: 'agency', agencyId: 42 };

describe('visibility scope', () => {
  it('when the service itself looks (a job), then nothing is filtered and no parameter is added', () => {
    const params: unknown[] = [1];
    expect(visibleSql(scopeOf(SYSTEM, '2026-01-01'), params, 'f', 'd')).toBe('TRUE');
    expect(params).toEqual([1]);
  });

  it("when a researcher looks, then secrecy lapses by the scope's year and grants are live on the scope's day", () => {
    const params: unknown[] = [];
    const sql = visibleSql(scopeOf(researcher, '2026-03-04'), params, 'f', null);
    expect(params).toEqual([2026, 5, '2026-03-04']);
    expect(sql).toContain('access_grants');
  });

  it('when an agency account looks, then restricted files of its own agency pass', () => {
    const params: unknown[] = [];
    const sql = visibleSql(scopeOf(agency, '2026-03-04'), params, 'f', 'd');
    expect(params).toEqual([2026, 42]);
    expect(sql).toContain('f.agency_id = $2');
  });
});
