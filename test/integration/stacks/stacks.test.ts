import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../../../server/audit/audit.repository.js';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { agency, handover, layout, place, recordFile } from './stacks-fixtures.js';
import { SYSTEM } from '../../../server/core/actor.js';

let t: TestApp;
let staff: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('archivist');
});
afterAll(() => t?.close());

describe('stacks layout and occupancy', () => {
  it('when boxes sit on shelves of two rooms and an empty repository exists, then each level of the tree sums its shelves', async () => {
    const a = await layout(staff, { repo: 'A', room: '101', units: [{ code: '01', shelves: 2, capacityM: 1 }, { code: '02', shelves: 3, capacityM: 0.5 }] });
    const a102 = await layout(staff, { repositoryId: a.repositoryId, repo: 'A', room: '102', units: [{ code: '01', shelves: 1, capacityM: 2 }] });
    await layout(staff, { repo: 'B', room: '201', units: [{ code: '01', shelves: 1, capacityM: 1.5 }] });
    const ag = await agency(t, 'TREE');
    await place(t, { handoverId: await handover(t, ag), agencyId: ag, boxes: 12, shelfIds: [a.units[0].shelves[0], a.units[1].shelves[2]] });
    await place(t, { handoverId: await handover(t, ag), agencyId: ag, boxes: 3, shelfIds: a102.units[0].shelves });

    const r = await staff.get('/api/stacks');
    expect(r.status).toBe(200);
    const [repoA, repoB] = r.body.repositories;
    expect([repoA.code, repoA.capacityM, repoA.usedM, repoA.freeM]).toEqual(['A', 5.5, 1.5, 4]);
    expect(repoA.rooms.map((x: any) => [x.code, x.capacityM, x.usedM, x.freeM])).toEqual([['101', 3.5, 1.2, 2.3], ['102', 2, 0.3, 1.7]]);
    const unit02 = repoA.rooms[0].units[1];
    expect(unit02.shelves.map((s: any) => [s.label, s.usedM, s.boxes])).toEqual([
      ['Kho A / Phòng 101 / Giá 02 / Tầng 1', 0, 0],
      ['Kho A / Phòng 101 / Giá 02 / Tầng 2', 0, 0],
      ['Kho A / Phòng 101 / Giá 02 / Tầng 3', 0.2, 2],
    ]);
    expect([repoB.capacityM, repoB.usedM, repoB.freeM]).toEqual([1.5, 0, 1.5]);
  });

  it('when a shelf’s capacity is lowered below the boxes on it, then 409; otherwise it changes and is logged', async () => {
    const { units } = await layout(staff, { repo: 'C', room: '301', units: [{ code: '01', shelves: 1, capacityM: 1 }] });
    const [s] = units[0].shelves;
    const ag = await agency(t, 'PATCH');
    await place(t, { handoverId: await handover(t, ag), agencyId: ag, boxes: 4, shelfIds: [s] });
    const low = await staff.patch(`/api/stacks/shelves/${s}`, { capacityM: 0.3 });
    expect([low.status, low.body.error.code]).toEqual([409, 'SHELF_CAPACITY_BELOW_USED']);
    const ok = await staff.patch(`/api/stacks/shelves/${s}`, { capacityM: 0.4 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: s, capacityM: 0.4, usedM: 0.4, freeM: 0, boxes: 4 });
    const [ev] = await t.db.query<{ before: unknown; after: unknown }>(`SELECT before, after FROM events WHERE action = 'shelf.updated' AND entity_id = $1`, [String(s)]);
    expect(ev).toEqual({ before: { capacityM: 1 }, after: { capacityM: 0.4 } });
  });

  it('when input is bad, then a 4xx with a Vietnamese message and nothing is created', async () => {
    const before = (await t.db.query(`SELECT id FROM repositories`)).length;
    const extra = await staff.post('/api/stacks/repositories', { code: 'Z', name: 'Kho Z', colour: 'đỏ' });
    expect([extra.status, extra.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const dup = await staff.post('/api/stacks/repositories', { code: 'a', name: 'Kho A lần hai' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'STACKS_CODE_TAKEN']);
    expect(dup.body.error.message).toMatch(/đã tồn tại/);
    const orphan = await staff.post('/api/stacks/rooms', { repositoryId: 999999, code: '1', name: 'P1' });
    expect(orphan.status).toBe(404);
    const noShelves = await staff.post('/api/stacks/shelf-units', { roomId: 1, code: '99', shelves: 0, capacityM: 1 });
    expect(noShelves.status).toBe(400);
    expect((await staff.get('/api/stacks/suggest?boxes=0')).status).toBe(400);
    expect((await staff.get('/api/stacks/shelves/999999/boxes')).status).toBe(404);
    expect((await t.db.query(`SELECT id FROM repositories`)).length).toBe(before);
  });

  it('when an agency or a researcher asks for the stacks, then 403', async () => {
    const ag = await agency(t, 'NOACCESS');
    expect((await (await t.as('agency', { agencyId: ag })).get('/api/stacks')).status).toBe(403);
    expect((await (await t.as('researcher')).get('/api/stacks/locate?code=x')).status).toBe(403);
  });
});

describe('robustness', () => {
  it('when every stacks and reports route is called by an admin with dummy ids and empty bodies, then it never answers 500', async () => {
    const admin = await t.as('admin');
    const mine = t.routes.filter((r) => /^\/api\/(stacks|reports|box-types)/.test(r.path));
    expect(mine.length).toBeGreaterThanOrEqual(17); // 13 JSON routes and 4 printable PDFs
    for (const r of mine) {
      const res = await admin.request(r.method.toUpperCase(), r.path.replace(/:[A-Za-z]+/g, '999999'), r.method === 'get' ? undefined : {});
      expect(res.status, `${r.method} ${r.path}`).toBeLessThan(500);
    }
  });
});

describe('locating a file', () => {
  it('when searched by file code or by Số và ký hiệu in another case and without accents, then the box and shelf path come back', async () => {
    const { units } = await layout(staff, { repo: 'D', room: '401', units: [{ code: '03', shelves: 2, capacityM: 0.1 }] });
    const ag = await agency(t, 'SOVH', 'Sở Văn hóa');
    const h = await handover(t, ag);
    await recordFile(t, { agencyId: ag, handoverId: h, rowNo: 1, notation: 'ĐT-05', code: 'HY.001.2010.01', boxNo: '1' });
    await recordFile(t, { agencyId: ag, handoverId: h, rowNo: 2, notation: 'ĐT-06', code: 'HY.001.2010.02', boxNo: '2' });
    await place(t, { handoverId: h, agencyId: ag, boxes: ['1', '2'], shelfIds: units[0].shelves });

    const byCode = await staff.get('/api/stacks/locate?code=hy.001.2010.02');
    expect(byCode.status).toBe(200);
    expect(byCode.body.items).toEqual([
      expect.objectContaining({
        fileCode: 'HY.001.2010.02', fileNotation: 'ĐT-06', title: 'Hồ sơ ĐT-06', agencyName: 'Sở Văn hóa', fondsCode: null,
        boxCode: `H-${h}-2`, boxNo: '2', shelfLabel: 'Kho D / Phòng 401 / Giá 03 / Tầng 2', path: 'Kho D / Phòng 401 / Giá 03 / Tầng 2',
      }),
    ]);
    const byNotation = await staff.get(`/api/stacks/locate?code=${encodeURIComponent('dt-05')}`);
    expect(byNotation.body.items.map((i: any) => [i.fileCode, i.path])).toEqual([['HY.001.2010.01', 'Kho D / Phòng 401 / Giá 03 / Tầng 1']]);
    expect((await staff.get('/api/stacks/locate?code=KHONG-CO')).body).toEqual({ box: null, items: [] });
  });

  it('when a box code is typed or scanned (any case), then the box comes back with its shelf and room, ready to open', async () => {
    const { roomId, units } = await layout(staff, { repo: 'E', room: '501', units: [{ code: '09', shelves: 2, capacityM: 0.1 }] });
    const ag = await agency(t, 'SOQH', 'Sở Quy hoạch');
    const h = await handover(t, ag);
    await recordFile(t, { agencyId: ag, handoverId: h, rowNo: 1, notation: 'QH-01', boxNo: '1' });
    await recordFile(t, { agencyId: ag, handoverId: h, rowNo: 2, notation: 'QH-02', boxNo: '2' });
    await place(t, { handoverId: h, agencyId: ag, boxes: ['1', '2'], shelfIds: units[0].shelves });

    const r = await staff.get(`/api/stacks/locate?code=h-${h}-2`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      box: {
        boxId: expect.any(Number), code: `H-${h}-2`, boxNo: '2', agencyName: 'Sở Quy hoạch', fondsCode: null, handoverId: h, files: 1,
        shelfId: units[0].shelves[1], roomId, shelfLabel: 'Kho E / Phòng 501 / Giá 09 / Tầng 2',
      },
      items: [],
    });
    const file = await staff.get('/api/stacks/locate?code=QH-01');
    expect(file.body.box).toBeNull();
    expect(file.body.items).toEqual([expect.objectContaining({ fileNotation: 'QH-01', boxCode: `H-${h}-1`, shelfId: units[0].shelves[0], roomId })]);
  });
});

describe('capacity and forecast', () => {
  it('when 6 m were received over the three full years before now, then 2 m a year fills the free space in 4.5 years', async () => {
    const c = await startTestApp();
    try {
      c.now.value = new Date('2026-03-01T09:00:00+07:00');
      const s = await c.as('archivist');
      const room101 = await layout(s, { repo: 'A', room: '101', units: [{ code: '01', shelves: 5, capacityM: 1 }] });
      await layout(s, { repositoryId: room101.repositoryId, repo: 'A', room: '102', units: [{ code: '01', shelves: 5, capacityM: 1 }] });
      const ag = await agency(c, 'CAP');
      await place(c, { handoverId: await handover(c, ag), agencyId: ag, boxes: 10 });

      const received = (id: number, at: string, data: Record<string, unknown>) =>
        recordEvent(c.db, SYSTEM, { entityType: 'handover', entityId: id, action: 'handover.received', at: new Date(at), data: { agencyId: ag, filesReceived: 10, ...data } });
      await received(1, '2022-06-01T10:00:00+07:00', { metresEstimated: 10, metresMeasured: null, handoverDate: '2022-06-01' }); // before the basis
      await received(2, '2023-05-10T10:00:00+07:00', { metresEstimated: 2, metresMeasured: 2.5, handoverDate: '2023-05-10' });
      await received(3, '2024-08-01T10:00:00+07:00', { metresEstimated: 1, metresMeasured: null }); // no date: the event's year
      await received(4, '2026-01-02T10:00:00+07:00', { metresEstimated: 2, metresMeasured: null, handoverDate: '2025-12-31' }); // logged late: 2025
      await received(5, '2022-12-31T18:30:00Z', { metresEstimated: 0.5, metresMeasured: null }); // 01:30 on 1 Jan 2023 in Hưng Yên
      await received(6, '2026-02-01T10:00:00+07:00', { metresEstimated: 5, metresMeasured: null, handoverDate: '2026-02-01' }); // this year: not a full year

      const r = await s.get('/api/stacks/capacity');
      expect(r.status).toBe(200);
      expect(r.body.totals).toEqual({ capacityM: 10, usedM: 1, freeM: 9 });
      expect(r.body.repositories).toEqual([
        {
          id: room101.repositoryId, code: 'A', name: 'Kho A', capacityM: 10, usedM: 1, freeM: 9,
          rooms: [
            { id: room101.roomId, code: '101', name: 'Phòng 101', capacityM: 5, usedM: 1, freeM: 4 },
            { id: expect.any(Number), code: '102', name: 'Phòng 102', capacityM: 5, usedM: 0, freeM: 5 },
          ],
        },
      ]);
      expect(r.body.intake).toEqual({ metresPerYear: 2, basisYears: [2023, 2024, 2025], measuredMetres: 2.5, estimatedMetres: 3.5 });
      expect(r.body.forecast).toEqual({ yearsUntilFull: 4.5, fullByYear: 2031 });

      // A year later the basis moves to 2024–2026: (1 + 2 + 5) / 3 m a year.
      c.now.value = new Date('2027-01-15T09:00:00+07:00');
      const later = await (await c.as('archivist')).get('/api/stacks/capacity'); // the old session has expired by then
      expect(later.body.intake).toEqual({ metresPerYear: 2.667, basisYears: [2024, 2025, 2026], measuredMetres: 0, estimatedMetres: 8 });
      expect(later.body.forecast).toEqual({ yearsUntilFull: 3.37, fullByYear: 2031 });
    } finally {
      await c.close();
    }
  });

  it('when nothing was received in the basis years, then the forecast is null', async () => {
    const r = await staff.get('/api/stacks/capacity');
    expect(r.body.intake.metresPerYear).toBe(0);
    expect(r.body.forecast).toEqual({ yearsUntilFull: null, fullByYear: null });
  });
});
