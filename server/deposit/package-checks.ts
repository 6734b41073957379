/**
 * The content checks of an unpacked package, all run and all reported: the manifest (every file listed, nothing
 * extra, SHA-256 equal), the inventory (read by the one import kernel, with the paper inventory's columns), each
 * row's rules for a digital deposit (permanent retention, no secrecy mark), each PDF (a PDF, claiming PDF/A, passing
 * the product's PDF/A-2b self-check, within the page limit, no secrecy stamp in its text), and rows ↔ PDFs.
 *
 * Package layout (README "Nộp lưu tài liệu số"):
 *   manifest-sha256.txt   "<sha256>  <path>" per file, every file but itself
 *   muc-luc.xlsx          the inventory (Mục lục hồ sơ), any name ending .xlsx at the root
 *   data/<Số TT>.pdf      one PDF/A per file (hồ sơ), named by its row number (1.pdf, 001.pdf)
 * or, instead of the spreadsheet, METS.xml with TT 05 blocks (mets-inventory.ts), whose divs point at the PDFs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.js';
import { DEPOSIT_PROBLEM as P, type DepositProblem } from '../core/errors-deposit.js';
import { viNumber } from '../core/numbers.js';
import { readTable, type Table } from '../spreadsheet/read-table.js';
import { parseInventory, type InventoryContext } from '../handover/inventory/parse-inventory.js';
import type { InventoryRecord } from '../handover/inventory/types.js';
import { selfCheckPdfa, type PdfaCheckResult } from '../archive/pdfa-check.js';
import { readPdfaParts } from '../../ocr/export/pdfa.js';
import type { PackageEntry } from './zip-reader.js';
import { pageTexts } from './pdf-tools.js';
import { readMetsInventory } from './mets-inventory.js';

export const MANIFEST = 'manifest-sha256.txt';
export const METS = 'METS.xml';

export interface CheckedPdf {
  entry: PackageEntry;
  record: InventoryRecord;
  pages: number;
  check: PdfaCheckResult;
}

export interface CheckContext {
  inventory: Omit<InventoryContext, 'mode'>;
  maxRows: number;
  maxPdfPages: number;
  tmpDir: string;
}

/** A stamped secrecy mark stands alone on its line (a heading "BẢO MẬT THÔNG TIN" is not one). */
const SECRET_LINE = /^\s*(TUYỆT MẬT|TỐI MẬT|MẬT)\s*$/mu;

function readManifest(entry: PackageEntry, problems: DepositProblem[]): Map<string, string> {
  const listed = new Map<string, string>();
  const text = fs.readFileSync(entry.file, 'utf8').replace(/^\uFEFF/, '');
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^([0-9a-fA-F]{64})\s+\*?(.+)$/.exec(line.trim());
    if (!m) {
      problems.push({ file: MANIFEST, field: `dòng ${i + 1}`, code: P.manifestLine, message: 'Dòng không đúng dạng "<SHA-256 64 ký tự hex>  <đường dẫn>".' });
      return;
    }
    const name = m[2]!.normalize('NFC');
    if (listed.has(name)) {
      problems.push({ file: MANIFEST, field: `dòng ${i + 1}`, code: P.manifestLine, message: `Tệp "${name}" được liệt kê hai lần.` });
      return;
    }
    listed.set(name, m[1]!.toLowerCase());
  });
  return listed;
}

/** "Dòng 3" of a spreadsheet; "Hồ sơ thứ 2" of a METS (its rows are numbered from 2 like a sheet under its header). */
const rowLabel = (row: number, mets: boolean) => (mets ? `Hồ sơ thứ ${row - 1}` : `Dòng ${row}`);

function parseRows(entry: PackageEntry, table: Table, ctx: CheckContext, problems: DepositProblem[], mets: boolean): InventoryRecord[] {
  // The register's rules: a digital deposit has no boxes, everything else is the paper inventory's.
  const parsed = parseInventory(table, { ...ctx.inventory, mode: 'register' });
  for (const p of parsed.problems) {
    // The kernel itself refuses a non-permanent retention (a handover rule); the deposit names it by its own code.
    const code = /vĩnh viễn/u.test(p.message) && p.column !== null && /thời hạn/iu.test(p.column) ? P.retentionNotPermanent : P.metadataInvalid;
    problems.push({ file: entry.name, field: p.column, code, message: p.row ? `${rowLabel(p.row, mets)}: ${p.message}` : p.message });
  }
  return parsed.problems.length ? [] : parsed.records;
}

