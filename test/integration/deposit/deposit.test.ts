/**
 * Digital deposit (SIP in) end to end with real components: packages built from real PDF/A-2b (the product's writer,
 * sharp page images, a text layer), a real XLSX inventory and the product's ZIP writer; checked with yauzl, the
 * import kernel, qpdf/pdffonts/pdftotext. A valid package goes through appraisal, approval and receipt, its pages are
 * made by the jobs and found by the search API; every kind of broken package is refused with its code and leaves
 * nothing behind (rows, objects, temp files).
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { seedWorld, type World } from '../handover/fixture.js';
import {
  makePdfa, makePlainPdf, manifestOf, packSip, patchZipFlags, sha256, sipEntries, sipMetsEntries, sipRows, validSip, type SipEntries,
} from '../../support/sip-factory.js';

let t: TestApp;
let w: World;
let agency: HttpClient;
let base: SipEntries;
let plainPdf: Buffer;

const TABLES = ['handovers', 'record_files', 'deposit_packages', 'deposit_files', 'premis_events', 'masters', 'pages', 'digitization_batches', 'events'];

async function snapshot() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const objects: string[] = [];
  for await (const o of t.blobs.list('')) objects.push(o.key);
  const tmp = path.join(t.config.DATA_DIR, 'tmp');
  return { counts, objects: objects.sort(), tmp: fs.existsSync(tmp) ? fs.readdirSync(tmp) : [] };
}

const upload = (client: HttpClient, data: Buffer, fields: Record<string, string> = {}, name = 'goi-nop-luu.zip') =>
  client.upload('/api/deposits', 'file', { name, data }, fields);

/** Deposits `data`, expects a refusal naming `code`, and checks that nothing at all was stored. */
async function refused(data: Buffer, code: string, opts: { status?: number; file?: string | null } = {}) {
  const before = await snapshot();
  const r = await upload(agency, data, { fondsId: String(w.fondsId) });
  expect(r.status, JSON.stringify(r.body).slice(0, 600)).toBe(opts.status ?? 422);
  const after = await snapshot();
  expect(after).toEqual(before);
  expect(after.tmp).toEqual([]);
  if ((opts.status ?? 422) === 422) {
    expect(r.body.error.code).toBe('DEPOSIT_REJECTED');
    const problems = r.body.error.details.problems as { file: string | null; field: string | null; code: string; message: string }[];
    expect(problems.map((p) => p.code), JSON.stringify(problems)).toContain(code);
    const p = problems.find((x) => x.code === code)!;
    expect(p.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    if (opts.file !== undefined) expect(p.file).toBe(opts.file);
    return problems;
  }
  expect(r.body.error.code).toBe(code);
  return [];
}

const withEntries = (change: (e: SipEntries) => void) => {
  const e = new Map(base);
  change(e);
  return e;
};

beforeAll(async () => {
  t = await startTestApp({ DEPOSIT_MAX_MB: '3', DEPOSIT_MAX_ENTRIES: '40', DEPOSIT_MAX_UNCOMPRESSED_MB: '8', DEPOSIT_MAX_RATIO: '100' }, undefined, { jobs: true });
  w = await seedWorld(t);
  agency = await t.as('agency', { agencyId: w.agencyId });
  base = await sipEntries(sipRows(2, 'HONG'));
  plainPdf = await makePlainPdf('Hồ sơ không PDF/A', [{ title: 'QUYẾT TOÁN', lines: ['Sở Tài chính tỉnh Hưng Yên.'] }]);
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (w?.dir) fs.rmSync(w.dir, { recursive: true, force: true });
});

describe('when a broken package is deposited, then it is refused with its code and nothing is stored', () => {
  it('not a ZIP at all', async () => {
    await refused(Buffer.from('Đây không phải tệp ZIP mà là văn bản thường.\n'.repeat(20)), 'SIP_NOT_ZIP', { file: null });
  });

  it('an entry climbing out with ../, an absolute path, a backslash', async () => {
    const pdf = base.get('data/1.pdf')!;
    const e = withEntries((m) => m.set('../1.pdf', pdf));
    const problems = await refused(await packSip(e), 'SIP_PATH_UNSAFE', { file: '../1.pdf' });
    expect(problems.filter((p) => p.code === 'SIP_PATH_UNSAFE')).toHaveLength(1);
    await refused(await packSip(withEntries((m) => m.set('/etc/1.pdf', pdf))), 'SIP_PATH_UNSAFE', { file: '/etc/1.pdf' });
    await refused(await packSip(withEntries((m) => m.set('data\\3.pdf', pdf))), 'SIP_PATH_UNSAFE', { file: 'data\\3.pdf' });
  });

  it('two names differing only by case, and by NFC/NFD', async () => {
    const pdf = base.get('data/1.pdf')!;
    await refused(await packSip(withEntries((m) => m.set('DATA/1.pdf', pdf))), 'SIP_NAME_DUPLICATE', { file: 'DATA/1.pdf' });
    const nfc = 'data/hồ-sơ.pdf';
    const e = withEntries((m) => { m.set(nfc, pdf); m.set(nfc.normalize('NFD'), pdf); });
    await refused(await packSip(e), 'SIP_NAME_DUPLICATE');
  });

  it('a name with non-ASCII bytes and no UTF-8 flag', async () => {
    const name = 'data/tài-liệu.pdf';
    const zipped = await packSip(withEntries((m) => m.set(name, base.get('data/1.pdf')!)));
    await refused(patchZipFlags(zipped, name, (f) => f & ~0x800), 'SIP_NAME_NOT_UTF8');
  });

  it('an encrypted entry', async () => {
    const zipped = await packSip(base);
    await refused(patchZipFlags(zipped, 'data/2.pdf', (f) => f | 0x1), 'SIP_ENTRY_ENCRYPTED', { file: 'data/2.pdf' });
  });

  it('a zip bomb (an entry unpacking 1000× its size)', async () => {
    const e = withEntries((m) => m.set('data/zeros.bin', Buffer.alloc(6 * 1024 * 1024)));
    await refused(await packSip(e), 'SIP_ZIP_BOMB', { file: 'data/zeros.bin' });
  });

  it('more entries than DEPOSIT_MAX_ENTRIES', async () => {
    const e = withEntries((m) => { for (let i = 0; i < 45; i++) m.set(`data/ghi-chu-${i}.txt`, Buffer.from(`ghi chú ${i}`)); });
    await refused(await packSip(e), 'SIP_TOO_MANY_ENTRIES', { file: null });
  });

  it('a package over DEPOSIT_MAX_MB is stopped at upload (413)', async () => {
    const noise = Buffer.concat(Array.from({ length: 4 }, () => crypto.randomBytes(1024 * 1024)));
    await refused(await packSip(withEntries((m) => m.set('data/nhieu.bin', noise))), 'FILE_TOO_LARGE', { status: 413 });
  });

  it('more uncompressed bytes than DEPOSIT_MAX_UNCOMPRESSED_MB (each entry under the ratio)', async () => {
    const words = ['ngân', 'sách', 'tỉnh', 'Hưng', 'Yên', 'quyết', 'toán', 'năm', 'hồ', 'sơ', 'lưu', 'trữ', 'Sở', 'Tài', 'chính', 'báo'];
    const parts: string[] = [];
    for (let i = 0; i < 1_600_000; i++) parts.push(words[Math.floor(Math.random() * words.length)]!);
    const text = Buffer.from(parts.join(' '));
    expect(text.length).toBeGreaterThan(8 * 1024 * 1024);
    await refused(await packSip(withEntries((m) => m.set('data/van-ban.txt', text))), 'SIP_UNCOMPRESSED_TOO_LARGE', { file: null });
  });

  it('a file listed in the manifest but absent, an unlisted extra file, a wrong checksum, no manifest', async () => {
    const listed = new Map(base);
    listed.set('data/3.pdf', Buffer.from('%PDF-1.7 không có'));
    const manifest = manifestOf(listed);
    await refused(await packSip(base, manifest), 'SIP_FILE_MISSING', { file: 'data/3.pdf' });
    await refused(await packSip(withEntries((m) => m.set('data/thua.pdf', base.get('data/1.pdf')!)), manifestOf(base)), 'SIP_FILE_UNLISTED', { file: 'data/thua.pdf' });
    const wrong = manifestOf(base).toString('utf8').replace(sha256(base.get('data/2.pdf')!), '0'.repeat(64));
    await refused(await packSip(base, Buffer.from(wrong)), 'SIP_CHECKSUM_MISMATCH', { file: 'data/2.pdf' });
    await refused(await packSip(base, null), 'SIP_MANIFEST_MISSING', { file: 'manifest-sha256.txt' });
  });

  it('a file that is not a PDF, a PDF not claiming PDF/A, a scan-only PDF/A failing the self-check', async () => {
    await refused(await packSip(withEntries((m) => m.set('data/2.pdf', Buffer.from('PK\u0003\u0004 không phải PDF')))), 'SIP_NOT_PDF', { file: 'data/2.pdf' });
    const pages = [{ title: 'QUYẾT TOÁN', lines: ['Sở Tài chính tỉnh Hưng Yên.'] }];
    await refused(await packSip(withEntries((m) => m.set('data/2.pdf', plainPdf))), 'SIP_NOT_PDFA', { file: 'data/2.pdf' });
    const scanOnly = await makePdfa('Hồ sơ chỉ có ảnh', '02-HONG', pages, { textLayer: false });
    const problems = await refused(await packSip(withEntries((m) => m.set('data/2.pdf', scanOnly))), 'SIP_PDFA_CHECK_FAILED', { file: 'data/2.pdf' });
    expect(problems.find((p) => p.code === 'SIP_PDFA_CHECK_FAILED')!.field).toContain('text-layer');
  });

  it('no inventory, an unreadable .xlsx, a row missing its title', async () => {
    await refused(await packSip(withEntries((m) => m.delete('muc-luc.xlsx'))), 'SIP_METADATA_MISSING', { file: null });
    await refused(await packSip(withEntries((m) => m.set('muc-luc.xlsx', Buffer.from('không phải bảng tính')))), 'SIP_METADATA_INVALID', { file: 'muc-luc.xlsx' });
    const files = sipRows(2, 'HONG');
    files[1]!.row.title = null;
    const e = await sipEntries(files);
    const problems = await refused(await packSip(e), 'SIP_METADATA_INVALID', { file: 'muc-luc.xlsx' });
    expect(problems.find((p) => p.code === 'SIP_METADATA_INVALID')!.message).toMatch(/^Dòng 3/);
  });

  it('a file kept 20 years, a file marked secret in the inventory, a page stamped MẬT', async () => {
    const kept = sipRows(2, 'HONG');
    kept[0]!.row.retention = '20 năm';
    const problems = await refused(await packSip(await sipEntries(kept)), 'SIP_RETENTION_NOT_PERMANENT', { file: 'muc-luc.xlsx' });
    expect(problems.find((p) => p.code === 'SIP_RETENTION_NOT_PERMANENT')!.field).toBe('Thời hạn bảo quản');
    const secret = sipRows(2, 'HONG');
    secret[1]!.row.secrecy = 'Mật';
    secret[1]!.row.declassifiedYear = 2040;
    const marked = await refused(await packSip(await sipEntries(secret)), 'SIP_SECRET_MARK', { file: 'muc-luc.xlsx' });
    expect(marked.find((p) => p.code === 'SIP_SECRET_MARK')!.field).toBe('Độ mật');
    const stamped = await makePdfa('Hồ sơ có dấu mật', '02-HONG', [{ title: 'BÁO CÁO', lines: ['MẬT', 'Nội dung báo cáo.'] }]);
    await refused(await packSip(withEntries((m) => m.set('data/2.pdf', stamped))), 'SIP_SECRET_MARK', { file: 'data/2.pdf' });
  });

  it('a row without its PDF and a PDF without its row', async () => {
    const e = withEntries((m) => { m.set('data/7.pdf', m.get('data/2.pdf')!); m.delete('data/2.pdf'); });
    const problems = await refused(await packSip(e), 'SIP_ROW_WITHOUT_PDF', { file: 'muc-luc.xlsx' });
    expect(problems.map((p) => p.code)).toContain('SIP_PDF_WITHOUT_ROW');
  });

  it('every problem of a package is reported at once, by file and field', async () => {
    const e = withEntries((m) => { m.set('data/2.pdf', Buffer.from('không phải PDF')); m.set('data/thua.txt', Buffer.from('thừa')); });
    const manifest = manifestOf(withEntries((m) => m.set('data/2.pdf', Buffer.from('khác'))));
    const problems = await refused(await packSip(e, manifest), 'SIP_NOT_PDF');
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['SIP_CHECKSUM_MISMATCH', 'SIP_FILE_UNLISTED', 'SIP_NOT_PDF', 'SIP_PDF_WITHOUT_ROW']));
    expect(problems.every((p) => p.file !== undefined && p.field !== undefined)).toBe(true);
  });
});

