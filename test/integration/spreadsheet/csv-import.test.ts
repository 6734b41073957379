import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { inventoryRows, REQUIRED_FIELDS, STANDARD_HEADERS, type InventoryRow } from '../../support/inventory-factory.js';
import { countRows, newHandover, seedWorld, type World } from '../handover/fixture.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

type Style = { delimiter: ',' | ';' | '\t'; quote: 'needed' | 'all'; bom: boolean; eol: '\r\n' | '\n' };

/** A CSV as office software writes it: Excel quotes only what needs it, LibreOffice can quote every text cell. */
function csv(headers: string[], rows: (string | number | null)[][], s: Style): Buffer {
  const field = (v: string | number | null) => {
    const text = v === null ? '' : String(v);
    const needs = text.includes(s.delimiter) || /["\r\n]/.test(text);
    return s.quote === 'all' && typeof v === 'string' ? `"${text.replace(/"/g, '""')}"` : needs ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [headers, ...rows].map((r) => r.map(field).join(s.delimiter));
  return Buffer.from((s.bom ? '\uFEFF' : '') + lines.join(s.eol) + s.eol, 'utf8');
}

const inventoryCsv = (rows: InventoryRow[], s: Style) =>
  csv(REQUIRED_FIELDS.map((f) => STANDARD_HEADERS[f]), rows.map((r) => REQUIRED_FIELDS.map((f) => (r[f] ?? null) as string | number | null)), s);

async function storedRows(handoverId: number) {
  return t.db.query<{ title: string; notes: string | null; startDate: string; endDate: string }>(
    `SELECT title, notes, start_date::text AS "startDate", end_date::text AS "endDate" FROM record_files WHERE handover_id = $1 ORDER BY row_no`,
    [handoverId],
  );
}

const NOTE = 'Bản chính; có dấu đỏ';

describe('CSV inventories as office software writes them', () => {
  const styles: [string, Style][] = [
    ['Excel with `,` (quoted where needed, BOM, CRLF)', { delimiter: ',', quote: 'needed', bom: true, eol: '\r\n' }],
    ['Excel in the Vietnamese locale with `;`', { delimiter: ';', quote: 'needed', bom: true, eol: '\r\n' }],
    ['LibreOffice with `,` (unquoted, no BOM, LF)', { delimiter: ',', quote: 'needed', bom: false, eol: '\n' }],
    ['LibreOffice with every text cell quoted and `;`', { delimiter: ';', quote: 'all', bom: false, eol: '\n' }],
    ['TAB-separated', { delimiter: '\t', quote: 'needed', bom: true, eol: '\r\n' }],
  ];
  for (const [name, style] of styles) {
    it(`when the file is ${name}, then every note, title and dd/mm/yyyy date is stored exactly`, async () => {
      const h = await newHandover(w);
      const rows = inventoryRows(30);
      rows[0].notes = NOTE;
      rows[1].notes = 'Có 2 bản, 1 bản sao';
      rows[2].title = 'Tập văn bản về "Dự án A"; kèm bản đồ';
      rows[3].notes = 'Dòng 1\nDòng 2';
      rows[4].title = style.delimiter === '\t' ? 'Báo cáo, tờ trình; phụ lục' : 'Báo cáo\tphụ lục';
      const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', { name: 'muc-luc.csv', data: inventoryCsv(rows, style) });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.imported).toBe(30);
      const stored = await storedRows(h.id);
      expect(stored.map((s) => s.notes)).toEqual(rows.map((x) => x.notes));
      expect(stored.map((s) => s.title)).toEqual(rows.map((x) => x.title));
      expect(stored[0]).toMatchObject({ startDate: '2005-01-01', endDate: '2005-02-01' });
    });
  }

  it('when a row has more or fewer fields than the header, then 422 names that row and nothing is stored', async () => {
    const h = await newHandover(w);
    const style: Style = { delimiter: ',', quote: 'needed', bom: false, eol: '\n' };
    const good = inventoryCsv(inventoryRows(3), style).toString('utf8').split('\n');
    good[2] = good[2].replace('Vĩnh viễn', 'Vĩnh viễn,thừa');
    good[3] = good[3].split(',').slice(0, 8).join(',');
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', { name: 'lech.csv', data: Buffer.from(good.join('\n')) });
    expect(r.status).toBe(422);
    const rows = r.body.error.details.problems.filter((p: { column: string | null }) => p.column === null).map((p: { row: number }) => p.row);
    expect(rows).toEqual([3, 4]);
    expect(await countRows(t, h.id)).toBe(0);
  });

  it('when the CSV is not UTF-8 (Windows-1258), then 400 says which encoding to save with', async () => {
    const h = await newHandover(w);
    const data = Buffer.concat([Buffer.from('Số TT,Tiêu đề hồ sơ\n1,', 'utf8'), Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0xd2, 0x69, 0x0a])]);
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', { name: 'cp1258.csv', data });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'SPREADSHEET_UNREADABLE', message: expect.stringContaining('UTF-8') });
  });
});

describe('the row limit on a large CSV', () => {
  const tmpDir = () => path.join(t.config.DATA_DIR, 'tmp');
  const tempFilesLeft = async () => {
    for (let i = 0; i < 20; i++) {
      const left = fs.existsSync(tmpDir()) ? fs.readdirSync(tmpDir()) : [];
      if (left.length === 0) return left;
      await new Promise((r) => setTimeout(r, 100));
    }
    return fs.readdirSync(tmpDir());
  };

  it('when 25,000 rows reach each import, then each answers 413 TOO_MANY_ROWS and leaves no temp file', { timeout: 120_000 }, async () => {
    const n = 25_000;
    const style: Style = { delimiter: ',', quote: 'needed', bom: true, eol: '\r\n' };
    const agencies = csv(['Mã cơ quan', 'Tên cơ quan', 'Cấp'], Array.from({ length: n }, (_, i) => [`CQ-${i}`, `Cơ quan số ${i}`, 'tỉnh']), style);
    const inventory = inventoryCsv(inventoryRows(n, { filesPerBox: 1000 }), style);
    const backlog = csv(['Mã cơ quan', 'Khối tài liệu', 'Số mét đo được'], Array.from({ length: n }, (_, i) => [w.agencyCode, `Khối ${i}`, 1]), style);
    const h = await newHandover(w);
    const agency = await t.as('agency', { agencyId: w.agencyId });
    const cases: [string, typeof w.staff, Buffer][] = [
      ['/api/agencies/import', await t.as('admin'), agencies],
      [`/api/handovers/${h.id}/inventory`, w.staff, inventory],
      [`/api/agencies/${w.agencyId}/files/import`, agency, inventory],
      ['/api/scheduling/backlog/import', w.staff, backlog],
    ];
    // No stopwatch: the old reader never answered, so a regression fails on the test's time limit, while a slow,
    // loaded machine still passes.
    for (const [url, client, data] of cases) {
      const r = await client.upload(url, 'file', { name: 'lon.csv', data });
      expect(r.status, url).toBe(413);
      expect(r.body.error.code).toBe('TOO_MANY_ROWS');
      expect(await tempFilesLeft(), url).toEqual([]);
    }
  });
});
