/** Scans for the page-quality tests, made with sharp at test time: one readable, one the engine misreads, one blank. */
import { sharp } from '../../../ocr/image/sharp.js';
import { pagePng, textSvg } from './digitization-fixtures.js';

export const QUALITY_LINES = ['BIÊN BẢN GIAO NHẬN TÀI LIỆU', 'Tỉnh Hưng Yên năm 2010', 'Số lượng hồ sơ: 137 hộp', 'Ủy ban nhân dân huyện Kim Động'];

export const cleanPng = () => pagePng(QUALITY_LINES);

/**
 * The same text printed small, shrunk to a sixth and blurred, then blown back up: tesseract.js reads it with many
 * wrong letters (measured: mean word confidence 59, 42 % of words under 60; the clean page: 94.8 and 0 %).
 */
export async function garbledPng() {
  const small = await sharp(textSvg(QUALITY_LINES, 1200, 800, 40)).removeAlpha().extractChannel(0).png().toBuffer();
  return sharp(await sharp(small).resize(200).blur(0.8).png().toBuffer()).resize(1200).withDensity(300).png().toBuffer();
}

export const blankPng = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 238, g: 238, b: 238 } } }).greyscale().withDensity(300).png().toBuffer();

/** Two printed lines above a hand-drawn figure: ink that no recognised word covers. */
export async function textAndDrawingPng() {
  const curves = Array.from({ length: 14 }, (_, i) => `<path d="M ${80 + i * 70} ${420 + (i % 4) * 70} q 120 ${90 - (i % 3) * 80} 240 0 t 200 ${(i % 5) * 30}" stroke="#222" stroke-width="10" fill="none"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="100%" height="100%" fill="#fff"/>`
    + `<text x="60" y="110" font-family="DejaVu Serif" font-size="48">SƠ ĐỒ KHO LƯU TRỮ</text>`
    + `<text x="60" y="190" font-family="DejaVu Serif" font-size="48">Tỉnh Hưng Yên năm 2010</text>${curves}</svg>`;
  return sharp(Buffer.from(svg)).removeAlpha().extractChannel(0).withDensity(300).png().toBuffer();
}
