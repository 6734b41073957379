import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { insertRecordFile } from '../deadlines/record-file.factory.js';

let t: TestApp;
let admin: HttpClient;
const ids: Record<string, number> = {};
const count = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reminders`))[0].n;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  for (const [code, name] of [['STC', 'Sở Tài chính'], ['SXD', 'Sở Xây dựng'], ['SYT', 'Sở Y tế'], ['SCT', 'Sở Công Thương']]) {
    const r = await admin.post('/api/agencies', { code, name, level: 'province' });
    expect(r.status).toBe(201);
    ids[code] = r.body.id;
  }
  // Sở Tài chính: 3 overdue files, one of them registered twice (owed once); one due this year; one deposited.
  await insertRecordFile(t.db, { agencyId: ids.STC, endDate: '2005-12-31', fileNotation: '01/TC-2005', title: 'Hồ sơ quyết toán ngân sách năm 2005' });
  await insertRecordFile(t.db, { agencyId: ids.STC, endDate: '2005-12-31', fileNotation: '01/tc-2005', title: 'Hồ sơ quyết toán ngân sách năm 2005' });
  await insertRecordFile(t.db, { agencyId: ids.STC, endDate: '2009-06-30', fileNotation: '07/TC-2009', title: 'Hồ sơ kiểm toán năm 2009' });
  await insertRecordFile(t.db, { agencyId: ids.STC, endDate: '2010-03-01', fileNotation: '12/TC-2010', title: 'Hồ sơ tài sản công năm 2010' });
  await insertRecordFile(t.db, { agencyId: ids.STC, endDate: '2016-05-01', fileNotation: '03/TC-2016' });
  await insertRecordFile(t.db, { agencyId: ids.STC, endDate: '2004-01-01', fileNotation: '09/TC-2004', receivedAt: '2020-01-01T00:00:00Z' });
  await insertRecordFile(t.db, { agencyId: ids.SXD, endDate: '2008-01-01', fileNotation: 'XD-01' });
  await insertRecordFile(t.db, { agencyId: ids.SYT, endDate: '2007-01-01', fileNotation: 'YT-01' });
  await insertRecordFile(t.db, { agencyId: ids.SCT, endDate: '2018-01-01', fileNotation: 'CT-2018' }); // due 2028: nothing overdue
  // Sở Tài chính was planned to deposit in May 2026 and has not.
  const [plan] = await t.db.query<{ id: number }>(
    `INSERT INTO collection_plans (year, decision_no, decision_date, records_to_year) VALUES (2026, '667/QĐ-UBND', '2026-03-03', 2015) RETURNING id`,
  );
  await t.db.query(`INSERT INTO collection_plan_agencies (plan_id, agency_id, scheduled_month, status) VALUES ($1, $2, 5, 'planned'), ($1, $3, 12, 'planned')`, [plan.id, ids.STC, ids.SXD]);
});
afterAll(() => t?.close());

describe('creating reminders', () => {
  let first: number;

  it('when staff send one agency a reminder, then it records the Vietnam day, the reply-by date, who sent it and what was overdue, counted once', async () => {
    const r = await admin.post('/api/reminders', { agencyIds: [ids.STC] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.items).toHaveLength(1);
    const rem = r.body.items[0];
    first = rem.id;
    expect(rem).toMatchObject({
      agency: { id: ids.STC, code: 'STC', name: 'Sở Tài chính' }, number: null, notation: 'TTLT-NV', reference: '……/TTLT-NV',
      issuedOn: '2026-11-22', replyBy: '2026-12-22', overdueFiles: 3, earliestDueYear: 2015, currentYear: 2026, dispatchedOn: null, dispatchChannel: null,
    });
    expect(rem.createdByName).toMatch(/^Người dùng admin/);
    const detail = (await admin.get(`/api/reminders/${first}`)).body;
    expect(detail.files.map((f: { fileNotation: string; dueYear: number }) => [f.fileNotation, f.dueYear])).toEqual([
      ['01/TC-2005', 2015], ['07/TC-2009', 2019], ['12/TC-2010', 2020],
    ]);
    expect(detail.latePlans).toEqual([{ planYear: 2026, decisionNo: '667/QĐ-UBND', scheduledMonth: 5, status: 'planned' }]);
    const events = await t.db.query<{ action: string; actor_name: string }>(`SELECT action, actor_name FROM events WHERE entity_type = 'reminder' AND entity_id = $1`, [String(first)]);
    expect(events.map((e) => e.action)).toEqual(['reminder.created']);
  });

  it('when a listed file is deposited afterwards, then the reminder still says what was overdue on its day', async () => {
    await t.db.query(`UPDATE record_files SET received_at = now() WHERE agency_id = $1 AND file_notation = '07/TC-2009'`, [ids.STC]);
    expect((await admin.get(`/api/agencies/${ids.STC}/deadlines`)).body.summary.overdue.files).toBe(2);
    const detail = (await admin.get(`/api/reminders/${first}`)).body;
    expect(detail.overdueFiles).toBe(3);
    expect(detail.files.map((f: { fileNotation: string }) => f.fileNotation)).toContain('07/TC-2009');
  });

  it('when staff send several with a first number, then each agency gets its own letter, numbered on in code order, in one batch', async () => {
    const r = await admin.post('/api/reminders', { agencyIds: [ids.SYT, ids.SXD], firstNumber: 15, replyBy: '2027-01-15' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.items.map((x: { agency: { code: string }; reference: string }) => [x.agency.code, x.reference])).toEqual([
      ['SXD', '15/TTLT-NV'], ['SYT', '16/TTLT-NV'],
    ]);
    expect(new Set(r.body.items.map((x: { batchId: number }) => x.batchId))).toEqual(new Set([r.body.batchId]));
    expect(r.body.items[0].replyBy).toBe('2027-01-15');
  });

  it('when a number of the batch is already used this year, then nothing is created and the number is named', async () => {
    const before = await count();
    const r = await admin.post('/api/reminders', { agencyIds: [ids.STC, ids.SXD], firstNumber: 14 });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'REMINDER_NUMBER_TAKEN' });
    expect(r.body.error.message).toContain('15/TTLT-NV');
    expect(await count()).toBe(before);
  });

  it('when sent to all overdue agencies, then exactly those with overdue files get one (not an agency with nothing overdue)', async () => {
    const r = await admin.post('/api/reminders', { allOverdue: true });
    expect(r.status).toBe(201);
    expect(r.body.items.map((x: { agency: { code: string } }) => x.agency.code)).toEqual(['STC', 'SXD', 'SYT']);
  });
});

describe('bad input changes nothing', () => {
  const refused = async (body: unknown, status: number, code: string) => {
    const before = await count();
    const r = await admin.post('/api/reminders', body);
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
    expect(await count()).toBe(before);
    return r.body.error;
  };

  it('when an agency id is unknown, then 400 naming it', async () => {
    const e = await refused({ agencyIds: [ids.STC, 999999] }, 400, 'AGENCY_NOT_FOUND');
    expect(e.message).toContain('999999');
  });

  it('when an agency has nothing overdue, then 409 naming it, for the whole batch', async () => {
    const e = await refused({ agencyIds: [ids.STC, ids.SCT] }, 409, 'REMINDER_NOTHING_OVERDUE');
    expect(e.message).toContain('Sở Công Thương');
  });

  it('when the list is empty or missing, both a list and "all" are given, or the reply-by date is not after today, then 400', async () => {
    await refused({ agencyIds: [] }, 400, 'REMINDER_NO_AGENCY');
    await refused({}, 400, 'REMINDER_NO_AGENCY');
    await refused({ agencyIds: [ids.STC], allOverdue: true }, 400, 'VALIDATION_FAILED');
    await refused({ agencyIds: [ids.STC], replyBy: '2026-11-22' }, 400, 'REMINDER_REPLY_BY_INVALID');
    await refused({ agencyIds: [ids.STC], replyBy: '2026-02-30' }, 400, 'VALIDATION_FAILED');
    await refused({ agencyIds: ['1'] }, 400, 'VALIDATION_FAILED');
  });
});

describe('who sees which reminder', () => {
  it('when agency A signs in, then it sees its own notices and letters; agency B gets 404 for A\'s letter and 403 for A\'s list', async () => {
    const a = await t.as('agency', { agencyId: ids.STC });
    const b = await t.as('agency', { agencyId: ids.SXD });
    const mine = (await a.get('/api/reminders/mine')).body.items;
    expect(mine.length).toBe(2);
    expect(mine.every((x: { agency: { id: number } }) => x.agency.id === ids.STC)).toBe(true);
    const id = mine[0].id;
    expect((await a.get(`/api/reminders/${id}`)).status).toBe(200);
    expect((await a.get(`/api/reminders/${id}/letter.docx`)).status).toBe(200);
    for (const path of [`/api/reminders/${id}`, `/api/reminders/${id}/letter.docx`, `/api/reminders/${id}/files.xlsx`]) {
      const r = await b.get(path);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
    }
    expect((await b.get(`/api/agencies/${ids.STC}/reminders`)).status).toBe(403);
    expect((await b.get('/api/reminders/mine')).body.items.every((x: { agency: { id: number } }) => x.agency.id === ids.SXD)).toBe(true);
    expect((await a.post('/api/reminders', { agencyIds: [ids.STC] })).status).toBe(403);
    expect((await a.get(`/api/reminders/batches/${mine[0].batchId}/letters.docx`)).status).toBe(403);
    expect((await admin.get('/api/reminders/mine')).status).toBe(403);
    expect((await admin.get('/api/reminders/999999')).status).toBe(404);
  });

  it('when staff open an agency, then its history lists every reminder sent, newest first', async () => {
    const r = await admin.get(`/api/agencies/${ids.STC}/reminders`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((x: { id: number }) => x.id)).toEqual([...r.body.items.map((x: { id: number }) => x.id)].sort((p, q) => q - p));
    expect((await admin.get('/api/agencies/999999/reminders')).status).toBe(404);
  });
});

describe('recording the dispatch of the signed letter', () => {
  it('when staff record it sent by post with the number the clerk gave, then it is kept and audited; a second number or a wrong date is refused', async () => {
    const id = (await admin.get(`/api/agencies/${ids.STC}/reminders`)).body.items.at(-1).id;
    const r = await admin.post(`/api/reminders/${id}/dispatch`, { dispatchedOn: '2026-11-22', channel: 'post', number: 40 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ dispatchedOn: '2026-11-22', dispatchChannel: 'post', number: 40, reference: '40/TTLT-NV' });
    const again = await admin.post(`/api/reminders/${id}/dispatch`, { dispatchedOn: '2026-11-22', channel: 'e_office', number: 41 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REMINDER_NUMBER_SET');
    const early = await admin.post(`/api/reminders/${id}/dispatch`, { dispatchedOn: '2026-11-21', channel: 'post' });
    expect(early.body.error.code).toBe('REMINDER_DISPATCH_DATE_INVALID');
    const late = await admin.post(`/api/reminders/${id}/dispatch`, { dispatchedOn: '2026-11-23', channel: 'post' });
    expect(late.body.error.code).toBe('REMINDER_DISPATCH_DATE_INVALID');
    expect((await admin.post(`/api/reminders/${id}/dispatch`, { dispatchedOn: '2026-11-22', channel: 'pigeon' })).status).toBe(400);
    expect((await admin.get(`/api/reminders/${id}`)).body).toMatchObject({ number: 40, dispatchChannel: 'post' });
    const newest = (await admin.get(`/api/agencies/${ids.STC}/reminders`)).body.items[0].id;
    const taken = await admin.post(`/api/reminders/${newest}/dispatch`, { dispatchedOn: '2026-11-22', channel: 'e_office', number: 15 });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('REMINDER_NUMBER_TAKEN');
    expect((await admin.get(`/api/reminders/${newest}`)).body).toMatchObject({ number: null, dispatchedOn: null });
    const events = await t.db.query<{ action: string }>(`SELECT action FROM events WHERE entity_type = 'reminder' AND entity_id = $1 ORDER BY id`, [String(id)]);
    expect(events.map((e) => e.action)).toEqual(['reminder.created', 'reminder.dispatched']);
  });
});

describe('two requests racing for one register number', () => {
  // Needs a second session holding an open transaction, which only a PostgreSQL server has (PGlite is one connection).
  it.runIf(!!process.env.DATABASE_URL)('when another transaction takes the number between the check and the insert, then the request gets REMINDER_NUMBER_TAKEN, not a generic duplicate', async () => {
    const before = await count();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const insertedOnce = new Promise<void>((r) => (inserted = r));
    const holder = t.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO reminders (batch_id, agency_id, number, notation, issued_on, reply_by, created_at, created_by_name, overdue_files, earliest_due_year, current_year, files)
         VALUES (0, $1, 77, 'TTLT-NV', '2026-11-22', '2026-12-22', now(), 'phiên khác', 1, 2017, 2026, '[]')`,
        [ids.SYT],
      );
      inserted();
      await held;
    });
    await insertedOnce;
    // The request's check cannot see the uncommitted row; its insert then waits on the unique index.
    const request = admin.post('/api/reminders', { agencyIds: [ids.SYT], firstNumber: 77 });
    for (let i = 0; i < 200; i++) {
      const [w] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (w.n > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    release();
    await holder;
    const r = await request;
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.error.code).toBe('REMINDER_NUMBER_TAKEN');
    expect(r.body.error.message).toContain('77/TTLT-NV');
    expect(await count()).toBe(before + 1);
  });
});
