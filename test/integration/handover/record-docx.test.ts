import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { inventoryRows } from '../../support/inventory-factory.js';
import { approvedHandover, newHandover, receiptBody, seedWorld, uploadRows, type World } from './fixture.js';

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
    const h = await newHandover(w, w.staff, { deliveringName: 'Nguyễn Văn An', deliveringPosition: 'Chánh Văn phòng', place: 'Hưng Yên' });
    await uploadRows(w, h.id, inventoryRows(25, { filesPerBox: 10 }));
    const text = await docText(h.id);
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Hưng Yên, ngày 22 tháng 11 năm 2026');
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
    expect(text).toContain('Thành phố Hưng Yên, ngày 20 tháng 6 năm 2025');
    expect(text).toContain('Căn cứ Quyết định số 45/QĐ-SNV ngày 10/6/2026 của Sở Nội vụ phê duyệt Danh mục hồ sơ, tài liệu nộp lưu');
    expect(text).toContain('Ông (bà): Trần Thị Bình      Chức vụ: Trưởng phòng Thu thập, bổ sung tài liệu');
    expect(text).toContain('Phông Sở Tài chính tỉnh Hưng Yên');
    expect(text).toContain('2 hộp (cặp), 19 hồ sơ');
    expect(text).toContain('0,25 mét giá (đo thực tế)');
    expect(text).toContain('Tình trạng vật lý của tài liệu giao nộp: Tài liệu còn tốt; một số tờ bị ố vàng');
    expect(text).toContain('Mục lục hồ sơ, tài liệu nộp lưu kèm theo: 2 bản');
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
});