describe('when the metadata is METS.xml with TT 05 blocks instead of a spreadsheet', () => {
  it('then a wrong TT 05 code, a checksum differing from the METS fileSec and a missing title are refused, nothing stored', async () => {
    const files = sipRows(2, 'METS');
    const badCode = await sipMetsEntries(files, (x) => x.replace('<mucDoTiepCan ma="01">', '<mucDoTiepCan ma="09">'));
    const p1 = await refused(await packSip(badCode), 'SIP_METADATA_INVALID', { file: 'METS.xml' });
    expect(p1.find((p) => p.code === 'SIP_METADATA_INVALID')!.field).toBe('mucDoTiepCan');
    const wrongSum = await sipMetsEntries(files, (x) => x.replace(/CHECKSUM="[0-9a-f]{64}"/, `CHECKSUM="${'a'.repeat(64)}"`));
    const p2 = await refused(await packSip(wrongSum), 'SIP_CHECKSUM_MISMATCH', { file: 'ho-so/01-METS.pdf' });
    expect(p2.find((p) => p.code === 'SIP_CHECKSUM_MISMATCH')!.field).toBe('METS CHECKSUM');
    const noTitle = await sipMetsEntries(files, (x) => x.replace(/<tieuDeHoSo>[^<]*<\/tieuDeHoSo>/, ''));
    const p3 = await refused(await packSip(noTitle), 'SIP_METADATA_INVALID', { file: 'METS.xml' });
    expect(p3.find((p) => p.code === 'SIP_METADATA_INVALID')!.message).toMatch(/^Hồ sơ thứ 1: /);
  }, 120_000);

  it('then a valid METS package is accepted, its files linked by the METS divs', async () => {
    const r = await upload(w.staff, await packSip(await sipMetsEntries(sipRows(2, 'METS'))), { agencyId: String(w.agencyId) });
    expect(r.status, JSON.stringify(r.body).slice(0, 800)).toBe(201);
    expect(r.body).toMatchObject({ handoverStatus: 'submitted', metadataFile: 'METS.xml', pages: 4 });
    expect(r.body.files.map((f: any) => [f.rowNo, f.fileNotation, f.path])).toEqual([[1, '01-METS', 'ho-so/01-METS.pdf'], [2, '02-METS', 'ho-so/02-METS.pdf']]);
  }, 120_000);
});

