/**
 * TT 05/2025 metadata beside TT 02/2019, end to end with the in-process job runner (real sharp, real tesseract.js):
 * a file with one document is scanned into that document, converted to 2025 (derived fields filled from the 2019
 * record, the masters and the stored receipt/upload/OCR events; the rest flagged), edited (a flag resolved), and
 * bad edits are refused with Vietnamese messages and stable codes while nothing changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, pagePng, uploadScans } from './digitization-fixtures.js';
import { tt05Xml } from '../../../server/archive/tt05.js';
import { tt05ForExport } from '../../../server/digitization/tt05.repository.js';

let t: TestApp;
let staff: HttpClient;
let a: Awaited<ReturnType<typeof archive>>;
let docId: number;

type Flag = { field: string; code: string; reason: string };

beforeAll(async () => {
  t = await startTestApp({}, undefined, { jobs: true });
  staff = await t.as('archivist');
  a = await archive(t, [{ notation: '12/HC', title: 'Hồ sơ thành lập huyện' }, { notation: '13/MAT', secrecy: 'mat' }]);
  // The receipt event as the handover area writes it (the fixture inserts the received handover as rows only).
  await t.db.query(`INSERT INTO events (at, actor_name, entity_type, entity_id, action, data) VALUES ('2026-11-20T03:00:00Z', 'Nguyễn Văn An', 'handover', $1, 'handover.received', '{}')`, [String(a.handoverId)]);
  expect((await staff.put(`/api/digitization/files/${a.fileIds[0]}/metadata`, { fileCode: 'HY.2010.01.12' })).status).toBe(200);
  const d = await staff.post(`/api/digitization/files/${a.fileIds[0]}/documents`, { docOrdinal: 1, subject: 'Quyết định thành lập', docCode: 'VN-01', confidenceLevel: 'original', accessLevel: 'restricted' });
  expect(d.status).toBe(201);
  docId = d.body.id;
  const b = await batch(staff, a.fileIds[0], { documentId: docId });
  expect((await uploadScans(staff, b, [{ name: 'trang-1.png', data: await pagePng() }])).status).toBe(201);
  await t.drainJobs({ timeoutMs: 300_000 });
}, 400_000);
afterAll(() => t?.close());

describe('TT 05/2025 metadata under both regimes', () => {
  it('before conversion, the file reads as TT 02/2019 with its file list derived from the masters', async () => {
    const r = await staff.get(`/api/digitization/files/${a.fileIds[0]}/tt05`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ regime: 'tt02_2019', verified: false, fields: null, flags: [], tt02: { retention: 'Vĩnh viễn', accessLevel: 'unrestricted', fileCode: 'HY.2010.01.12' } });
    expect(r.body.files).toEqual([{ name: 'trang-1.png', format: 'png', size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(r.body.documents[0]).toMatchObject({ regime: 'tt02_2019', fields: null, files: [{ name: 'trang-1.png' }] });
    const edit = await staff.put(`/api/digitization/files/${a.fileIds[0]}/tt05`, { backupMode: '02' });
    expect([edit.status, edit.body.error.code]).toEqual([409, 'TT05_NOT_CONVERTED']);
  });

  it('converting maps what follows from 2019 and the stored events, flags the rest, and is recorded once', async () => {
    const r = await staff.post(`/api/digitization/files/${a.fileIds[0]}/tt05/convert`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.regime).toBe('tt05_2025');
    expect(r.body.fields).toMatchObject({ retentionKind: 'permanent', retentionYears: null, accessLevel: '01', confidenceLevel: '01', paperFileCode: 'HY.2010.01.12', backupMode: null });
    expect(r.body.fields.processingHistory.map((s: { step: string }) => s.step)).toEqual([
      'Tiếp nhận tài liệu vào Lưu trữ lịch sử', 'Số hóa (lưu bản gốc ảnh quét) — trang-1.png', 'Nhận dạng ký tự (OCR) — 1 trang',
    ]);
    expect(r.body.fields.processingHistory[2].agent).toMatch(/tesseract/);
    expect(r.body.flags.map((f: Flag) => f.field)).toEqual(['backupMode', 'backupStatus']);
    const doc = r.body.documents[0];
    expect(doc.fields).toMatchObject({ accessLevel: '02', confidenceLevel: '01', archiveCode: 'VN-01', sheetCount: null });
    expect(doc.flags.map((f: Flag) => f.field)).toEqual(['sheetCount', 'backupMode', 'backupStatus']);
    expect(doc.flags[0].reason).toContain('Số lượng tờ');
    const again = await staff.post(`/api/digitization/files/${a.fileIds[0]}/tt05/convert`, {});
    expect([again.status, again.body.error.code]).toEqual([409, 'TT05_ALREADY_CONVERTED']);
    const ev = await t.db.query(`SELECT 1 FROM events WHERE action = 'tt05.converted' AND entity_id = $1`, [String(a.fileIds[0])]);
    expect(ev).toHaveLength(1);
  });

  it('editing a flagged field resolves its flag and persists; the document edit too', async () => {
    const r = await staff.put(`/api/digitization/files/${a.fileIds[0]}/tt05`, { backupMode: '02', retentionKind: 'limited', retentionYears: 50 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.flags.map((f: Flag) => f.field)).toEqual(['backupStatus']);
    const d = await staff.put(`/api/digitization/documents/${docId}/tt05`, { sheetCount: 2 });
    expect(d.status).toBe(200);
    const after = await staff.get(`/api/digitization/files/${a.fileIds[0]}/tt05`);
    expect(after.body.fields).toMatchObject({ backupMode: '02', retentionKind: 'limited', retentionYears: 50 });
    expect(after.body.documents[0].fields.sheetCount).toBe(2);
    expect(after.body.documents[0].flags.map((f: Flag) => f.field)).toEqual(['backupMode', 'backupStatus']);
    // Choosing "permanent" clears the years.
    const perm = await staff.put(`/api/digitization/files/${a.fileIds[0]}/tt05`, { retentionKind: 'permanent' });
    expect(perm.body.fields).toMatchObject({ retentionKind: 'permanent', retentionYears: null });
  });

  it('over-long values, unknown codes and inconsistent retention are refused in Vietnamese and nothing changes', async () => {
    const before = (await staff.get(`/api/digitization/files/${a.fileIds[0]}/tt05`)).body;
    const long = await staff.put(`/api/digitization/files/${a.fileIds[0]}/tt05`, { paperFileCode: 'X'.repeat(31), accessLevel: '09', backupStatus: '02' });
    expect([long.status, long.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(long.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message])).toEqual([
      ['accessLevel', 'Mức độ tiếp cận: mã 01, 02, 03'], ['paperFileCode', 'Tối đa 30 ký tự'],
    ]);
    const years = await staff.put(`/api/digitization/files/${a.fileIds[0]}/tt05`, { retentionKind: 'limited', backupStatus: '02' });
    expect([years.status, years.body.error.code, years.body.error.message]).toEqual([400, 'TT05_RETENTION_YEARS_REQUIRED', 'Thời hạn lưu trữ có thời hạn phải ghi số năm.']);
    const forbidden = await staff.put(`/api/digitization/files/${a.fileIds[0]}/tt05`, { retentionYears: 5 });
    expect(forbidden.body.error.code).toBe('TT05_RETENTION_YEARS_FORBIDDEN');
    const doc = await staff.put(`/api/digitization/documents/${docId}/tt05`, { archiveCode: 'A'.repeat(31), sheetCount: -1 });
    expect(doc.status).toBe(400);
    expect((await staff.put(`/api/digitization/files/${a.fileIds[0]}/tt05`, {})).body.error.code).toBe('EMPTY_PATCH');
    expect((await staff.get(`/api/digitization/files/${a.fileIds[0]}/tt05`)).body).toEqual(before);
    const researcher = await t.as('researcher');
    expect((await researcher.put(`/api/digitization/files/${a.fileIds[0]}/tt05`, { backupStatus: '02' })).status).toBe(403);
    expect((await researcher.post(`/api/digitization/files/${a.fileIds[0]}/tt05/convert`, {})).status).toBe(403);
  });

  it('a document added after conversion stays TT 02/2019 until converted; converting again leaves the file’s edits', async () => {
    const d = await staff.post(`/api/digitization/files/${a.fileIds[0]}/documents`, { docOrdinal: 2, subject: 'Tờ trình', confidenceLevel: 'copy' });
    expect(d.status).toBe(201);
    const mid = (await staff.get(`/api/digitization/files/${a.fileIds[0]}/tt05`)).body;
    expect(mid.documents.map((x: { regime: string }) => x.regime)).toEqual(['tt05_2025', 'tt02_2019']);
    const r = await staff.post(`/api/digitization/files/${a.fileIds[0]}/tt05/convert`, {});
    expect(r.status).toBe(200);
    expect(r.body.documents[1]).toMatchObject({ regime: 'tt05_2025', fields: { confidenceLevel: '02', archiveCode: null } });
    expect(r.body.documents[0].fields.sheetCount).toBe(2);
    expect(r.body.fields).toMatchObject({ backupMode: '02', retentionKind: 'permanent' });
    expect(r.body.flags.map((f: Flag) => f.field)).toEqual(['backupStatus']);
    expect((await staff.post(`/api/digitization/files/${a.fileIds[0]}/tt05/convert`, {})).body.error.code).toBe('TT05_ALREADY_CONVERTED');
  });

  it('a secret file converts with mức độ tiếp cận flagged, not derived; its history still has the handover receipt', async () => {
    const r = await staff.post(`/api/digitization/files/${a.fileIds[1]}/tt05/convert`, {});
    expect(r.status).toBe(200);
    expect(r.body.fields.accessLevel).toBeNull();
    expect(r.body.flags.map((f: Flag) => f.code)).toEqual(expect.arrayContaining(['TT05_ACCESS_SECRET', 'TT05_PAPER_CODE_MISSING', 'TT05_CONFIDENCE_UNKNOWN']));
    // The receipt event belongs to the handover, so even this file has a history step.
    expect(r.body.fields.processingHistory).toHaveLength(1);
    const researcher = await t.as('researcher');
    expect((await researcher.get(`/api/digitization/files/${a.fileIds[1]}/tt05`)).status).toBe(404);
  });

  it('the AIP’s TT05 block writes the stored regime and the 2025 values; flagged fields stay verified="false"', async () => {
    const stored = await tt05ForExport(t.db, a.fileIds[0]);
    const base = { fileCode: 'HY.2010.01.12', fileNotation: '12/HC', title: 'Hồ sơ', fondsCode: null, fondsName: null, agencyName: 'Sở', startDate: null, endDate: '2010-12-31', retention: 'Vĩnh viễn', accessLevel: 'unrestricted', secrecy: null, sheets: null, pages: 1, language: 'vie' };
    const xml = tt05Xml([{ ...base, fileId: a.fileIds[0], tt05: stored }, { ...base, fileId: 999 }], t.now.value, 'Trung tâm');
    expect(xml).toContain('cheDoSieuDuLieu="TT02-2019 TT05-2025"');
    expect(xml).toMatch(/<hoSo id="VN-KLT-FILE-\d+" cheDoSieuDuLieu="TT05-2025">/);
    expect(xml).toMatch(/<thoiHanLuuTru ma="permanent" nameVerified="false">Vĩnh viễn<\/thoiHanLuuTru>/);
    expect(xml).toMatch(/<cheDoLapTaiLieuDuPhong ma="02" nameVerified="false">Bản sao số<\/cheDoLapTaiLieuDuPhong>/);
    expect(xml).toMatch(/<tinhTrangLapTaiLieuDuPhong nameVerified="false" verified="false" trangThai="cần xác định" lyDo="[^"]+"\/>/);
    expect(xml).toMatch(/<soLuongTo nameVerified="false">2<\/soLuongTo>/);
    expect(xml).toMatch(/<tep ten="trang-1.png" dinhDang="png" dungLuong="\d+" sha256="[0-9a-f]{64}"\/>/);
    expect(xml).toContain('<thoiHanLuuTru verified="false" trangThai="chưa ánh xạ"/>'); // file 999: never converted
  });

  it('the AIP built by the archive job carries the stored regime and 2025 values in TT05.xml', async () => {
    const r = await staff.post('/api/archive/aips', { fileId: a.fileIds[0] });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    await t.drainJobs({ timeoutMs: 240_000 });
    const aip = await staff.get(`/api/archive/aips/${r.body.id}`);
    expect(aip.body.status, aip.body.error).toBe('done');
    const zip = await staff.get(`/api/archive/aips/${r.body.id}/download`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tt05-aip-'));
    try {
      fs.writeFileSync(path.join(dir, 'aip.zip'), zip.buffer);
      const xml = spawnSync('unzip', ['-p', 'aip.zip', '*/metadata/descriptive/TT05.xml'], { cwd: dir, encoding: 'utf8' }).stdout;
      expect(xml).toContain('cheDoSieuDuLieu="TT05-2025"');
      expect(xml).toMatch(/<mucDoTinCay ma="01" nameVerified="false">Bản gốc<\/mucDoTinCay>/);
      expect(xml).toMatch(/<cheDoLapTaiLieuDuPhong ma="02" nameVerified="false">Bản sao số<\/cheDoLapTaiLieuDuPhong>/);
      expect(xml.match(/<vanBan /g)).toHaveLength(2);
      expect(xml).not.toContain('chưa ánh xạ');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
