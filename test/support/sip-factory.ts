/**
 * Real deposit packages (SIP) for the deposit tests and the browser suite: PDF/A-2b made by the product's own writer
 * (ocr/export/pdfa.ts) from real page images (sharp, via ocr/image/render-text-page.ts) with an invisible text layer,
 * the inventory as a real XLSX (exceljs, the same columns as paper inventories), a SHA-256 manifest, and the ZIP
 * made by the product's ZIP writer (ocr/export/zip.ts). Byte-level patches make the broken packages a ZIP writer
 * would never produce (names without the UTF-8 flag, the encryption bit).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderTextPage } from '../../ocr/image/render-text-page.js';
import { pdfaDocument } from '../../ocr/export/pdfa.js';
import { searchablePdf, type PdfPage } from '../../ocr/export/pdf.js';
import { zip } from '../../ocr/export/zip.js';
import type { OcrLine, OcrPageResult, OcrWord } from '../../ocr/engine/types.js';
import { writeInventoryXlsx, type InventoryRow } from './inventory-factory.js';

export const ICC_PROFILE = '/usr/share/color/icc/ghostscript/srgb.icc';
const DPI = 100;
const A4 = [Math.round((210 / 25.4) * DPI), Math.round((297 / 25.4) * DPI)] as const;

export interface SipPage { title: string; lines: string[] }

/** The OCR result a text layer is written from: one line per text line, word boxes laid out like the page. */
function layerOf(page: SipPage): OcrPageResult {
  const words: OcrWord[] = [];
  const lines: OcrLine[] = [];
  const margin = Math.round((25 / 25.4) * DPI);
  const lineH = Math.round((13 / 72) * DPI * 1.5);
  const charW = (13 / 72) * DPI * 0.5;
  [page.title, ...page.lines].forEach((text, k) => {
    const y0 = margin + k * lineH;
    let x = margin;
    const first = words.length;
    for (const t of text.split(/\s+/).filter(Boolean)) {
      const w = Math.max(4, Math.round(t.length * charW));
      words.push({ t: t.normalize('NFC'), c: 95, b: [x, y0, x + w, y0 + lineH - 4] });
      x += w + Math.round(charW);
    }
    if (words.length > first) lines.push({ b: [margin, y0, x, y0 + lineH - 4], w: [first, words.length] });
  });
  return {
    text: [page.title, ...page.lines].join('\n'), confidence: 95, words, lines, engine: 'sip-factory (văn bản gốc)', width: A4[0], height: A4[1],
  };
}

async function pdfPages(pages: SipPage[], opts: { textLayer?: boolean } = {}): Promise<PdfPage[]> {
  const out: PdfPage[] = [];
  for (const p of pages) {
    const image = await renderTextPage({ title: p.title, paragraphs: p.lines, format: 'png', dpi: DPI });
    const page = opts.textLayer === false ? { ...layerOf(p), text: '', words: [], lines: [] } : layerOf(p);
    out.push({ page, image, dpi: DPI });
  }
  return out;
}

/** A PDF/A-2b as the product writes it; `textLayer: false` = a scan-only PDF/A (fails the self-check: no text). */
export async function makePdfa(title: string, identifier: string, pages: SipPage[], opts: { textLayer?: boolean; icc?: Buffer } = {}): Promise<Buffer> {
  return pdfaDocument(await pdfPages(pages, opts), {
    title, identifier, creator: 'Văn thư cơ quan (sip-factory)', createdAt: new Date('2026-11-20T08:00:00+07:00'),
    documentId: crypto.randomBytes(16).toString('hex'), iccProfile: opts.icc ?? fs.readFileSync(ICC_PROFILE),
  });
}

/** A searchable PDF that does not claim PDF/A (no pdfaid, no OutputIntent). */
export async function makePlainPdf(title: string, pages: SipPage[]): Promise<Buffer> {
  return searchablePdf(await pdfPages(pages), { title });
}

export interface SipFile { row: InventoryRow; pages: SipPage[] }

/** Rows as an agency types them for a digital deposit: permanent files, no boxes. */
export function sipRows(n: number, tag = 'NL'): SipFile[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const year = 2008 + (k % 15);
    const title = `Hồ sơ quyết toán ngân sách tỉnh Hưng Yên năm ${year}`;
    return {
      row: {
        stt: i, fileNotation: `${String(i).padStart(2, '0')}-${tag}`, title, startDate: `05/01/${year}`, endDate: `28/12/${year}`,
        retention: 'Vĩnh viễn', sheets: 2, boxNo: null, accessLevel: 'Không hạn chế', notes: null,
      },
      pages: [
        { title: `QUYẾT TOÁN NGÂN SÁCH NĂM ${year}`, lines: [`Sở Tài chính tỉnh Hưng Yên báo cáo quyết toán thu chi ngân sách năm ${year}.`, `Mã tra cứu nộp lưu ${tag}${i}X${year}.`] },
        { title: 'PHỤ LỤC', lines: [`Biểu tổng hợp số liệu thu ngân sách địa phương năm ${year}.`] },
      ],
    };
  });
}

export type SipEntries = Map<string, Buffer>;

