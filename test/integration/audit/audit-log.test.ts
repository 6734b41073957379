import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { migrate } from '../../../server/db/migrate.js';

let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t?.close());

describe('audit log', () => {
  it('when an admin creates a user, then an event records who, when and the after-state', async () => {
    const admin = await t.as('admin', { username: 'quantri' });
    await admin.post('/api/users', { username: 'moi', displayName: 'Người mới', password: 'mat-khau-dai-du', role: 'researcher' });
    const r = await admin.get('/api/events?action=user.created&limit=5');
    const e = r.body.find((x: any) => x.after?.username === 'moi');
    expect(e).toMatchObject({ actorName: 'Người dùng quantri', entityType: 'user', action: 'user.created' });
    expect(new Date(e.at).getTime()).toBeGreaterThan(0);
  });

  it('when anyone tries to update or delete an event, then the database refuses', async () => {
    await expect(t.db.query(`UPDATE events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM events`)).rejects.toThrow(/append-only/);
  });

  it('when a researcher asks for the log, then 403', async () => {
    const r = await (await t.as('researcher')).get('/api/events');
    expect(r.status).toBe(403);
  });

  it('when migrations run again on a migrated database, then nothing is applied twice', async () => {
    expect(await migrate(t.db)).toEqual([]);
  });
});
