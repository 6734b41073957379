import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/core/errors.js';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { agency, handover, layout, place } from './stacks-fixtures.js';

let t: TestApp;
let staff: HttpClient;
beforeEach(async () => {
  t = await startTestApp();
  staff = await t.as('archivist');
});
afterEach(() => t?.close());

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('placing a handover’s boxes on receipt', () => {
  it('when staff choose two shelves, then the boxes fill the first to capacity, then the next, in box order', async () => {
    const { units } = await layout(staff, { repo: 'A', room: '101', units: [{ code: '01', shelves: 2, capacityM: 0.3 }] });
    const [s1, s2] = units[0].shelves;
    const a = await agency(t, 'SOYTE');
    const h = await handover(t, a);

    // Chosen in reverse order on purpose: the staff's order wins over the shelf numbering.
    const r = await place(t, { handoverId: h, agencyId: a, boxes: 5, shelfIds: [s2, s1] });
    expect(r.estimatedMetres).toBe(0.5);
    expect(r.boxes.map((b) => [b.code, b.shelfId])).toEqual([[`H-${h}-1`, s2], [`H-${h}-2`, s2], [`H-${h}-3`, s2], [`H-${h}-4`, s1], [`H-${h}-5`, s1]]);

    const onS2 = await staff.get(`/api/stacks/shelves/${s2}/boxes`);
    expect(onS2.body.items.map((b: { boxNo: string }) => b.boxNo)).toEqual(['1', '2', '3']);
    expect(onS2.body.items[0]).toMatchObject({ code: `H-${h}-1`, agencyName: 'Cơ quan SOYTE', handoverId: h, widthCm: 10 });
    const tree = await staff.get('/api/stacks');
    const shelves = tree.body.repositories[0].rooms[0].units[0].shelves;
    expect(shelves.map((s: { usedM: number; freeM: number; boxes: number }) => [s.usedM, s.freeM, s.boxes])).toEqual([[0.2, 0.1, 2], [0.3, 0, 3]]);

    const [ev] = await t.db.query<{ data: { boxes: unknown[] } }>(`SELECT data FROM events WHERE action = 'stacks.boxes_placed' AND entity_id = $1`, [String(h)]);
    expect(ev.data.boxes).toHaveLength(5);
  });

  it('when the chosen shelves cannot hold every box, then 409 STACKS_FULL and no box is created', async () => {
    const { units } = await layout(staff, { repo: 'A', room: '101', units: [{ code: '01', shelves: 2, capacityM: 0.2 }] });
    const a = await agency(t, 'SOTC');
    const h = await handover(t, a);
    const err = await rejection(place(t, { handoverId: h, agencyId: a, boxes: 5, shelfIds: units[0].shelves }));
    expect([err.status, err.code]).toEqual([409, 'STACKS_FULL']);
    expect(err.message).toMatch(/Không đủ chỗ/);
    expect((await t.db.query(`SELECT id FROM boxes`)).length).toBe(0);
  });

  it('when a chosen shelf does not exist, then 400 SHELF_NOT_FOUND naming it', async () => {
    const { units } = await layout(staff, { repo: 'A', room: '101', units: [{ code: '01', shelves: 1, capacityM: 1 }] });
    const a = await agency(t, 'SOXD');
    const err = await rejection(place(t, { handoverId: await handover(t, a), agencyId: a, boxes: 2, shelfIds: [units[0].shelves[0], 999999] }));
    expect([err.status, err.code, err.details]).toEqual([400, 'SHELF_NOT_FOUND', { shelfIds: [999999] }]);
  });

  it('when the only space left after a partly used shelf is too small, then the suggestion skips that gap for a contiguous run', async () => {
    const { units } = await layout(staff, {
      repo: 'A', room: '101',
      units: [{ code: '01', shelves: 2, capacityM: 0.5 }, { code: '02', shelves: 2, capacityM: 0.5 }],
    });
    const [s1, s2] = units[0].shelves;
    const [s3] = units[1].shelves;
    const a = await agency(t, 'SONV');
    await place(t, { handoverId: await handover(t, a), agencyId: a, boxes: 7, shelfIds: [s1, s2] }); // leaves 0.3 m on s2

    const hint = await staff.get('/api/stacks/suggest?boxes=4');
    expect(hint.status).toBe(200);
    expect(hint.body).toEqual({ fits: true, shelves: [{ shelfId: s3, label: 'Kho A / Phòng 101 / Giá 02 / Tầng 1', boxes: 4 }] });
    const r = await place(t, { handoverId: await handover(t, a), agencyId: a, boxes: 4 });
    expect(r.boxes.every((b) => b.shelfId === s3)).toBe(true);

    // Three boxes do fit in the gap: the first fitting run is taken.
    expect((await staff.get('/api/stacks/suggest?boxes=3')).body.shelves).toEqual([{ shelfId: s2, label: 'Kho A / Phòng 101 / Giá 01 / Tầng 2', boxes: 3 }]);
  });

  it('when no unit suffices alone, then the suggestion continues into the next unit of the same room, never into another room', async () => {
    const one = await layout(staff, { repo: 'A', room: '101', units: [{ code: '01', shelves: 1, capacityM: 0.3 }, { code: '02', shelves: 1, capacityM: 0.3 }] });
    await layout(staff, { repositoryId: one.repositoryId, repo: 'A', room: '102', units: [{ code: '01', shelves: 1, capacityM: 0.5 }] });
    const a = await agency(t, 'SOCT');

    expect((await staff.get('/api/stacks/suggest?boxes=6')).body.shelves.map((s: { boxes: number }) => s.boxes)).toEqual([3, 3]);
    const tooMany = await staff.get('/api/stacks/suggest?boxes=7');
    expect(tooMany.body).toEqual({ fits: false, shelves: [] });
    const err = await rejection(place(t, { handoverId: await handover(t, a), agencyId: a, boxes: 7 }));
    expect(err.code).toBe('STACKS_FULL');

    const r = await place(t, { handoverId: await handover(t, a), agencyId: a, boxes: 6 });
    expect(r.boxes.map((b) => b.shelfId)).toEqual([...Array(3).fill(one.units[0].shelves[0]), ...Array(3).fill(one.units[1].shelves[0])]);
  });

  it('when boxes of a thicker type are placed, then used metres follow the type width', async () => {
    const admin = await t.as('admin');
    const types = await staff.get('/api/box-types');
    expect(types.body.items).toEqual([{ id: expect.any(Number), code: 'STD', name: 'Hộp tiêu chuẩn 10 cm', widthCm: 10 }]);
    const thick = await admin.post('/api/box-types', { code: 'DAY15', name: 'Hộp dày 15 cm', widthCm: 15 });
    expect(thick.status).toBe(201);
    expect((await staff.post('/api/box-types', { code: 'X', name: 'X', widthCm: 5 })).status).toBe(403);

    const { units } = await layout(staff, { repo: 'A', room: '101', units: [{ code: '01', shelves: 1, capacityM: 1 }] });
    const a = await agency(t, 'SOGD');
    await place(t, { handoverId: await handover(t, a), agencyId: a, boxes: 2 });
    const r = await place(t, { handoverId: await handover(t, a), agencyId: a, boxes: 2, boxTypeId: thick.body.id });
    expect(r.estimatedMetres).toBe(0.3);
    const shelf = (await staff.get('/api/stacks')).body.repositories[0].rooms[0].units[0].shelves[0];
    expect([shelf.usedM, shelf.freeM, shelf.boxes]).toEqual([0.5, 0.5, 4]);
    expect((await staff.get(`/api/stacks/shelves/${units[0].shelves[0]}/boxes`)).body.items.map((b: { widthCm: number }) => b.widthCm)).toEqual([10, 10, 15, 15]);

    // Four 15 cm boxes need 0.6 m; only 0.5 m is left.
    expect((await staff.get(`/api/stacks/suggest?boxes=4&boxTypeId=${thick.body.id}`)).body.fits).toBe(false);
    expect((await staff.get('/api/stacks/suggest?boxes=5')).body.fits).toBe(true);
  });

  it('when a handover’s boxes are already on the shelves, then placing them again is refused with 409', async () => {
    await layout(staff, { repo: 'A', room: '101', units: [{ code: '01', shelves: 1, capacityM: 1 }] });
    const a = await agency(t, 'SOTP');
    const h = await handover(t, a);
    await place(t, { handoverId: h, agencyId: a, boxes: 2 });
    const err = await rejection(place(t, { handoverId: h, agencyId: a, boxes: 2 }));
    expect([err.status, err.code]).toEqual([409, 'BOXES_ALREADY_PLACED']);
  });
});

describe('default box width from configuration', () => {
  it('when BOX_WIDTH_CM is 8, then the default type is seeded at 8 cm and a 0.4 m shelf takes five boxes', async () => {
    const t8 = await startTestApp({ BOX_WIDTH_CM: '8' });
    try {
      const c = await t8.as('archivist');
      expect((await c.get('/api/box-types')).body.items).toEqual([{ id: expect.any(Number), code: 'STD', name: 'Hộp tiêu chuẩn 8 cm', widthCm: 8 }]);
      await layout(c, { repo: 'A', room: '101', units: [{ code: '01', shelves: 1, capacityM: 0.4 }] });
      expect((await c.get('/api/stacks/suggest?boxes=5')).body.fits).toBe(true);
      expect((await c.get('/api/stacks/suggest?boxes=6')).body.fits).toBe(false);
    } finally {
      await t8.close();
    }
  });
});
