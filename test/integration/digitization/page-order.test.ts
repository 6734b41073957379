/**
 * Page numbers follow the user's selection, never which upload finishes first: the browser sends one file per request,
 * two at a time, so a later-chosen small file often lands before an earlier big one. Requests here are sent in the
 * order that used to break it (the second-chosen file first) and interleaved across two selections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, pagePng } from './digitization-fixtures.js';

let t: TestApp;
let staff: HttpClient;
let files: number[];

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('archivist');
  ({ fileIds: files } = await archive(t, [{ notation: 'TT-1' }, { notation: 'TT-2' }, { notation: 'TT-3' }, { notation: 'TT-4' }, { notation: 'TT-5' }]));
});
afterAll(() => t?.close());

/** One file per request, as the browser sends it, with the selection fields before the file part. */
async function send(batchId: number, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('files', new Blob([new Uint8Array(await pagePng([name.toUpperCase()]))]), name);
  const r = await staff.request('POST', `/api/digitization/batches/${batchId}/scans`, undefined, { raw: form });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r;
}

/** The file's pages as the API lists them: original names in page order, and the page numbers. */
async function pageOrder(fileId: number) {
  const r = await staff.get(`/api/digitization/files/${fileId}/pages`);
  expect(r.status).toBe(200);
  const names = await t.db.query<{ id: number; name: string }>(
    `SELECT p.id, m.original_name AS name FROM pages p JOIN masters m ON m.id = p.master_id WHERE p.record_file_id = $1`,
    [fileId],
  );
  const byId = new Map(names.map((n) => [n.id, n.name]));
  const items = r.body.items as { id: number; seq: number }[];
  return { names: items.map((p) => byId.get(p.id)), seqs: items.map((p) => p.seq) };
}

describe('page order of uploaded scans', () => {
  it('when the second-selected file is stored before the first, then the first-selected file is still page 1', async () => {
    const b = await batch(staff, files[0]);
    await send(b, 'trang-02.png', { group: 'chon-1', position: '1' });
    await send(b, 'trang-01.png', { group: 'chon-1', position: '0' });
    expect(await pageOrder(files[0])).toEqual({ names: ['trang-01.png', 'trang-02.png'], seqs: [1, 2] });
    const [ev] = await t.db.query<{ data: { firstSeq: number; uploadPosition: number } }>(
      `SELECT data FROM events WHERE action = 'master.stored' AND data->>'name' = 'trang-01.png' AND data->>'recordFileId' = $1`, [String(files[0])],
    );
    expect(ev!.data).toMatchObject({ firstSeq: 1, uploadPosition: 0 });
  });

  it('when a selection sends no positions, then its pages follow natural file-name order (trang-2 before trang-10)', async () => {
    const b = await batch(staff, files[1]);
    for (const name of ['trang-10.png', 'trang-2.png', 'trang-1.png', 'trang-9.png']) await send(b, name, { group: 'chon-2' });
    expect(await pageOrder(files[1])).toEqual({ names: ['trang-1.png', 'trang-2.png', 'trang-9.png', 'trang-10.png'], seqs: [1, 2, 3, 4] });
  });

  it('when two selections interleave, then each keeps its own order and the first selection stays first', async () => {
    const b = await batch(staff, files[2]);
    await send(b, 'a-2.png', { group: 'chon-a', position: '1' });
    await send(b, 'b-2.png', { group: 'chon-b', position: '1' });
    await send(b, 'b-1.png', { group: 'chon-b', position: '0' });
    await send(b, 'a-1.png', { group: 'chon-a', position: '0' });
    await send(b, 'b-3.png', { group: 'chon-b', position: '2' });
    expect(await pageOrder(files[2])).toEqual({ names: ['a-1.png', 'a-2.png', 'b-1.png', 'b-2.png', 'b-3.png'], seqs: [1, 2, 3, 4, 5] });
  });

  it('when a later selection is uploaded into a file with pages, then its pages come after the existing ones', async () => {
    const b = await batch(staff, files[3]);
    await send(b, 'trang-5.png', { group: 'dot-1', position: '0' });
    await send(b, 'trang-3.png', { group: 'dot-2', position: '1' });
    await send(b, 'trang-1.png', { group: 'dot-2', position: '0' });
    expect((await pageOrder(files[3])).names).toEqual(['trang-5.png', 'trang-1.png', 'trang-3.png']);
  });

  it('when the selection fields are malformed, then 400 VALIDATION_FAILED and nothing is stored', async () => {
    const b = await batch(staff, files[4]);
    for (const fields of [{ position: 'đầu' }, { position: '-1' }, { group: 'có dấu cách' }]) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('files', new Blob([new Uint8Array(await pagePng(['SAI']))]), 'sai.png');
      const r = await staff.request('POST', `/api/digitization/batches/${b}/scans`, undefined, { raw: form });
      expect([r.status, r.body.error?.code], JSON.stringify(fields)).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await t.db.query(`SELECT id FROM pages WHERE record_file_id = $1`, [files[4]])).toHaveLength(0);
  });
});
