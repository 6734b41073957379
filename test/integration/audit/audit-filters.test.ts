import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // Three changes by two people on both sides of midnight in Vietnam (UTC+7): 30/11/2020 23:30 and 01/12/2020 00:30 local time.
  const insert = (at: string, actorName: string, entityType: string, action: string) =>
    t.db.query(`INSERT INTO events (at, actor_id, actor_name, entity_type, entity_id, action) VALUES ($1, NULL, $2, $3, '1', $4)`, [at, actorName, entityType, action]);
  await insert('2020-11-30T16:30:00Z', 'Nguyễn Thị Lan', 'agency', 'agency.updated');
  await insert('2020-11-30T17:30:00Z', 'Nguyễn Thị Lan', 'fonds', 'fonds.updated');
  await insert('2020-12-01T03:00:00Z', 'Trần Văn Minh', 'agency', 'agency.created');
});
afterAll(() => t?.close());

const actions = (body: { action: string }[]) => body.map((e) => e.action);

describe('audit log filters', () => {
  it('when staff filter by who, what and which Vietnam days, then only the matching events come back', async () => {
    const staff = await t.as('archivist');
    const who = await staff.get('/api/events?' + new URLSearchParams({ actor: 'thị lan' }));
    expect(who.status).toBe(200);
    expect(actions(who.body)).toEqual(['fonds.updated', 'agency.updated']);
    expect(actions((await staff.get('/api/events?' + new URLSearchParams({ entityType: 'agency', actor: 'Lan' }))).body)).toEqual(['agency.updated']);
    // 01/12/2020 in Vietnam starts at 30/11 17:00 UTC.
    expect(actions((await staff.get('/api/events?' + new URLSearchParams({ from: '2020-12-01', to: '2020-12-01' }))).body)).toEqual(['agency.created', 'fonds.updated']);
    expect(actions((await staff.get('/api/events?' + new URLSearchParams({ to: '2020-11-30' }))).body)).toEqual(['agency.updated']);
    // Wildcards typed by the user are letters, not patterns.
    expect((await staff.get('/api/events?' + new URLSearchParams({ actor: '%' }))).body).toEqual([]);
  });

  it('when the day range is reversed, then 400 in Vietnamese', async () => {
    const r = await (await t.as('archivist')).get('/api/events?' + new URLSearchParams({ from: '2026-12-02', to: '2026-12-01' }));
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/[^\x00-\x7f]/);
  });

  it('when staff ask which kinds of change exist, then each entity type and action is listed with its count', async () => {
    const r = await (await t.as('archivist')).get('/api/events/kinds');
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual(expect.arrayContaining([
      { entityType: 'agency', action: 'agency.updated', count: 1 },
      { entityType: 'fonds', action: 'fonds.updated', count: 1 },
    ]));
  });
});
