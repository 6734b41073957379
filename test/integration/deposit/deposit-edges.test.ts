/**
 * Edges of the digital deposit around the paper workflow: an agency without a fonds is refused before anything is
 * stored, a deposited handover cannot go back to draft nor take a new inventory (its PDFs are bound to the rows), and
 * the handover's own record download is the Biên bản thu nộp, not the paper Biên bản giao nhận.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { seedWorld, uploadRows, type World } from '../handover/fixture.js';
import { inventoryRows } from '../../support/inventory-factory.js';
import { validSip } from '../../support/sip-factory.js';

let t: TestApp;
let w: World;

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

async function counts() {
  const out: Record<string, number> = {};
  for (const table of ['handovers', 'record_files', 'deposit_packages', 'deposit_files', 'premis_events']) {
    out[table] = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  }
  const objects: string[] = [];
  for await (const o of t.blobs.list('deposits/')) objects.push(o.key);
  return { ...out, objects: objects.length };
}

function docxText(body: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-edge-'));
  fs.writeFileSync(path.join(dir, 'bb.docx'), body);
  const xml = spawnSync('unzip', ['-p', path.join(dir, 'bb.docx'), 'word/document.xml'], { encoding: 'utf8' }).stdout;
  fs.rmSync(dir, { recursive: true, force: true });
  return xml.replace(/<[^>]+>/g, '');
}

beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (w?.dir) fs.rmSync(w.dir, { recursive: true, force: true });
});

describe('when the agency has no fonds and the deposit names none', () => {
  it('then it is refused up front with DEPOSIT_NO_FONDS and nothing is stored', async () => {
    const before = await counts();
    const r = await w.staff.upload('/api/deposits', 'file', { name: 'goi.zip', data: (await validSip(1, 'NOF')).zip }, { agencyId: String(w.otherAgencyId) });
    expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(422);
    expect(r.body.error.code).toBe('DEPOSIT_NO_FONDS');
    expect(r.body.error.message).toMatch(VIETNAMESE);
    expect(await counts()).toEqual(before);
    expect(fs.existsSync(path.join(t.config.DATA_DIR, 'tmp')) ? fs.readdirSync(path.join(t.config.DATA_DIR, 'tmp')) : []).toEqual([]);
  }, 60_000);
});

describe('when a package has been deposited (no fondsId: the agency has one)', () => {
  let deposit: any;

  beforeAll(async () => {
    const r = await w.staff.upload('/api/deposits', 'file', { name: 'goi-edge.zip', data: (await validSip(2, 'EDG')).zip }, { agencyId: String(w.agencyId) });
    expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(201);
    deposit = r.body;
  }, 120_000);

  it('then returning it to draft is refused with 409 DEPOSIT_HANDOVER_FIXED, its status unchanged', async () => {
    const r = await w.staff.post(`/api/handovers/${deposit.handoverId}/return`, { reason: 'Thiếu chữ ký số trên tệp 2' });
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.error.code).toBe('DEPOSIT_HANDOVER_FIXED');
    expect(r.body.error.message).toContain('nộp một gói mới');
    expect((await w.staff.get(`/api/handovers/${deposit.handoverId}`)).body.status).toBe('submitted');
    // Also once appraised.
    expect((await w.staff.post(`/api/handovers/${deposit.handoverId}/appraise`, { summary: 'Đủ hồ sơ.' })).status).toBe(200);
    const again = await w.staff.post(`/api/handovers/${deposit.handoverId}/return`, { reason: 'Sửa tiêu đề' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DEPOSIT_HANDOVER_FIXED');
  }, 60_000);

  it('then re-importing its inventory is refused with the same code, its rows unchanged', async () => {
    const r = await uploadRows(w, deposit.handoverId, inventoryRows(3));
    expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(409);
    expect(r.body.error.code).toBe('DEPOSIT_HANDOVER_FIXED');
    const inv = await w.staff.get(`/api/handovers/${deposit.handoverId}/inventory`);
    expect(inv.body.items.map((i: any) => i.fileNotation)).toEqual(['01-EDG', '02-EDG']);
  }, 60_000);

  it('then the handover record download is the Biên bản thu nộp with the package checksum', async () => {
    const r = await w.staff.get(`/api/handovers/${deposit.handoverId}/record.docx`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain('bien-ban-thu-nop');
    const text = docxText(r.buffer);
    expect(text).toContain('BIÊN BẢN THU NỘP TÀI LIỆU LƯU TRỮ SỐ');
    expect(text).toContain(deposit.sha256);
    expect(text).toContain('2 tệp PDF/A, 4 trang');
    expect(text).not.toContain('BIÊN BẢN GIAO NHẬN TÀI LIỆU');
    // The other agency still cannot read it.
    const other = await t.as('agency', { agencyId: w.otherAgencyId });
    expect((await other.get(`/api/handovers/${deposit.handoverId}/record.docx`)).status).toBe(404);
  }, 60_000);
});
