import { describe, expect, it } from 'vitest';
import { decodeTcvn3, decodeVni, detectLegacy } from '../../../server/spreadsheet/legacy-encoding.js';

/** Latin-1 text from byte values, as a .VnTime / VNI-Times cell reaches us. */
const bytes = (...codes: (number | string)[]) => codes.map((c) => (typeof c === 'number' ? String.fromCharCode(c) : c)).join('');

describe('TCVN3 (TCVN 5712:1993)', () => {
  it('when a title is typed in .VnTime, then it reads as Unicode NFC Vietnamese', () => {
    expect(detectLegacy('Hå s¬ vÒ viÖc x©y dùng kÕ ho¹ch')).toEqual({ encoding: 'tcvn3', text: 'Hồ sơ về việc xây dựng kế hoạch' });
    expect(detectLegacy('Céng hoµ x· héi chñ nghÜa ViÖt Nam')?.text).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(detectLegacy('§éc lËp - Tù do - H¹nh phóc')?.text).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(detectLegacy('Uû ban nh©n d©n tØnh H­ng Yªn')?.text).toBe('Uỷ ban nhân dân tỉnh Hưng Yên');
    expect(detectLegacy('Së Tµi chÝnh, n¨m 2005: quyÕt to¸n ng©n s¸ch')?.text).toBe('Sở Tài chính, năm 2005: quyết toán ngân sách');
    expect(detectLegacy('§Ò ¸n ®µo t¹o c¸n bé ng­êi d©n téc')?.text).toBe('Đề án đào tạo cán bộ người dân tộc');
    expect(detectLegacy('Hå s¬ vÒ viÖc')!.text).toBe('Hồ sơ về việc'.normalize('NFC'));
  });

  it('when each vowel carries each of the five tones, then every byte maps to its letter', () => {
    const cases: [string, string][] = [
      [bytes('ba b', 0xb5, ' b', 0xb8, ' b', 0xb6, ' b', 0xb7, ' b', 0xb9), 'ba bà bá bả bã bạ'],
      [bytes('t', 0xa8, 'm t', 0xbb, 'm t', 0xbe, 'm t', 0xbc, 'm t', 0xbd, 'm t', 0xc6, 'm'), 'tăm tằm tắm tẳm tẵm tặm'],
      [bytes('c', 0xa9, 'n c', 0xc7, 'n c', 0xca, 'n c', 0xc8, 'n c', 0xc9, 'n c', 0xcb, 'n'), 'cân cần cấn cẩn cẫn cận'],
      [bytes('me m', 0xcc, ' m', 0xd0, ' m', 0xce, ' m', 0xcf, ' m', 0xd1), 'me mè mé mẻ mẽ mẹ'],
      [bytes('k', 0xaa, 'nh k', 0xd2, 'nh k', 0xd5, 'nh k', 0xd3, 'nh k', 0xd4, 'nh k', 0xd6, 'nh'), 'kênh kềnh kếnh kểnh kễnh kệnh'],
      [bytes('bi b', 0xd7, ' b', 0xdd, ' b', 0xd8, ' b', 0xdc, ' b', 0xde), 'bi bì bí bỉ bĩ bị'],
      [bytes('to t', 0xdf, ' t', 0xe3, ' t', 0xe1, ' t', 0xe2, ' t', 0xe4), 'to tò tó tỏ tõ tọ'],
      [bytes('c', 0xab, ' c', 0xe5, ' c', 0xe8, ' c', 0xe6, ' c', 0xe7, ' c', 0xe9), 'cô cồ cố cổ cỗ cộ'],
      [bytes('m', 0xac, ' m', 0xea, ' m', 0xed, ' m', 0xeb, ' m', 0xec, ' m', 0xee), 'mơ mờ mớ mở mỡ mợ'],
      [bytes('mu m', 0xef, ' m', 0xf3, ' m', 0xf1, ' m', 0xf2, ' m', 0xf4), 'mu mù mú mủ mũ mụ'],
      [bytes('t', 0xad, ' t', 0xf5, ' t', 0xf8, ' t', 0xf6, ' t', 0xf7, ' t', 0xf9), 'tư từ tứ tử tữ tự'],
      [bytes('ky k', 0xfa, ' k', 0xfd, ' k', 0xfb, ' k', 0xfc, ' k', 0xfe), 'ky kỳ ký kỷ kỹ kỵ'],
      [bytes(0xae, 'i ', 0xa7, 'i ', 0xa1, 'n ', 0xa2, 'n ', 0xa3, 'n ', 0xa4, 'n ', 0xa5, 'n ', 0xa6, 'n'), 'đi Đi Ăn Ân Ên Ôn Ơn Ưn'],
    ];
    for (const [legacy, unicode] of cases) expect(decodeTcvn3(legacy), unicode).toBe(unicode);
    expect(detectLegacy(cases[10][0])?.text).toBe('tư từ tứ tử tữ tự');
  });

  it('when a .VnTimeH cell is all capitals, then the converted letters are capitals too', () => {
    expect(detectLegacy('Hå S¬ VÒ VIÖC')?.text).toBe('HỒ SƠ VỀ VIỆC');
  });
});

