import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { insertRecordFile } from '../deadlines/record-file.factory.js';
import { docxToPdf, pdfPages, pdfTextPages } from '../print/pdf-tools.js';

let t: TestApp;
let admin: HttpClient;
const ids: Record<string, number> = {};

/** The document's visible text, one line per paragraph. */
async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

async function download(path: string): Promise<Buffer> {
  const r = await admin.get(path);
  expect(r.status, path).toBe(200);
  return r.buffer;
}

beforeAll(async () => {
  t = await startTestApp({ CENTRE_NAME: 'Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên' }, new Date('2026-02-05T09:00:00+07:00'));
  admin = await t.as('admin');
  for (const [code, name] of [['SNN', 'Sở Nông nghiệp và Môi trường tỉnh Hưng Yên'], ['SYT', 'Sở Y tế tỉnh Hưng Yên']]) {
    ids[code] = (await admin.post('/api/agencies', { code, name, level: 'province' })).body.id;
  }
  await insertRecordFile(t.db, { agencyId: ids.SNN, endDate: '2008-12-31', fileNotation: '05/NN-2008', title: 'Hồ sơ giao đất, cho thuê đất năm 2008' });
  await insertRecordFile(t.db, { agencyId: ids.SNN, endDate: '2012-12-31', fileNotation: '11/NN-2012', title: 'Hồ sơ quy hoạch thủy lợi' });
  // 2024 rule: deposited into the current archive 2019, due 2024.
  await insertRecordFile(t.db, { agencyId: ids.SNN, endDate: '2018-06-30', currentArchiveDepositYear: 2019, transition: 'law2024', fileNotation: '02/NN-2018' });
  // Sở Y tế owes 45: more than the letter lists.
  for (let i = 1; i <= 45; i++) {
    await insertRecordFile(t.db, { agencyId: ids.SYT, endDate: `${2000 + (i % 10)}-06-30`, fileNotation: `YT-${String(i).padStart(2, '0')}`, title: `Hồ sơ khám chữa bệnh số ${i}` });
  }
});
afterAll(() => t?.close());

describe('reminder letter (Công văn đôn đốc)', () => {
  let snn: number;
  let syt: number;
  let batch: number;

  beforeAll(async () => {
    const r = await admin.post('/api/reminders', { agencyIds: [ids.SNN, ids.SYT], firstNumber: 7, replyBy: '2026-03-06' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    [snn, syt] = r.body.items.map((x: { id: number }) => x.id);
    batch = r.body.batchId;
  });

  it('when downloaded, then it carries the centre, Số, the V/v line, place and date, Kính gửi, the legal basis, the overdue files, the reply-by date and Nơi nhận', async () => {
    const r = await admin.get(`/api/reminders/${snn}/letter.docx`);
    expect(r.headers.get('content-type')).toContain('wordprocessingml');
    expect(r.headers.get('content-disposition')).toContain('cong-van-don-doc-SNN');
    const text = await docxText(r.buffer);
    expect(text).toContain('TRUNG TÂM LƯU TRỮ LỊCH SỬ TỈNH HƯNG YÊN');
    expect(text).toContain('\nSố: 7/TTLT-NV\n');
    expect(text).toContain('\nV/v đôn đốc giao nộp hồ sơ, tài liệu vào Lưu trữ lịch sử\n');
    expect(text).toContain('\nHưng Yên, ngày 05 tháng 02 năm 2026\n');
    expect(text).toContain('Kính gửi: Sở Nông nghiệp và Môi trường tỉnh Hưng Yên.');
    // Files due under both rules: both articles are cited.
    expect(text).toContain('khoản 1 Điều 21 Luật Lưu trữ số 01/2011/QH13 và Điều 17 Luật Lưu trữ số 33/2024/QH15');
    expect(text).toContain('còn 3 hồ sơ đã đến hạn nộp lưu nhưng chưa giao nộp (hạn sớm nhất là năm 2018)');
    for (const n of ['05/NN-2008', '11/NN-2012', '02/NN-2018']) expect(text).toContain(`\n${n}\n`);
    expect(text).toContain('Hồ sơ giao đất, cho thuê đất năm 2008');
    expect(text).toContain('trước ngày 06 tháng 3 năm 2026');
    expect(text).toContain('Trân trọng./.');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('GIÁM ĐỐC');
    expect(text).not.toContain('danh sách kèm theo');
  });

  it('when more files are overdue than the letter lists, then it lists 20 and names the rest as attached, and the attached list holds all 45', async () => {
    const text = await docxText(await download(`/api/reminders/${syt}/letter.docx`));
    expect(text).toContain('\nSố: 8/TTLT-NV\n');
    expect(text).toContain('còn 45 hồ sơ');
    expect(text).toContain('và 25 hồ sơ khác (danh sách kèm theo).');
    expect(text.match(/\nYT-\d\d\n/g)).toHaveLength(20);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(`/api/reminders/${syt}/files.xlsx`)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getRow(1).getCell(1).value)).toContain('Công văn số 8/TTLT-NV ngày 05/02/2026');
    expect(ws.rowCount).toBe(3 + 45);
  });

  it('when the batch is downloaded, then one document holds each agency\'s letter', async () => {
    const text = await docxText(await download(`/api/reminders/batches/${batch}/letters.docx`));
    expect(text).toContain('Kính gửi: Sở Nông nghiệp và Môi trường tỉnh Hưng Yên.');
    expect(text).toContain('Kính gửi: Sở Y tế tỉnh Hưng Yên.');
    expect(text.match(/V\/v đôn đốc/g)).toHaveLength(2);
    expect((await admin.get('/api/reminders/batches/999999/letters.docx')).status).toBe(404);
  });

  it('when rendered by LibreOffice, then the heading is one line beside the organ, a short letter is one page, the signer stays with the closing line, and each letter of the batch starts a page', async () => {
    const docs = [
      await download(`/api/reminders/${snn}/letter.docx`),
      await download(`/api/reminders/${syt}/letter.docx`),
      await download(`/api/reminders/batches/${batch}/letters.docx`),
    ];
    const [short, long, both] = await Promise.all((await docxToPdf(docs)).map(async (pdf) => ({ pages: await pdfTextPages(pdf), count: await pdfPages(pdf) })));
    expect(short.count).toBe(1);
    for (const [i, doc] of [short, long].entries()) {
      const first = doc.pages[0].split('\n');
      expect(first.some((l) => /TRUNG TÂM LƯU TRỮ\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$/.test(l)), doc.pages[0]).toBe(true);
      expect(first.some((l) => new RegExp(`Số: ${7 + i}/TTLT-NV\\s+Hưng Yên, ngày 05 tháng 02 năm 2026\\s*$`).test(l)), doc.pages[0]).toBe(true);
      const signing = doc.pages.findIndex((p) => p.includes('GIÁM ĐỐC'));
      expect(signing, `letter ${i}`).toBe(doc.pages.length - 1);
      expect(doc.pages[signing]).toContain('Trân trọng./.');
      expect(doc.pages[signing]).toMatch(/Nơi nhận:\s+GIÁM ĐỐC/);
    }
    expect(both.count).toBe(short.count + long.count);
    expect(both.pages[short.count]).toContain('Kính gửi: Sở Y tế tỉnh Hưng Yên.');
  }, 180_000);
});