async function readInventory(entry: PackageEntry, ctx: CheckContext, problems: DepositProblem[]): Promise<InventoryRecord[]> {
  try {
    return parseRows(entry, await readTable(entry.file, { maxRows: ctx.maxRows }), ctx, problems, false);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problems.push({ file: entry.name, field: null, code: P.metadataInvalid, message: err.message });
    return [];
  }
}

function recordRules(entry: PackageEntry, records: InventoryRecord[], problems: DepositProblem[]) {
  for (const r of records) {
    if (!r.permanent) {
      problems.push({ file: entry.name, field: 'Thời hạn bảo quản', code: P.retentionNotPermanent,
        message: `${rowLabel(r.sourceRow, entry.name === METS)} (Số TT ${r.rowNo}, hồ sơ ${r.fileNotation}): thời hạn bảo quản "${r.retention}"; chỉ nộp lưu hồ sơ bảo quản vĩnh viễn.` });
    }
    if (r.secrecy) {
      problems.push({ file: entry.name, field: 'Độ mật', code: P.secretMark,
        message: `${rowLabel(r.sourceRow, entry.name === METS)} (Số TT ${r.rowNo}, hồ sơ ${r.fileNotation}): hồ sơ có độ mật; tài liệu mật không nộp lưu qua cổng số.` });
    }
  }
}

async function checkPdf(entry: PackageEntry, ctx: CheckContext, problems: DepositProblem[]): Promise<{ pages: number; check: PdfaCheckResult } | null> {
  const fail = (field: string, code: string, message: string) => { problems.push({ file: entry.name, field, code, message }); return null; };
  const fd = await fs.promises.open(entry.file, 'r');
  const head = Buffer.alloc(5);
  await fd.read(head, 0, 5, 0);
  await fd.close();
  if (head.toString('latin1') !== '%PDF-') return fail('định dạng', P.notPdf, 'Tệp không phải PDF (không bắt đầu bằng "%PDF-").');
  // One PDF at a time in memory, bounded by the package limits: pdf-lib and the self-check read it whole.
  const pdf = await fs.promises.readFile(entry.file);
  let parts: Awaited<ReturnType<typeof readPdfaParts>>;
  try {
    parts = await readPdfaParts(pdf);
  } catch (err) {
    return fail('định dạng', P.notPdf, `Không đọc được PDF (${(err as Error).message}).`);
  }
  if (!/pdfaid:part/.test(parts.xmp ?? '')) return fail('pdfaid', P.notPdfa, 'PDF không khai báo PDF/A (thiếu pdfaid trong XMP); chỉ nhận PDF/A.');
  if (parts.pages > ctx.maxPdfPages) return fail('số trang', P.tooManyPages, `PDF có ${viNumber(parts.pages)} trang, vượt giới hạn ${viNumber(ctx.maxPdfPages)} trang.`);
  const texts = await pageTexts(entry.file, parts.pages);
  const check = await selfCheckPdfa(pdf, texts, ctx.tmpDir);
  if (!check.passed) {
    const failed = check.checks.filter((c) => !c.ok);
    return fail(failed.map((c) => c.name).join(', '), P.pdfaCheckFailed, `Không qua tự kiểm tra PDF/A-2b: ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}.`);
  }
  const stamped = texts.findIndex((t) => SECRET_LINE.test(t));
  if (stamped >= 0) return fail('lớp chữ', P.secretMark, `Trang ${stamped + 1} có dấu độ mật ("${SECRET_LINE.exec(texts[stamped]!)![1]}"); tài liệu mật không nộp lưu qua cổng số.`);
  return { pages: parts.pages, check };
}

