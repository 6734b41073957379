import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { insertRecordFile, insertRecordFiles } from './record-file.factory.js';

let t: TestApp;
let admin: HttpClient;
const ids: Record<string, number> = {};
const EVIL = '=HYPERLINK("http://tan-cong.example","Bấm vào đây")';

/** Sessions expire by the same clock, so moving it far means signing in again. */
async function at(iso: string) {
  t.now.value = new Date(iso);
  admin = await t.as('admin');
}

beforeAll(async () => {
  t = await startTestApp();
  await at('2026-11-22T09:00:00+07:00');
  const agencies: [string, string, string][] = [
    ['SNV', 'Sở Nội vụ', 'province'], ['PNV-VG', 'Phòng Nội vụ huyện Văn Giang', 'district'],
    ['STC', 'Sở Tài chính', 'province'], ['EVIL', EVIL, 'province'], ['SXD', 'Sở Xây dựng', 'province'],
  ];
  for (const [code, name, level] of agencies) {
    const r = await admin.post('/api/agencies', { code, name, level });
    expect(r.status).toBe(201);
    ids[code] = r.body.id;
  }
  const db = t.db;
  // Sở Nội vụ, under the default transition rule (law2011 for work ended before 2025-07-01).
  await insertRecordFiles(db, 2, { agencyId: ids.SNV, endDate: '2010-06-30' }); // due 2020
  await insertRecordFile(db, { agencyId: ids.SNV, endDate: '2016-12-31', fileNotation: 'SNV-2016' }); // due 2026
  await insertRecordFile(db, { agencyId: ids.SNV, endDate: '2017-03-01', fileNotation: 'SNV-2017' }); // due 2027
  await insertRecordFile(db, { agencyId: ids.SNV, endDate: '2025-09-30', currentArchiveDepositYear: 2026 }); // 2024 law: due 2031
  await insertRecordFile(db, { agencyId: ids.SNV, endDate: '2012-01-01', secrecy: 'mat' }); // until declassified
  await insertRecordFile(db, { agencyId: ids.SNV, endDate: '2005-01-01', receivedAt: '2021-10-01T00:00:00Z' });
  await insertRecordFile(db, { agencyId: ids.SNV, endDate: '2000-01-01', permanent: false }); // never deposited
  // Other agencies, for the overdue list.
  await insertRecordFiles(db, 5, { agencyId: ids['PNV-VG'], endDate: '2008-05-05' }); // due 2018
  await insertRecordFile(db, { agencyId: ids.STC, endDate: '2005-12-31' }); // due 2015
  await insertRecordFiles(db, 3, { agencyId: ids.EVIL, endDate: '2009-07-01' }); // due 2019
  // Sở Xây dựng's files were registered under the 'law2024' transition: deposit 2021 + 5 = 2026, not 2030.
  await insertRecordFile(db, { agencyId: ids.SXD, endDate: '2020-05-01', currentArchiveDepositYear: 2021, transition: 'law2024' });
  await insertRecordFile(db, { agencyId: ids.SXD, endDate: '2010-05-01', transition: 'law2024' }); // estimated: 2011 + 5 = 2016
});
afterAll(() => t?.close());

