/**
 * The certification page (trang chứng thực) attached to a certified copy: the centre, the register number, what was
 * copied, for whom, and room for the signature and seal. Vietnamese text in the embedded DejaVu fonts.
 */
import { A4, MM, createPrintDoc, drawLine, drawWrapped, savePdf } from '../print/pdf.js';
import { vnLongDate } from '../core/time/index.js';

export interface CertificationPage {
  centre: string;
  place: string;
  year: number;
  number: number;
  day: string;
  readerName: string;
  requestLabel: string;
  files: { notation: string; title: string; pages: string }[];
  pages: number;
  signerTitle: string;
}

export async function certificationPdf(c: CertificationPage): Promise<Buffer> {
  const p = await createPrintDoc({ title: `Chứng thực bản sao số ${c.number}/${c.year}`, author: c.centre });
  const page = p.doc.addPage([A4.width, A4.height]);
  const { regular, bold } = p.fonts;
  const left = 20 * MM;
  const width = A4.width - 40 * MM;
  let y = A4.height - 25 * MM;
  drawLine(page, c.centre.toUpperCase(), { x: left, y, width: width / 2, font: bold, size: 10 });
  drawLine(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { x: left + width / 2, y, width: width / 2, font: bold, size: 10, align: 'center' });
  y -= 14;
  drawLine(page, `Số chứng thực: ${c.number}/${c.year}`, { x: left, y, width: width / 2, font: regular, size: 10 });
  drawLine(page, 'Độc lập - Tự do - Hạnh phúc', { x: left + width / 2, y, width: width / 2, font: bold, size: 10, align: 'center' });
  y -= 40;
  drawLine(page, 'CHỨNG THỰC BẢN SAO TÀI LIỆU LƯU TRỮ', { x: left, y, width, font: bold, size: 14, align: 'center' });
  y -= 30;
  const para = (text: string, size = 11) => {
    y = drawWrapped(page, text, { x: left, y, width, font: regular, size }) - 6;
  };
  para(`${c.centre} chứng thực bản sao dưới đây đúng với bản chính tài liệu lưu trữ đang bảo quản tại kho lưu trữ.`);
  para(`Cấp cho: ${c.readerName}, theo phiếu yêu cầu số ${c.requestLabel}.`);
  for (const f of c.files) para(`- Hồ sơ ${f.notation}: ${f.title} (${f.pages}).`, 10);
  para(`Tổng số trang sao: ${c.pages}.`);
  para(`Vào sổ chứng thực số ${c.number}, năm ${c.year}.`);
  y -= 20;
  drawLine(page, `${c.place}, ${vnLongDate(c.day)}`, { x: left + width / 2, y, width: width / 2, font: regular, size: 11, align: 'center' });
  y -= 16;
  drawLine(page, c.signerTitle.toUpperCase(), { x: left + width / 2, y, width: width / 2, font: bold, size: 11, align: 'center' });
  y -= 14;
  drawLine(page, '(Ký, ghi rõ họ tên và đóng dấu)', { x: left + width / 2, y, width: width / 2, font: regular, size: 9, align: 'center' });
  return savePdf(p);
}