describe('VNI-Windows', () => {
  it('when a title is typed in VNI-Times, then it reads as Unicode NFC Vietnamese', () => {
    expect(detectLegacy('Hoà sô veà vieäc xaây döïng keá hoaïch')).toEqual({ encoding: 'vni', text: 'Hồ sơ về việc xây dựng kế hoạch' });
    expect(detectLegacy('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')?.text).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(detectLegacy('Ñoäc laäp - Töï do - Haïnh phuùc')?.text).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(detectLegacy('Quyeát ñònh soá 12 cuûa UÛy ban nhaân daân tænh')?.text).toBe('Quyết định số 12 của Ủy ban nhân dân tỉnh');
    expect(detectLegacy('ngöôøi daân toäc, Naêm 2021')?.text).toBe('người dân tộc, Năm 2021');
    expect(detectLegacy('VIEÄT NAM')?.text).toBe('VIỆT NAM');
  });

  it('when each vowel carries each of the five tones, then the marks combine with it', () => {
    const cases: [string, string][] = [
      ['ba baø baù baû baõ baï', 'ba bà bá bả bã bạ'],
      ['taêm taèm taém taúm taüm taëm', 'tăm tằm tắm tẳm tẵm tặm'],
      ['caân caàn caán caån caãn caän', 'cân cần cấn cẩn cẫn cận'],
      ['me meø meù meû meõ meï', 'me mè mé mẻ mẽ mẹ'],
      ['keânh keành keánh keånh keãnh keänh', 'kênh kềnh kếnh kểnh kễnh kệnh'],
      ['bi bì bí bæ bó bò', 'bi bì bí bỉ bĩ bị'],
      ['coâ coà coá coå coã coä', 'cô cồ cố cổ cỗ cộ'],
      ['mô môø môù môû môõ môï', 'mơ mờ mớ mở mỡ mợ'],
      ['tö töø töù töû töõ töï', 'tư từ tứ tử tữ tự'],
      ['ky kyø kyù kyû kyõ kî', 'ky kỳ ký kỷ kỹ kỵ'],
      ['ñi Ñi AÊn AÂn EÂn OÂn Ôn Ön', 'đi Đi Ăn Ân Ên Ôn Ơn Ưn'],
    ];
    for (const [legacy, unicode] of cases) expect(decodeVni(legacy), unicode).toBe(unicode);
  });
});

describe('detection stays conservative', () => {
  it('when text is Unicode Vietnamese, plain ASCII or another Latin language, then it is left as written', () => {
    for (const text of [
      'Hồ sơ về việc xây dựng kế hoạch', 'Tài chính', 'chính', 'Bà Rá', 'Sở Nội vụ', 'Bản chính; có dấu đỏ', 'Lê Văn Đức',
      '01/TC-2005', 'ABC 123', 'Vinh vien', 'Société Générale', 'Müller & Söhne', 'café crème', 'São Paulo', 'Ø 12 mm', '',
      'Hồ sơ “Dự án” – 2005…',
    ]) expect(detectLegacy(text), text).toBeNull();
  });

  it('when a cell mixes Unicode Vietnamese with Latin-1 letters, then it is not converted', () => {
    expect(detectLegacy('Tài liệu Hå s¬')).toBeNull();
  });
});