describe('deadlines of one agency', () => {
  it('when files ended 2010 (law 2011) and 2025-09 (law 2024), then in 2026 they are overdue and due in 2031, and each bucket is counted', async () => {
    const r = await admin.get(`/api/agencies/${ids.SNV}/deadlines`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ agency: { id: ids.SNV, code: 'SNV', name: 'Sở Nội vụ' }, currentYear: 2026, transitionRule: 'law2011' });
    expect(r.body.summary).toEqual({
      overdue: { files: 2, earliestDueYear: 2020 }, dueThisYear: { files: 1 }, dueNextYear: { files: 1 }, later: { files: 1 },
      pendingDeclassification: { files: 1 }, deposited: { files: 1 },
    });
    expect(r.body.byYear.map((y: { dueYear: number; files: number; rule: string }) => [y.dueYear, y.files, y.rule])).toEqual([
      [2020, 2, 'law2011_art21'], [2026, 1, 'law2011_art21'], [2027, 1, 'law2011_art21'], [2031, 1, 'law2024_art17'],
    ]);
    const upcoming = await admin.get(`/api/agencies/${ids.SNV}/deadlines/files?list=upcoming`);
    expect(upcoming.body.items.map((f: { fileNotation: string; status: string }) => [f.fileNotation, f.status])).toEqual([
      ['SNV-2016', 'due_this_year'], ['SNV-2017', 'due_next_year'],
    ]);
    const overdue = (await admin.get(`/api/agencies/${ids.SNV}/deadlines/files?list=overdue`)).body;
    expect(overdue.total).toBe(2);
    expect(overdue.items[0]).toMatchObject({ endYear: 2010, dueYear: 2020, dueRule: 'law2011_art21', status: 'overdue', handoverId: null });
    expect(overdue.items[0].dueRuleLabel).toContain('2011');
  });

  it('when the year turns (Vietnam time), then this year\'s files become overdue and next year\'s become due', async () => {
    await at('2026-12-31T17:30:00Z'); // already 1 January 2027 in Hưng Yên
    const r = await admin.get(`/api/agencies/${ids.SNV}/deadlines`);
    expect(r.body.currentYear).toBe(2027);
    expect(r.body.summary).toMatchObject({ overdue: { files: 3, earliestDueYear: 2020 }, dueThisYear: { files: 1 }, dueNextYear: { files: 0 }, later: { files: 1 } });
    await at('2026-11-22T09:00:00+07:00');
  });

  it('when files were registered under the 2024 rule, then their stored due year (deposit year + 5) decides', async () => {
    const r = await admin.get(`/api/agencies/${ids.SXD}/deadlines`);
    expect(r.body.summary).toMatchObject({ overdue: { files: 1, earliestDueYear: 2016 }, dueThisYear: { files: 1 } });
    const files = async (list: string) => (await admin.get(`/api/agencies/${ids.SXD}/deadlines/files?list=${list}`)).body.items;
    expect((await files('upcoming'))[0]).toMatchObject({ dueYear: 2026, dueRule: 'law2024_art17' });
    expect((await files('overdue'))[0]).toMatchObject({ dueYear: 2016, dueRule: 'law2024_art17_estimated' });
  });

  it('when an agency user asks, then it sees its own deadlines (also at /mine) and gets 403 for another agency', async () => {
    const agency = await t.as('agency', { agencyId: ids.SNV });
    const mine = await agency.get('/api/deadlines/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.agency.code).toBe('SNV');
    expect(mine.body.summary.overdue.files).toBe(2);
    expect((await agency.get(`/api/agencies/${ids.SNV}/deadlines`)).status).toBe(200);
    const other = await agency.get(`/api/agencies/${ids.STC}/deadlines`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    expect((await agency.get('/api/deadlines/overdue')).status).toBe(403);
    expect((await admin.get('/api/deadlines/mine')).status).toBe(403);
    expect((await (await t.as('researcher')).get(`/api/agencies/${ids.SNV}/deadlines`)).status).toBe(403);
  });
});

describe('overdue agencies', () => {
  const order = (r: { body: { items: { code: string }[] } }) => r.body.items.map((i) => i.code);

  it('when listed by default, then agencies with overdue files come most-behind first, with years overdue', async () => {
    const r = await admin.get('/api/deadlines/overdue');
    expect(r.body.currentYear).toBe(2026);
    // Ties (STC and SXD, one file each) fall back to the code.
    expect(order(r)).toEqual(['PNV-VG', 'EVIL', 'SNV', 'STC', 'SXD']);
    expect(r.body.items.find((i: { code: string }) => i.code === 'STC')).toMatchObject({ overdueFiles: 1, earliestDueYear: 2015, yearsOverdue: 11, dueThisYear: 0, level: 'province', status: 'active' });
    expect(r.body.items.find((i: { code: string }) => i.code === 'SNV')).toMatchObject({ overdueFiles: 2, dueThisYear: 1 });
  });

  it('when sorted by earliest due year or code, ascending or descending, then the order follows', async () => {
    expect(order(await admin.get('/api/deadlines/overdue?sort=earliestDueYear'))).toEqual(['STC', 'SXD', 'PNV-VG', 'EVIL', 'SNV']);
    expect(order(await admin.get('/api/deadlines/overdue?sort=earliestDueYear&order=desc'))).toEqual(['SNV', 'EVIL', 'PNV-VG', 'SXD', 'STC']);
    expect(order(await admin.get('/api/deadlines/overdue?sort=code&order=asc'))).toEqual(['EVIL', 'PNV-VG', 'SNV', 'STC', 'SXD']);
    expect(order(await admin.get('/api/deadlines/overdue?sort=overdueFiles&order=asc'))).toEqual(['STC', 'SXD', 'SNV', 'EVIL', 'PNV-VG']);
    expect(order(await admin.get('/api/deadlines/overdue?level=district'))).toEqual(['PNV-VG']);
    expect((await admin.get('/api/deadlines/overdue?sort=random')).status).toBe(400);
  });

  it('when exported to XLSX, then the file opens with Vietnamese headers, holds the rows, and a formula-like name stays text', async () => {
    const r = await admin.get('/api/deadlines/overdue.xlsx?sort=code');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(r.headers.get('content-disposition')).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(String(values(1)[0])).toContain('2026');
    expect(values(3)).toEqual(['STT', 'Mã cơ quan', 'Tên cơ quan', 'Cấp', 'Trạng thái', 'Số hồ sơ quá hạn', 'Năm đến hạn sớm nhất', 'Số năm quá hạn', 'Đến hạn trong năm']);
    expect(values(4)).toEqual([1, 'EVIL', `'${EVIL}`, 'Tỉnh', 'Đang hoạt động', 3, 2019, 7, 0]);
    expect(values(5)).toEqual([2, 'PNV-VG', 'Phòng Nội vụ huyện Văn Giang', 'Huyện', 'Đang hoạt động', 5, 2018, 8, 0]);
    expect(ws.getCell('C4').type).not.toBe(ExcelJS.ValueType.Formula);
    expect(ws.rowCount).toBe(8);
  });
});

describe('overdue files of one agency, page by page', () => {
  let big: number;
  const files = (q: string) => admin.get(`/api/agencies/${big}/deadlines/files?${q}`);

  beforeAll(async () => {
    big = (await admin.post('/api/agencies', { code: 'SYT', name: 'Sở Y tế', level: 'province' })).body.id;
    // 230 overdue (ended 2001–2010, due 2011–2020) and 3 due this year: more than the 200 the old list stopped at.
    await t.db.query(
      `INSERT INTO record_files (agency_id, file_notation, title, end_date, retention, permanent, due_year_2011, due_year, due_rule)
       SELECT $1, 'YT-' || lpad(g::text, 3, '0'), 'Hồ sơ y tế số ' || g, make_date(2000 + 1 + g % 10, 6, 30), 'Vĩnh viễn', true,
              2011 + g % 10, 2011 + g % 10, 'law2011_art21'
         FROM generate_series(1, 230) g`,
      [big],
    );
    for (let i = 1; i <= 3; i++) await insertRecordFile(t.db, { agencyId: big, endDate: '2016-05-01', fileNotation: `YT-NOW-${i}` });
  });

  it('when an agency owes 230 overdue files, then each page says the total and pages follow on without gaps or repeats', async () => {
    const first = await files('list=overdue&limit=100');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.total).toBe(230);
    expect(first.body.currentYear).toBe(2026);
    expect(first.body.items).toHaveLength(100);
    const last = await files('list=overdue&limit=100&offset=200');
    expect(last.body).toMatchObject({ total: 230 });
    expect(last.body.items).toHaveLength(30);
    const seen = new Set<number>();
    for (let offset = 0; offset < 230; offset += 100) for (const f of (await files(`list=overdue&limit=100&offset=${offset}`)).body.items) seen.add(f.id);
    expect(seen.size).toBe(230);
    expect((await files('list=overdue&limit=100&offset=400')).body).toMatchObject({ total: 230, items: [] });
    const summary = (await admin.get(`/api/agencies/${big}/deadlines`)).body.summary;
    expect(summary.overdue).toEqual({ files: 230, earliestDueYear: 2011 });
    const upcoming = await files('list=upcoming');
    expect(upcoming.body.total).toBe(3);
    expect(upcoming.body.items.every((f: { status: string }) => f.status === 'due_this_year')).toBe(true);
  });

  it('when sorted by due year descending or by file number, then the first page follows that order', async () => {
    const desc = (await files('list=overdue&sort=dueYear&order=desc&limit=5')).body.items;
    expect(desc.map((f: { dueYear: number }) => f.dueYear)).toEqual([2020, 2020, 2020, 2020, 2020]);
    const byNotation = (await files('list=overdue&sort=fileNotation&limit=3')).body.items;
    expect(byNotation.map((f: { fileNotation: string }) => f.fileNotation)).toEqual(['YT-001', 'YT-002', 'YT-003']);
    const back = (await files('list=overdue&sort=fileNotation&order=desc&limit=1')).body.items;
    expect(back[0].fileNotation).toBe('YT-230');
    expect((await files('list=overdue&sort=random')).status).toBe(400);
  });

  it('when exported, then the XLSX holds all 230 overdue files in the chosen order, and an agency gets only its own', async () => {
    const r = await admin.get(`/api/agencies/${big}/deadlines/files.xlsx?list=overdue&sort=fileNotation`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(String(values(1)[0])).toContain('Sở Y tế');
    expect(values(3).slice(0, 5)).toEqual(['STT', 'Số và ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Năm kết thúc', 'Năm đến hạn']);
    expect(values(4).slice(0, 5)).toEqual([1, 'YT-001', 'Hồ sơ y tế số 1', 2002, 2012]);
    expect(ws.rowCount).toBe(3 + 230);
    const agency = await t.as('agency', { agencyId: big });
    expect((await agency.get(`/api/agencies/${big}/deadlines/files?list=overdue`)).body.total).toBe(230);
    expect((await agency.get(`/api/agencies/${ids.SNV}/deadlines/files`)).status).toBe(403);
    expect((await agency.get(`/api/agencies/${ids.SNV}/deadlines/files.xlsx`)).status).toBe(403);
    expect((await admin.get('/api/agencies/999999/deadlines/files')).status).toBe(404);
  });
});
