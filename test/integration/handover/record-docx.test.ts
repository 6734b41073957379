import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { inventoryRows } from '../../support/inventory-factory.js';
import { approvedHandover, newHandover, receiptBody, seedWorld, uploadRows, type World } from './fixture.js';
import { docxToPdf, pdfPages, pdfTextPages } from '../print/pdf-tools.js';
import { documentDate, placeNameOf } from '../../../server/handover/record-docx.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp({ CENTRE_NAME: 'Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên' });
  w = await seedWorld(t, { shelves: 6 });
});
afterAll(() => t?.close());

/** The document's visible text, one line per paragraph. */
async function docText(id: number): Promise<string> {
  const r = await w.staff.get(`/api/handovers/${id}/record.docx`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toContain('wordprocessingml');
  expect(r.headers.get('content-disposition')).toMatch(/\.docx/);
  const zip = await JSZip.loadAsync(r.buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

describe('handover record (Biên bản giao nhận tài liệu)', () => {
  it('when the handover is a draft, then the record is marked DỰ THẢO and carries the heading, the parties and the inventory figures', async () => {
    const h = await newHandover(w, w.staff, { deliveringName: 'Nguyễn Văn An', deliveringPosition: 'Chánh Văn phòng', place: 'Phòng đọc, Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên' });
    await uploadRows(w, h.id, inventoryRows(25, { filesPerBox: 10 }));
    const text = await docText(h.id);
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('\nHưng Yên, ngày 22 tháng 11 năm 2026\n');
    expect(text).toContain('Hôm nay, ngày 22 tháng 11 năm 2026, tại Phòng đọc, Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên, chúng tôi gồm:');
    expect(text).toContain('BIÊN BẢN GIAO NHẬN TÀI LIỆU');
    expect(text).toContain('BÊN GIAO: Sở Tài chính tỉnh Hưng Yên');
    expect(text).toContain('BÊN NHẬN: Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên');
    expect(text).toContain('Ông (bà): Nguyễn Văn An      Chức vụ: Chánh Văn phòng');
    expect(text).toContain('3 hộp (cặp), 25 hồ sơ');
    expect(text).toContain('ước tính 0,3 mét giá');
    expect(text).toContain('Thời gian của tài liệu: 2005 - 2009');
    expect(text).toMatch(/Căn cứ Quyết định số \d+\/QĐ-UBND ngày 03\/03\/2026 của UBND tỉnh/);
    expect(text).toContain('Căn cứ Kế hoạch giao nhận số 15/KH-SNV');
    expect(text).toContain('chưa giao nhận');
  });

  it('when received before 1 July 2025, then Luật Lưu trữ 2011 and TT 16/2014 are cited, with the reconciliation and both signature blocks', async () => {
    const h = await approvedHandover(w, inventoryRows(20, { filesPerBox: 10 }), { place: 'Thành phố Hưng Yên' });
    const r = await w.staff.post(`/api/handovers/${h.id}/receive`, receiptBody({
      handoverDate: '2025-06-20',
      measuredMetres: 0.25,
      attachments: 'Danh mục tài liệu hạn chế sử dụng (01 bản)',
      discrepancies: [{ kind: 'missing', rowNo: 4, description: 'Không có trong hộp' }, { kind: 'damaged', rowNo: 9, description: 'Rách mép' }],
    }));
    expect(r.status).toBe(200);
    const text = await docText(h.id);
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain('Căn cứ Luật Lưu trữ số 01/2011/QH13');
    expect(text).toContain('Thông tư số 16/2014/TT-BNV');
    expect(text).not.toContain('33/2024/QH15');
    // The venue staff typed is where it happened; the date line's place name is the centre's province.
    expect(text).toContain('\nHưng Yên, ngày 20 tháng 6 năm 2025\n');
    expect(text).toContain('tại Thành phố Hưng Yên, chúng tôi gồm:');
    expect(text).toContain('Căn cứ Quyết định số 45/QĐ-SNV ngày 10/6/2026 của Sở Nội vụ phê duyệt Danh mục hồ sơ, tài liệu nộp lưu');
    expect(text).toContain('Ông (bà): Trần Thị Bình      Chức vụ: Trưởng phòng Thu thập, bổ sung tài liệu');
    expect(text).toContain('Phông Sở Tài chính tỉnh Hưng Yên');
    expect(text).toContain('2 hộp (cặp), 19 hồ sơ');
    expect(text).toContain('0,25 mét giá (đo thực tế)');
    expect(text).toContain('Tình trạng vật lý của tài liệu giao nộp: Tài liệu còn tốt; một số tờ bị ố vàng');
    expect(text).toContain('Mục lục hồ sơ, tài liệu nộp lưu kèm theo: 02 bản');
    expect(text).toContain('lập thành 02 bản, mỗi bên giữ 01 bản');
    expect(text).not.toMatch(/[^0-9]2 bản/);
    expect(text).toContain('theo mục lục 20 hồ sơ; thiếu 1; thừa 0; hư hỏng 1; thực nhận 19 hồ sơ');
    expect(text).toContain('- Thiếu: Số TT 4, hồ sơ 04-TĐKT: Không có trong hộp');
    expect(text).toContain('Danh mục tài liệu hạn chế sử dụng (01 bản)');
    expect(text).toContain('ĐẠI DIỆN BÊN GIAO');
    expect(text).toContain('ĐẠI DIỆN BÊN NHẬN');
  });

  it('when received on or after 1 July 2025, then Luật Lưu trữ 2024 and TT 06/2025 are cited', async () => {
    const h = await approvedHandover(w, inventoryRows(5));
    expect((await w.staff.post(`/api/handovers/${h.id}/receive`, receiptBody({ handoverDate: '2025-07-01' }))).status).toBe(200);
    const text = await docText(h.id);
    expect(text).toContain('Căn cứ Luật Lưu trữ số 33/2024/QH15');
    expect(text).toContain('Thông tư số 06/2025/TT-BNV');
    expect(text).not.toContain('01/2011/QH13');
  });

  it('when staff type free text with or without a final stop or “Căn cứ”, then the record punctuates it once', async () => {
    const h = await newHandover(w, w.staff, { legalBasis: 'Công văn số 12/SNV-CCVTLT ngày 05/4/2026.\nCăn cứ Kế hoạch số 7/KH-UBND;' });
    await uploadRows(w, h.id, inventoryRows(5, { filesPerBox: 5 }));
    expect((await w.staff.patch(`/api/handovers/${h.id}`, { physicalCondition: 'Giấy giòn, ố vàng.' })).status).toBe(200);
    const text = await docText(h.id);
    expect(text).toContain('Căn cứ Công văn số 12/SNV-CCVTLT ngày 05/4/2026;');
    expect(text).toContain('Căn cứ Kế hoạch số 7/KH-UBND;');
    expect(text).not.toContain('Căn cứ Căn cứ');
    expect(text).toContain('Tình trạng vật lý của tài liệu giao nộp: Giấy giòn, ố vàng.\n');
  });

  it('when the handover does not exist, then 404', async () => {
    expect((await w.staff.get('/api/handovers/999999/record.docx')).status).toBe(404);
  });

  it('when rendered by LibreOffice (Liberation Serif), then the national heading is one line beside the organ, and the signature block never leaves the closing line or splits, however long the record', async () => {
    const docs: Buffer[] = [];
    for (const n of [0, 2, 4, 6, 8, 12]) {
      const h = await approvedHandover(w, inventoryRows(20, { filesPerBox: 10 }), { place: 'Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên' });
      const discrepancies = Array.from({ length: n }, (_, i) => ({ kind: 'damaged', rowNo: i + 1, description: 'Rách mép, ố vàng' }));
      expect((await w.staff.post(`/api/handovers/${h.id}/receive`, receiptBody({ handoverDate: '2026-02-05', discrepancies }))).status).toBe(200);
      const r = await w.staff.get(`/api/handovers/${h.id}/record.docx`);
      expect(r.status).toBe(200);
      docs.push(r.buffer);
    }
    const pdfs = await docxToPdf(docs);
    for (const [i, pdf] of pdfs.entries()) {
      const pages = await pdfTextPages(pdf);
      expect(pages.length).toBe(await pdfPages(pdf));
      if (i === 0) expect(pages.length).toBe(1);
      const first = pages[0].split('\n');
      expect(first.some((l) => /TRUNG TÂM LƯU TRỮ\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$/.test(l)), pages[0]).toBe(true);
      expect(first.some((l) => /Số: ……\/BB-GN\s+Hưng Yên, ngày 05 tháng 02 năm 2026\s*$/.test(l)), pages[0]).toBe(true);
      const signing = pages.findIndex((p) => p.includes('ĐẠI DIỆN BÊN GIAO'));
      expect(signing, `record ${i}`).toBeGreaterThanOrEqual(0);
      expect(pages[signing], `record ${i}: closing line with the signatures`).toContain('Biên bản này được lập thành 02 bản');
      expect(pages[signing], `record ${i}: names under the signatures`).toMatch(/^\s*Nguyễn Văn An\s+Trần Thị Bình\s*$/m);
      expect(signing, `record ${i}: signatures on the last page`).toBe(pages.length - 1);
    }
  }, 180_000);
});

describe('record date line (Nghị định 30/2020/NĐ-CP)', () => {
  it('when the centre is provincial, then the place name is the province; days below 10 and months 1–2 take a leading zero', () => {
    expect(placeNameOf('Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên')).toBe('Hưng Yên');
    expect(placeNameOf('Trung tâm Lưu trữ lịch sử thành phố Hà Nội')).toBe('Hà Nội');
    expect(placeNameOf('Trung tâm Lưu trữ lịch sử Thành phố Hồ Chí Minh')).toBe('Thành phố Hồ Chí Minh');
    expect(documentDate('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(documentDate('2026-11-22')).toBe('ngày 22 tháng 11 năm 2026');
    expect(documentDate('2026-03-09')).toBe('ngày 09 tháng 3 năm 2026');
  });
});
