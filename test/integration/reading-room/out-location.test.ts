/**
 * "đang phục vụ độc giả" wherever staff see a place: the shelf's box list names the files of a box that are out, and
 * staff search hits carry the file's shelf (or that it is out); researchers' hits carry no place at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { approvedRequest, reader, shelvedFiles } from './circulation-fixtures.js';

let t: TestApp;
let staff: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('archivist');
}, 60_000);
afterAll(async () => t?.close());

interface BoxItem { id: number; outFiles: { fileId: number; fileNotation: string; title: string }[] }
interface Hit { fileId: number; kind: string; location?: string | null }

describe('files out to the reading room', () => {
  it('when a file is checked out, then its box on the shelf lists it as out, and staff search shows "đang phục vụ độc giả" until check-in', async () => {
    const s = await shelvedFiles(t, 2);
    // A word no other fixture uses, so the search finds exactly these two files by title.
    await t.db.query(`UPDATE record_files SET title = title || ' Vạn Xuân Hưng' WHERE id = ANY($1::int[])`, [s.fileIds]);
    const [{ shelfId }] = (await t.db.query<{ shelfId: number }>('SELECT shelf_id AS "shelfId" FROM boxes WHERE id = $1', [s.boxId])) as [{ shelfId: number }];
    const boxes = async () => (await staff.get(`/api/stacks/shelves/${shelfId}/boxes`)).body.items as BoxItem[];
    const hits = async (c: HttpClient) => {
      const r = await c.get('/api/search?q=' + encodeURIComponent('Vạn Xuân Hưng'));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return (r.body.hits as Hit[]).filter((h) => h.kind === 'file');
    };

    expect((await boxes()).find((b) => b.id === s.boxId)!.outFiles).toEqual([]);
    const before = await hits(staff);
    expect(before.map((h) => h.fileId).sort()).toEqual([...s.fileIds].sort());
    for (const h of before) expect(h.location).toBe(s.shelfLabel);

    const rd = await reader(t, 'Tạ Thị Mượn');
    const req = await approvedRequest(t, rd, [s.fileIds[0]!]);
    const loan = await staff.post('/api/reading-room/loans', { lineId: req.lineIds[0], receivedByName: 'Lê Văn Phòng Đọc' });
    expect(loan.status, JSON.stringify(loan.body)).toBe(201);

    const box = (await boxes()).find((b) => b.id === s.boxId)!;
    expect(box.outFiles).toEqual([{ fileId: s.fileIds[0], fileNotation: expect.any(String), title: expect.stringContaining('Vạn Xuân Hưng') }]);
    const during = await hits(staff);
    expect(during.find((h) => h.fileId === s.fileIds[0])!.location).toBe(`đang phục vụ độc giả (hộp ở: ${s.shelfLabel})`);
    expect(during.find((h) => h.fileId === s.fileIds[1])!.location).toBe(s.shelfLabel);

    // Researchers (and agencies) never see shelf places, in or out.
    const researcher = await t.as('researcher');
    const theirs = await hits(researcher);
    expect(theirs.length).toBe(2);
    for (const h of theirs) expect(h).not.toHaveProperty('location');
    const agency = await t.as('agency', { agencyId: s.agencyId });
    for (const h of await hits(agency)) expect(h).not.toHaveProperty('location');

    expect((await staff.post(`/api/reading-room/loans/${loan.body.id}/check-in`, { conditionCode: '01' })).status).toBe(200);
    expect((await boxes()).find((b) => b.id === s.boxId)!.outFiles).toEqual([]);
    for (const h of await hits(staff)) expect(h.location).toBe(s.shelfLabel);
  });

  it('when a file has no box, then staff see its place as null, not a made-up shelf', async () => {
    const s = await shelvedFiles(t, 1);
    await t.db.query(`UPDATE record_files SET title = 'Hồ sơ Lạc Long Quân', box_id = NULL, box_no = NULL WHERE id = $1`, [s.fileIds[0]]);
    const r = await staff.get('/api/search?q=' + encodeURIComponent('Lạc Long Quân'));
    const h = (r.body.hits as Hit[]).find((x) => x.fileId === s.fileIds[0])!;
    expect(h.location).toBeNull();
  });
});
