import { describe, expect, it } from 'vitest';
import {
  fold, trimNoise, parseDateLine, parseLeftBlock, parseNumberLine, parseRightBlock, parseTitleZone, repairOrganName, type TextLine,
} from '../../../ocr/documents/fields.js';
import { isDocumentStart } from '../../../ocr/documents/first-page.js';

let y = 0;
/** A line at a given horizontal span, each one below the last (line height 60, spacing 20). */
const line = (text: string, x0 = 300, x1 = 900, conf = 90, gapBefore = 20): TextLine => {
  y += gapBefore;
  const l: TextLine = { text, box: [x0, y, x1, y + 60], conf };
  y += 60;
  return l;
};

describe('number and notation', () => {
  it('when the line reads "Số: 458/QĐ-UBND", then the number is 458 and the notation QĐ-UBND, with the line box', () => {
    const l = line('Số: 458/QĐ-UBND');
    const r = parseNumberLine(l);
    expect(r.codeNumber).toMatchObject({ value: '458', box: l.box, confidence: 90 });
    expect(r.codeNotation.value).toBe('QĐ-UBND');
  });

  it('when OCR puts spaces round the slash, reads Ð (eth) for Đ or ; for the colon, then the fields are still exact', () => {
    expect(parseNumberLine(line('Số; 12 / \u00D0-UBND')).codeNotation.value).toBe('Đ-UBND');
    expect(parseNumberLine(line('Sô: 315/TTLTLS-NV')).codeNumber.value).toBe('315');
  });

  it('when the line is not a number line, then nothing is proposed', () => {
    expect(parseNumberLine(line('Sở Nội vụ tỉnh')).codeNumber).toEqual({ value: null, box: null, confidence: 0 });
  });
});

describe('place and date', () => {
  it('when the line reads "Hưng Yên, ngày 23 tháng 9 năm 2024", then the date is ISO and the place is before the comma', () => {
    const r = parseDateLine(line('Hưng Yên, ngày 23 tháng 9 năm 2024'));
    expect([r.issuedDate.value, r.place.value]).toEqual(['2024-09-23', 'Hưng Yên']);
  });

  it('when a speck joins the month to "năm" or the tone of "ngày" is misread, then the date is still read', () => {
    expect(parseDateLine(line('Hưng Yên, ngày 14 tháng 3.năm 2021')).issuedDate.value).toBe('2021-03-14');
    expect(parseDateLine(line('Văn Lâm, ngảy 04 tháng 01 năm 2023')).issuedDate.value).toBe('2023-01-04');
  });

  it('when the day does not exist (31 tháng 2), then no date is proposed but the place is', () => {
    const r = parseDateLine(line('Hà Nội, ngày 31 tháng 2 năm 2020'));
    expect([r.issuedDate.value, r.place.value]).toEqual([null, 'Hà Nội']);
  });
});

describe('header blocks', () => {
  it('when the organ is under its parent (UBND TỈNH HƯNG YÊN / SỞ NỘI VỤ), then they are parent and organ', () => {
    const r = parseLeftBlock([line('UBND TỈNH HƯNG YÊN'), line('SỞ NỘI VỤ'), line('—'), line('Số: 321/KH-SNV')]);
    expect([r.parentOrgan.value, r.organName.value, r.codeNumber.value, r.codeNotation.value]).toEqual(['UBND TỈNH HƯNG YÊN', 'SỞ NỘI VỤ', '321', 'KH-SNV']);
    expect([r.hasOrganBlock, r.hasNumberLine]).toEqual([true, true]);
  });

  it('when the organ name runs over two lines (ỦY BAN NHÂN DÂN TỈNH / HƯNG YÊN), then it is one organ without parent', () => {
    const r = parseLeftBlock([line('ỦY BAN NHÂN DÂN TỈNH'), line('HƯNG YÊN'), line('Số: 458/QĐ-UBND')]);
    expect([r.parentOrgan.value, r.organName.value]).toEqual([null, 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN']);
  });

  it('when a công văn has "V/v …" under the number over two lines, then the subject is joined without V/v', () => {
    const r = parseLeftBlock([line('SỞ NỘI VỤ TỈNH HƯNG YÊN'), line('TRUNG TÂM LƯU TRỮ LỊCH SỬ'), line('Số: 315/TTLTLS-NV'), line('V/v phần mềm một cửa'), line('điện tử')]);
    expect(r.vvSubject.value).toBe('phần mềm một cửa điện tử');
    expect(r.organName.value).toBe('TRUNG TÂM LƯU TRỮ LỊCH SỬ');
  });

  it('when blur drops the hook of TỈNH (TÍNH, TĨNH), then the organ name is repaired, but Hà Tĩnh is kept', () => {
    expect(repairOrganName('ỦY BAN NHÂN DÂN TÍNH HƯNG YÊN')).toBe('ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN');
    expect(repairOrganName('SỞ NỘI VỤ TĨNH HÀ TĨNH')).toBe('SỞ NỘI VỤ TỈNH HÀ TĨNH');
  });

  it('when the right block holds the motto and the date, then both are found; prose alone is no motto', () => {
    const r = parseRightBlock([line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), line('Độc lập - Tự do - Hạnh phúc'), line('Hưng Yên, ngày 06 tháng 6 năm 2018')]);
    expect([r.hasMotto, r.issuedDate.value, r.place.value]).toEqual([true, '2018-06-06', 'Hưng Yên']);
    expect(parseRightBlock([line('Tổng hợp báo cáo cải cách hành chính')]).hasMotto).toBe(false);
  });
});

describe('type and subject under the header', () => {
  it('when the type and a two-line subject are centred and the body follows after a wider space, then the body is left out', () => {
    y = 0;
    const lines = [line('QUYẾT ĐỊNH', 1100, 1500), line('Về việc luân chuyển cán bộ trong hệ thống', 700, 1900), line('cơ sở trên địa bàn tỉnh', 950, 1650), line('Tuyên truyền, triển khai chủ trương', 450, 2250, 90, 80)];
    const r = parseTitleZone(lines, 1300, 50, 1900);
    expect(r.typeName.value).toBe('QUYẾT ĐỊNH');
    expect(r.subject.value).toBe('luân chuyển cán bộ trong hệ thống cơ sở trên địa bàn tỉnh');
    expect(r.subject.box).toEqual([700, lines[1].box[1], 1900, lines[2].box[3]]);
  });

  it('when the first line under the header is body text (a công văn), then no type is proposed', () => {
    const r = parseTitleZone([line('- Nhận thức của đội ngũ cán bộ, công chức', 450, 2250)], 1300, 50, 1900);
    expect(r.typeName.value).toBeNull();
  });
});

describe('document start and folding', () => {
  it('when two of motto, organ block and number line are seen, then the page opens a document; one alone does not', () => {
    expect(isDocumentStart({ motto: true, organBlock: false, numberLine: true })).toBe(true);
    expect(isDocumentStart({ motto: false, organBlock: false, numberLine: true })).toBe(false);
  });

  it('when text is decomposed or has runs of spaces, then fold gives NFC with single spaces', () => {
    expect(fold('  Hưng   Yên '.normalize('NFD'))).toBe('Hưng Yên');
  });

  it('when a speck or the page edge is read as "|" or "\'" at a line end, then it is dropped; "- 2025" inside is kept', () => {
    expect(trimNoise('| KẾ HOẠCH')).toBe('KẾ HOẠCH');
    expect(trimNoise("của huyện '")).toBe('của huyện');
    expect(trimNoise('giai đoạn 2021 - 2025')).toBe('giai đoạn 2021 - 2025');
  });
});
