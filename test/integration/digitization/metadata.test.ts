import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive } from './digitization-fixtures.js';

let t: TestApp;
let staff: HttpClient;
let a: Awaited<ReturnType<typeof archive>>;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('archivist');
  a = await archive(t, [{ notation: '12/HC', title: 'Hồ sơ về việc thành lập huyện Văn Giang' }, { notation: '13/MAT', secrecy: 'toi_mat' }]);
});
afterAll(() => t?.close());

describe('TT 02/2019 metadata of digitised files and documents', () => {
  it('when staff edit a file’s metadata, then it is stored with the file’s own fields and recorded as an event', async () => {
    const r = await staff.put(`/api/digitization/files/${a.fileIds[0]}/metadata`, {
      fileCode: 'HY.2010.01.12', identifier: 'G09.31', fileCatalog: '2010', description: 'Gồm quyết định và tờ trình.', keyword: 'địa giới hành chính', totalDoc: 3,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ fileCode: 'HY.2010.01.12', fileNotation: '12/HC', identifier: 'G09.31', fileCatalog: '2010', totalDoc: 3, language: 'Tiếng Việt', organId: expect.stringMatching(/^P\d+$/) });
    const ev = await t.db.query(`SELECT 1 FROM events WHERE action = 'file_metadata.updated' AND entity_id = $1`, [String(a.fileIds[0])]);
    expect(ev).toHaveLength(1);
  });

  it('when a field is longer than TT 02/2019 allows, then 400 names the field with a Vietnamese message and nothing changes', async () => {
    const r = await staff.put(`/api/digitization/files/${a.fileIds[0]}/metadata`, { identifier: 'X'.repeat(14), keyword: 'k'.repeat(101) });
    expect([r.status, r.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(r.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message])).toEqual([['identifier', 'Tối đa 13 ký tự'], ['keyword', 'Tối đa 100 ký tự']]);
    const doc = await staff.post(`/api/digitization/files/${a.fileIds[0]}/documents`, { docOrdinal: 1, subject: 's'.repeat(501), codeNumber: '123456789012' });
    expect(doc.status).toBe(400);
    expect(doc.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['codeNumber', 'subject']);
    const after = await staff.get(`/api/digitization/files/${a.fileIds[0]}/metadata`);
    expect(after.body.identifier).toBe('G09.31');
  });

  it('when staff add and edit documents, then they list in order and a duplicate ordinal is refused with 409', async () => {
    const d1 = await staff.post(`/api/digitization/files/${a.fileIds[0]}/documents`, {
      docOrdinal: 1, typeName: 'Quyết định', codeNumber: '667', codeNotation: 'QĐ-UBND', issuedDate: '2010-03-03',
      organName: 'Ủy ban nhân dân tỉnh Hưng Yên', subject: 'Về việc thu hồ sơ, tài liệu vào Lưu trữ lịch sử', confidenceLevel: 'original', physicalCondition: '05',
    });
    expect(d1.status).toBe(201);
    const d2 = await staff.post(`/api/digitization/files/${a.fileIds[0]}/documents`, { docOrdinal: 2, subject: 'Tờ trình', accessLevel: 'restricted' });
    expect(d2.status).toBe(201);
    const dup = await staff.post(`/api/digitization/files/${a.fileIds[0]}/documents`, { docOrdinal: 2, subject: 'Trùng' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'DOCUMENT_ORDINAL_TAKEN']);
    const edit = await staff.put(`/api/digitization/documents/${d2.body.id}`, { pageAmount: 4, autograph: 'Chữ ký, dấu đỏ' });
    expect(edit.body).toMatchObject({ pageAmount: 4, autograph: 'Chữ ký, dấu đỏ', subject: 'Tờ trình' });
    const list = await staff.get(`/api/digitization/files/${a.fileIds[0]}/documents`);
    expect(list.body.items.map((d: { docOrdinal: number }) => d.docOrdinal)).toEqual([1, 2]);
    // A researcher sees the file but not its restricted document.
    const researcher = await t.as('researcher');
    const seen = await researcher.get(`/api/digitization/files/${a.fileIds[0]}/documents`);
    expect(seen.body.items.map((d: { docOrdinal: number }) => d.docOrdinal)).toEqual([1]);
    expect((await researcher.put(`/api/digitization/documents/${d1.body.id}`, { pageAmount: 1 })).status).toBe(403);
  });

  it('when metadata is exported, then JSON uses the TT 02/2019 tag names and XLSX has a files and a documents sheet', async () => {
    const json = await staff.get(`/api/digitization/files/${a.fileIds[0]}/metadata/export/json`);
    expect(json.status).toBe(200);
    expect(json.body.files[0]).toMatchObject({ FileCode: 'HY.2010.01.12', FileNotation: '12/HC', Title: 'Hồ sơ về việc thành lập huyện Văn Giang', Identifier: 'G09.31', TotalDoc: 3 });
    expect(json.body.files[0].documents[0]).toMatchObject({ DocOrdinal: 1, CodeNumber: '667', CodeNotation: 'QĐ-UBND', OrganName: 'Ủy ban nhân dân tỉnh Hưng Yên', ConfidenceLevel: 'Bản gốc', Format: 'Ố vàng' });
    const fonds = await staff.get(`/api/digitization/fonds/${a.fondsId}/metadata/export/xlsx`);
    expect(fonds.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fonds.buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hồ sơ', 'Văn bản']);
    const files = wb.getWorksheet('Hồ sơ')!;
    const header = files.getRow(3).values as string[];
    expect(header).toContain('FileNotation');
    expect(files.rowCount).toBe(5); // title, blank, header, two files
    // A researcher's fonds export leaves the secret file out.
    const researcher = await t.as('researcher');
    const theirs = await researcher.get(`/api/digitization/fonds/${a.fondsId}/metadata/export/json`);
    expect(theirs.body.files.map((f: { FileNotation: string }) => f.FileNotation)).toEqual(['12/HC']);
    expect((await researcher.get(`/api/digitization/files/${a.fileIds[1]}/metadata`)).status).toBe(404);
  });
});
