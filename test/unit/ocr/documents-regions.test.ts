/**
 * Header segmentation from the ink profile (ocr/documents/page-regions.ts) on pages rendered here with sharp: the
 * Nghị định 30 two-column header, the same page skewed, a header whose first line runs both columns together with one
 * word space, and a prose page with a centred title (no header).
 */
import { describe, expect, it } from 'vitest';
import { sharp } from '../../../ocr/image/sharp.js';
import { findPageRegions } from '../../../ocr/documents/page-regions.js';

const W = 1240;
const H = 1754;
const text = (x: number, y: number, s: string, anchor = 'middle', size = 26, weight = 'normal') =>
  `<text x="${x}" y="${y}" text-anchor="${anchor}" font-family="DejaVu Serif" font-size="${size}" font-weight="${weight}">${s}</text>`;
const BODY = Array.from({ length: 14 }, (_, i) =>
  text(170, 560 + i * 42, 'Tiếp tục tham mưu triển khai thực hiện tốt các phong trào thi đua giai đoạn 2021 - 2025 của tỉnh', 'start', 24)).join('');

function page(header: string, opts: { rotate?: number } = {}) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="#f4f1ea"/>${header}${BODY}</svg>`;
  let img = sharp(Buffer.from(svg)).greyscale();
  if (opts.rotate) img = img.rotate(opts.rotate, { background: '#f4f1ea' });
  return img.png().toBuffer();
}

const HEADER = [
  text(380, 130, 'UBND HUYỆN VĂN LÂM'), text(380, 172, 'PHÒNG NỘI VỤ', 'middle', 26, 'bold'), text(380, 235, 'Số: 148/BC-PNV'),
  text(840, 130, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'middle', 25, 'bold'), text(840, 172, 'Độc lập - Tự do - Hạnh phúc', 'middle', 26, 'bold'),
  text(840, 235, 'Văn Lâm, ngày 04 tháng 01 năm 2023'),
  text(650, 330, 'BÁO CÁO', 'middle', 30, 'bold'), text(650, 372, 'Công tác cải cách hành chính năm 2023', 'middle', 26, 'bold'),
].join('');

describe('header regions from the ink profile', () => {
  it('when a page has the two-column header, then the left and right blocks split in the gap and the title zone starts below them', async () => {
    const r = await findPageRegions(await page(HEADER), 0, 1e8);
    expect(r.left && r.right && r.title).toBeTruthy();
    // The gap lies between the left column's end (~530) and the motto's start (~610).
    expect(r.left![2]).toBeGreaterThan(480);
    expect(r.right![0]).toBeLessThan(640);
    expect(r.left![2]).toBeLessThanOrEqual(r.right![0]);
    // The header ends above the type (baseline 330, cap height ~22) and holds the number line (baseline 235).
    expect(r.left![3]).toBeGreaterThan(235);
    expect(r.left![3]).toBeLessThan(305);
    expect(r.title![1]).toBeLessThan(305);
  });

  it('when the page is skewed by 1.5°, then the header is still found as two blocks', async () => {
    const r = await findPageRegions(await page(HEADER, { rotate: 1.5 }), 0, 1e8);
    expect(r.left).not.toBeNull();
    expect(r.right![0] - r.left![2]).toBeGreaterThanOrEqual(0);
  });

  it('when the first header line runs organ and motto together (a space too narrow to be a column gap), then the cut falls in that space', async () => {
    // 22 px apart, under the 2.5 % of page width a column gap needs, wider than the ~8 px word spaces (as on fixture page-02).
    const joined = HEADER.replace(text(380, 130, 'UBND HUYỆN VĂN LÂM'), text(594, 130, 'UBND TỈNH HƯNG YÊN', 'end'))
      .replace(text(840, 130, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'middle', 25, 'bold'), text(616, 130, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'start', 25, 'bold'))
      // The date stays right of that space, as one vertical cut must separate every header line.
      .replace(text(840, 235, 'Văn Lâm, ngày 04 tháng 01 năm 2023'), text(900, 235, 'Văn Lâm, ngày 04 tháng 01 năm 2023'));
    const r = await findPageRegions(await page(joined), 0, 1e8);
    expect(r.left).not.toBeNull();
    expect(r.left![2]).toBeGreaterThanOrEqual(590);
    expect(r.right![0]).toBeLessThanOrEqual(620);
  });

  it('when the page opens with a centred title and prose, then no header is found', async () => {
    const prose = [text(650, 130, 'BÁO CÁO', 'middle', 30, 'bold'), text(650, 170, 'Kết quả công tác cải cách hành chính năm 2021', 'middle', 26, 'bold')].join('');
    const r = await findPageRegions(await page(prose), 0, 1e8);
    expect([r.left, r.right, r.title]).toEqual([null, null, null]);
  });
});