/** Every check of an unpacked package; `pdfs` is meaningful only when `problems` is empty. */
export async function checkPackage(entries: PackageEntry[], ctx: CheckContext): Promise<{ problems: DepositProblem[]; metadata: PackageEntry | null; records: InventoryRecord[]; pdfs: CheckedPdf[] }> {
  const problems: DepositProblem[] = [];
  const byName = new Map(entries.map((e) => [e.name, e]));
  const manifest = byName.get(MANIFEST);
  if (!manifest) problems.push({ file: MANIFEST, field: null, code: P.manifestMissing, message: `Gói thiếu tệp ${MANIFEST} (mã SHA-256 của từng tệp).` });
  const listed = manifest ? readManifest(manifest, problems) : new Map<string, string>();
  if (manifest) {
    for (const [name, sha] of listed) {
      const e = byName.get(name);
      if (!e) problems.push({ file: name, field: 'có trong gói', code: P.fileMissing, message: `Tệp có trong ${MANIFEST} nhưng không có trong gói.` });
      else if (e.sha256 !== sha) problems.push({ file: name, field: 'SHA-256', code: P.checksumMismatch, message: `Mã SHA-256 của tệp là ${e.sha256}, ${MANIFEST} ghi ${sha}.` });
    }
    for (const e of entries) {
      if (e.name !== MANIFEST && !listed.has(e.name)) problems.push({ file: e.name, field: 'có trong danh sách', code: P.fileUnlisted, message: `Tệp thừa: có trong gói nhưng không có trong ${MANIFEST}.` });
    }
  }

  const candidates = entries.filter((e) => !e.name.includes('/') && (e.name.toLowerCase().endsWith('.xlsx') || e.name === METS));
  if (candidates.length !== 1) {
    problems.push({ file: null, field: 'mục lục', code: P.metadataMissing,
      message: candidates.length === 0
        ? `Gói thiếu siêu dữ liệu: một mục lục hồ sơ .xlsx (cùng các cột như mục lục nộp lưu giấy) hoặc ${METS} (khối TT05) ở thư mục gốc.`
        : `Gói có ${candidates.length} tệp siêu dữ liệu ở thư mục gốc (${candidates.map((c) => c.name).join(', ')}); chỉ được có một.` });
  }
  const metadata = candidates.length === 1 ? candidates[0]! : null;
  const mets = metadata?.name === METS ? readMetsInventory(fs.readFileSync(metadata.file, 'utf8'), METS) : null;
  if (mets) problems.push(...mets.problems);
  const records = !metadata ? [] : mets ? (mets.table ? parseRows(metadata, mets.table, ctx, problems, true) : []) : await readInventory(metadata, ctx, problems);
  if (metadata) recordRules(metadata, records, problems);

  // Which row each PDF belongs to: named by its Số TT (XLSX), or pointed at by its div (METS).
  const metsRowOf = new Map([...(mets?.files ?? new Map<number, { href: string }>())].map(([row, f]) => [f.href, row]));
  const rowOf = (e: PackageEntry): number | null => {
    if (mets) return metsRowOf.get(e.name) ?? null;
    const stem = path.posix.basename(e.name).replace(/\.pdf$/i, '');
    return /^\d{1,9}$/.test(stem) ? Number(stem) : null;
  };
  const byRow = new Map(records.map((r) => [r.rowNo, r]));
  const pdfs: CheckedPdf[] = [];
  const rowsWithPdf = new Map<number, string>();
  for (const e of entries) {
    if (e === manifest || e === metadata) continue;
    const checked = await checkPdf(e, ctx, problems);
    const rowNo = rowOf(e);
    const record = rowNo !== null ? byRow.get(rowNo) : undefined;
    const declared = rowNo !== null ? mets?.files.get(rowNo)?.sha256 : null;
    if (declared && declared !== e.sha256) {
      problems.push({ file: e.name, field: 'METS CHECKSUM', code: P.checksumMismatch, message: `Mã SHA-256 của tệp là ${e.sha256}, ${METS} ghi ${declared}.` });
    }
    if (metadata && records.length > 0 && !record) {
      problems.push({ file: e.name, field: 'Số TT', code: P.pdfWithoutRow,
        message: mets ? `Không hồ sơ nào trong ${METS} trỏ tới tệp này.` : rowNo === null ? 'Tên tệp PDF phải là Số TT của hồ sơ trong mục lục (ví dụ data/1.pdf).' : `Mục lục không có hồ sơ Số TT ${rowNo}.` });
    } else if (record && rowNo !== null) {
      const other = rowsWithPdf.get(rowNo);
      if (other) problems.push({ file: e.name, field: 'Số TT', code: P.pdfWithoutRow, message: `Hồ sơ Số TT ${rowNo} đã có tệp "${other}"; mỗi hồ sơ một tệp PDF/A.` });
      else rowsWithPdf.set(rowNo, e.name);
    }
    if (checked && record) pdfs.push({ entry: e, record, pages: checked.pages, check: checked.check });
  }
  for (const r of records) {
    if (!rowsWithPdf.has(r.rowNo)) {
      const expected = mets ? (mets.files.get(r.rowNo)?.href ?? 'tệp được trỏ tới') : `data/${r.rowNo}.pdf`;
      problems.push({ file: metadata!.name, field: 'Số TT', code: mets?.files.has(r.rowNo) ? P.fileMissing : P.rowWithoutPdf,
        message: `${rowLabel(r.sourceRow, Boolean(mets))}: hồ sơ Số TT ${r.rowNo} (${r.fileNotation}) không có tệp PDF/A trong gói (${expected}).` });
    }
  }
  return { problems, metadata, records, pdfs };
}