describe('when a valid package is deposited by the agency', () => {
  let deposit: any;
  let sip: Awaited<ReturnType<typeof validSip>>;

  it('then it is a digital handover submitted for appraisal, with its inventory rows', async () => {
    sip = await validSip(2, 'DAT');
    const r = await upload(agency, sip.zip, { fondsId: String(w.fondsId), planId: String(w.planId) });
    expect(r.status, JSON.stringify(r.body).slice(0, 800)).toBe(201);
    deposit = r.body;
    expect(deposit).toMatchObject({ handoverStatus: 'submitted', agencyId: w.agencyId, sha256: sha256(sip.zip), pages: 4, metadataFile: 'muc-luc.xlsx' });
    expect(deposit.files.map((f: any) => [f.rowNo, f.path, f.pages])).toEqual([[1, 'data/1.pdf', 2], [2, 'data/2.pdf', 2]]);
    const h = await w.staff.get(`/api/handovers/${deposit.handoverId}`);
    expect(h.body.status).toBe('submitted');
    const inv = await w.staff.get(`/api/handovers/${deposit.handoverId}/inventory`);
    expect(inv.body.items.map((i: any) => i.fileNotation)).toEqual(['01-DAT', '02-DAT']);
    // Another agency sees nothing of it.
    const other = await t.as('agency', { agencyId: w.otherAgencyId });
    expect((await other.get(`/api/deposits/${deposit.id}`)).status).toBe(404);
  }, 120_000);

  it('then appraisal, approval and receipt (no boxes) go through the paper workflow; the jobs make its pages', async () => {
    const id = deposit.handoverId;
    expect((await w.staff.post(`/api/handovers/${id}/appraise`, { summary: 'Hồ sơ số đầy đủ, đúng định dạng PDF/A.' })).status).toBe(200);
    expect((await w.staff.post(`/api/handovers/${id}/approve`, { approvalDecision: 'Quyết định số 12/QĐ-TTLT' })).status).toBe(200);
    const rec = await w.staff.post(`/api/handovers/${id}/receive`, {
      handoverDate: '2026-11-22', physicalCondition: 'Tệp nguyên vẹn', deliveringName: 'Nguyễn Văn An', deliveringPosition: 'Văn thư',
      receivingName: 'Trần Thị Bình', receivingPosition: 'Lưu trữ viên',
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(200);
    expect(rec.body).toMatchObject({ status: 'received' });
    await t.drainJobs({ timeoutMs: 240_000 });
    const d = (await agency.get(`/api/deposits/${deposit.id}`)).body;
    expect(d.materialisedAt).not.toBeNull();
    expect(d.files.every((f: any) => f.received && f.materialisedAt)).toBe(true);
    const pages = await t.db.query<{ derivatives: string; ocr: string; text: string }>(
      `SELECT derivatives_status AS derivatives, ocr_status AS ocr, ocr_text AS text FROM pages WHERE record_file_id = $1 ORDER BY seq`, [d.files[0].recordFileId]);
    expect(pages.map((p) => [p.derivatives, p.ocr])).toEqual([['done', 'done'], ['done', 'done']]);
    expect(pages[0]!.text).toContain('Mã tra cứu nộp lưu DAT1X2008');
    const codes = await t.db.query<{ code: string }>(`SELECT file_code AS code FROM record_files WHERE handover_id = $1 ORDER BY row_no`, [id]);
    expect(codes.every((c) => c.code)).toBe(true);
  }, 300_000);

  it('then its text layer is found by the search API, and its page images are served', async () => {
    const r = await w.staff.get(`/api/search?${new URLSearchParams({ q: 'DAT2X2009' })}`);
    expect(r.status).toBe(200);
    const d = (await agency.get(`/api/deposits/${deposit.id}`)).body;
    const hit = r.body.hits.find((h: any) => h.fileId === d.files[1].recordFileId);
    expect(hit, JSON.stringify(r.body.hits)).toBeTruthy();
    expect(hit.kind).toBe('page');
    const thumb = await w.staff.get(hit.thumbnailUrl);
    expect(thumb.status).toBe(200);
  });

  it('then the stored PDF/A is the deposited file byte for byte, and PREMIS has validation, fixity and ingestion', async () => {
    const [row] = await t.db.query<{ key: string; sha: string }>(`SELECT object_key AS key, sha256 AS sha FROM deposit_files WHERE package_id = $1 AND path = 'data/1.pdf'`, [deposit.id]);
    const chunks: Buffer[] = [];
    for await (const c of await t.blobs.get(row!.key)) chunks.push(c as Buffer);
    const stored = Buffer.concat(chunks);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-check-'));
    fs.writeFileSync(path.join(dir, 'sip.zip'), sip.zip);
    const un = spawnSync('unzip', ['-p', path.join(dir, 'sip.zip'), 'data/1.pdf']);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(un.status).toBe(0);
    expect(sha256(stored)).toBe(sha256(un.stdout));
    expect(row!.sha).toBe(sha256(un.stdout));
    const ev = (await agency.get(`/api/deposits/${deposit.id}/premis-events`)).body.items as any[];
    const types = ev.filter((e) => e.objectName === 'data/1.pdf').map((e) => `${e.type}:${e.outcome}`);
    expect(types).toEqual(['fixity check:pass', 'validation:pass', 'fixity check:pass', 'ingestion:pass']);
  });

  it('then the Biên bản thu nộp DOCX downloads, final (no DỰ THẢO), with the package checksum', async () => {
    const r = await agency.get(`/api/deposits/${deposit.id}/record.docx`);
    expect(r.status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-'));
    fs.writeFileSync(path.join(dir, 'bb.docx'), r.buffer);
    const xml = spawnSync('unzip', ['-p', path.join(dir, 'bb.docx'), 'word/document.xml'], { encoding: 'utf8' }).stdout;
    fs.rmSync(dir, { recursive: true, force: true });
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('BIÊN BẢN THU NỘP TÀI LIỆU LƯU TRỮ SỐ');
    expect(text).toContain(deposit.sha256);
    expect(text).toContain('2 tệp PDF/A, 4 trang');
    expect(text).not.toContain('DỰ THẢO');
  });

  it('then staff depositing for an agency must name it', async () => {
    const r = await upload(w.staff, (await validSip(1, 'CB')).zip);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('DEPOSIT_AGENCY_REQUIRED');
    const ok = await upload(w.staff, (await validSip(1, 'CB')).zip, { agencyId: String(w.agencyId) });
    expect(ok.status, JSON.stringify(ok.body).slice(0, 400)).toBe(201);
  }, 60_000);
});