/** The package's files (name → bytes) before the manifest: the inventory and one PDF/A per row. */
export async function sipEntries(files: SipFile[], opts: { inventoryName?: string } = {}): Promise<SipEntries> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-'));
  try {
    const xlsx = await writeInventoryXlsx(path.join(dir, 'muc-luc.xlsx'), files.map((f) => f.row));
    const entries: SipEntries = new Map([[opts.inventoryName ?? 'muc-luc.xlsx', fs.readFileSync(xlsx)]]);
    for (const f of files) entries.set(`data/${f.row.stt}.pdf`, await makePdfa(String(f.row.title), String(f.row.fileNotation), f.pages));
    return entries;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** manifest-sha256.txt of the given entries ("<sha256>  <path>" per line). */
export function manifestOf(entries: SipEntries): Buffer {
  return Buffer.from([...entries].map(([name, data]) => `${sha256(data)}  ${name}\n`).join(''), 'utf8');
}

/** The ZIP of the entries, with a manifest computed from them unless `manifest` is given (or null = none). */
export async function packSip(entries: SipEntries, manifest: Buffer | null | undefined = undefined): Promise<Buffer> {
  const all: { name: string; data: Buffer }[] = [];
  const m = manifest === undefined ? manifestOf(entries) : manifest;
  if (m) all.push({ name: 'manifest-sha256.txt', data: m });
  for (const [name, data] of entries) all.push({ name, data });
  return zip(all);
}

/** A whole valid package of `n` files. */
export async function validSip(n = 2, tag = 'NL'): Promise<{ zip: Buffer; files: SipFile[] }> {
  const files = sipRows(n, tag);
  return { zip: await packSip(await sipEntries(files)), files };
}

/**
 * Patches the general-purpose flags of the named entry in both its local and its central header (bit 0 =
 * encrypted, bit 11 = UTF-8 name): what other ZIP tools write and ours never does.
 */
export function patchZipFlags(buf: Buffer, name: string, change: (flags: number) => number): Buffer {
  const out = Buffer.from(buf);
  const raw = Buffer.from(name, 'utf8');
  let hits = 0;
  for (let i = 0; i < out.length - 46; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.readUInt16LE(i + 26) === raw.length && out.subarray(i + 30, i + 30 + raw.length).equals(raw)) {
      out.writeUInt16LE(change(out.readUInt16LE(i + 6)), i + 6);
      hits++;
    } else if (sig === 0x02014b50 && out.readUInt16LE(i + 28) === raw.length && out.subarray(i + 46, i + 46 + raw.length).equals(raw)) {
      out.writeUInt16LE(change(out.readUInt16LE(i + 8)), i + 8);
      hits++;
    }
  }
  if (hits !== 2) throw new Error(`patchZipFlags: "${name}" found ${hits} times, expected 2`);
  return out;
}

const xmlText = (v: unknown) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The package's files with METS.xml (TT 05 blocks, fileSec with SHA-256) instead of the spreadsheet. `tamper`
 * edits the XML text before it is packed (a wrong code, a missing title).
 */
export async function sipMetsEntries(files: SipFile[], tamper: (xml: string) => string = (x) => x): Promise<SipEntries> {
  const entries: SipEntries = new Map();
  const pdfs = new Map<number, Buffer>();
  for (const f of files) pdfs.set(Number(f.row.stt), await makePdfa(String(f.row.title), String(f.row.fileNotation), f.pages));
  const TT = 'urn:kho-luu-tru:ns:tt05-hoso:1';
  const dmd = files.map((f, i) => {
    const r = f.row;
    const opt = (name: string, v: unknown) => (v === null || v === undefined ? '' : `<${name}>${xmlText(v)}</${name}>`);
    return `<mets:dmdSec ID="dmd-${i + 1}"><mets:mdWrap MDTYPE="OTHER" OTHERMDTYPE="TT05"><mets:xmlData><hoSo xmlns="${TT}">` +
      opt('soKyHieuHoSo', r.fileNotation) + opt('tieuDeHoSo', r.title) + opt('thoiGianBatDau', r.startDate) + opt('thoiGianKetThuc', r.endDate) +
      opt('thoiHanBaoQuan', r.retention) + opt('soLuongTo', r.sheets) + opt('cheDoSuDung', r.accessLevel === 'Hạn chế' ? 'Hạn chế sử dụng' : 'Sử dụng rộng rãi') +
      opt('ghiChu', r.notes) + opt('doMat', r.secrecy) +
      `<thoiHanLuuTru ma="permanent">Vĩnh viễn</thoiHanLuuTru><mucDoTiepCan ma="01">Tiếp cận rộng rãi</mucDoTiepCan>` +
      `</hoSo></mets:xmlData></mets:mdWrap></mets:dmdSec>`;
  }).join('');
  const fileSec = files.map((f) => {
    const n = Number(f.row.stt);
    const data = pdfs.get(n)!;
    return `<mets:file ID="file-${n}" MIMETYPE="application/pdf" SIZE="${data.length}" CHECKSUMTYPE="SHA-256" CHECKSUM="${sha256(data)}">` +
      `<mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="ho-so/${xmlText(f.row.fileNotation)}.pdf"/></mets:file>`;
  }).join('');
  const divs = files.map((f, i) => `<mets:div ID="div-${i + 1}" TYPE="hồ sơ" ORDER="${f.row.stt}" DMDID="dmd-${i + 1}"><mets:fptr FILEID="file-${f.row.stt}"/></mets:div>`).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" TYPE="SIP" PROFILE="TT05">` +
    `<mets:metsHdr CREATEDATE="2026-11-20T08:00:00+07:00"><mets:agent ROLE="CREATOR" TYPE="ORGANIZATION"><mets:name>Sở Tài chính tỉnh Hưng Yên</mets:name></mets:agent></mets:metsHdr>` +
    `${dmd}<mets:fileSec><mets:fileGrp USE="Preservation">${fileSec}</mets:fileGrp></mets:fileSec>` +
    `<mets:structMap TYPE="physical"><mets:div TYPE="gói nộp lưu">${divs}</mets:div></mets:structMap></mets:mets>\n`;
  entries.set('METS.xml', Buffer.from(tamper(xml), 'utf8'));
  for (const f of files) entries.set(`ho-so/${f.row.fileNotation}.pdf`, pdfs.get(Number(f.row.stt))!);
  return entries;
}
