/**
 * The PDF/A-2b self-check run on every PDF/A the product writes. No veraPDF is installable here, so this is a
 * self-check, not a validation: it verifies what our writer promises (pdfaid part 2 / conformance B in an unfiltered
 * XMP packet, an OutputIntent carrying an RGB ICC profile, a trailer ID, no encryption or JavaScript, every font
 * embedded, the text layer equal to our OCR text, `qpdf --check` clean). The tools run through poppler.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { readPdfaParts } from '../../ocr/export/pdfa.js';
import { popplerName, qpdfName, runPdfTool as run } from './poppler.js';

export interface CheckItem { name: string; ok: boolean; detail: string }
export interface PdfaCheckResult { passed: boolean; checks: CheckItem[]; tools: string[] }

let toolVersions: Promise<string[]> | null = null;
/** "qpdf 11.3.0", "pdftotext 22.12.0" — named in the PREMIS agents and events. */
export function checkToolVersions(): Promise<string[]> {
  toolVersions ??= Promise.all([qpdfName(), popplerName()]);
  return toolVersions;
}

/** Whitespace folded away entirely and NFC: the layer's word spacing is ours, pdftotext's line breaks are its own. */
export const foldText = (s: string) => s.normalize('NFC').replace(/\s+/gu, '');

/**
 * Checks `pdf` against our PDF/A-2b promises. `expectedPages` = the OCR text of each page, in order; the text layer
 * of page i must equal it after folding.
 */
export async function selfCheckPdfa(pdf: Buffer, expectedPages: string[], tmpDir = os.tmpdir()): Promise<PdfaCheckResult> {
  const checks: CheckItem[] = [];
  const add = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  let parts: Awaited<ReturnType<typeof readPdfaParts>> | null = null;
  try {
    parts = await readPdfaParts(pdf);
  } catch (e) {
    add('parse', false, `pdf-lib không đọc được tệp: ${(e as Error).message}`);
  }
  if (parts) {
    add('header', /^%PDF-1\.[4-7]$/.test(parts.header), parts.header);
    const xmp = parts.xmp ?? '';
    const part = /<pdfaid:part>\s*2\s*<\/pdfaid:part>|pdfaid:part="2"/.test(xmp);
    const conf = /<pdfaid:conformance>\s*B\s*<\/pdfaid:conformance>|pdfaid:conformance="B"/.test(xmp);
    add('xmp-pdfaid', part && conf && !parts.metaFiltered, parts.xmp ? `part=2:${part} conformance=B:${conf} filtered:${parts.metaFiltered}` : 'không có XMP');
    const title = parts.info.title ?? '';
    add('xmp-title', title !== '' && xmp.includes(`<rdf:li xml:lang="x-default">${title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</rdf:li>`), `Info /Title = dc:title: "${title}"`);
    const icc = parts.outputIntents.find((o) => o.subtype === 'GTS_PDFA1' && o.iccComponents === 3 && o.iccBytes > 0 && o.iccColourSpace === 'RGB ');
    add('output-intent', Boolean(icc), icc ? `GTS_PDFA1, hồ sơ ICC RGB ${icc.iccBytes} byte, N=3` : 'không có OutputIntent GTS_PDFA1 với hồ sơ ICC RGB');
    add('trailer-id', parts.hasId, parts.hasId ? 'có /ID' : 'thiếu /ID');
    add('no-encryption', !parts.encrypted, parts.encrypted ? 'tệp mã hóa' : 'không mã hóa');
    add('no-javascript', !parts.hasScript, parts.hasScript ? 'có JavaScript, hành động hoặc chú thích' : 'không có JavaScript, hành động, chú thích');
    add('page-count', parts.pages === expectedPages.length, `${parts.pages} trang, OCR ${expectedPages.length} trang`);
  }
  const file = path.join(tmpDir, `pdfa-check-${randomUUID()}.pdf`);
  await fs.promises.writeFile(file, pdf);
  try {
    const q = await run('qpdf', ['--check', file]);
    add('qpdf-check', q.code === 0, q.code === 0 ? 'qpdf --check: không lỗi' : `qpdf --check thoát ${q.code}: ${(q.out + q.err).trim().split('\n').slice(-3).join(' | ')}`);
    const f = await run('pdffonts', [file]);
    const rows = f.out.split('\n').slice(2).filter((l) => l.trim());
    // Columns are fixed-width; "emb" is the third yes/no from the right (emb sub uni object-id gen).
    const notEmbedded = rows.filter((l) => l.trim().split(/\s+/).slice(-5, -4)[0] !== 'yes');
    add('fonts-embedded', f.code === 0 && rows.length > 0 && notEmbedded.length === 0,
      f.code !== 0 ? `pdffonts thoát ${f.code}` : rows.length === 0 ? 'không có phông (không có lớp chữ)' : notEmbedded.length ? `phông không nhúng: ${notEmbedded.join('; ')}` : `${rows.length} phông, đều nhúng`);
    // -raw: content-stream order, which is the order our writer put the OCR words in.
    const t = await run('pdftotext', ['-enc', 'UTF-8', '-raw', file, '-']);
    const got = t.out.split('\f');
    const bad: number[] = [];
    expectedPages.forEach((want, i) => { if (foldText(got[i] ?? '') !== foldText(want)) bad.push(i + 1); });
    const total = foldText(t.out).length;
    add('text-layer', t.code === 0 && total > 0 && bad.length === 0,
      t.code !== 0 ? `pdftotext thoát ${t.code}` : total === 0 ? 'lớp chữ rỗng' : bad.length ? `lớp chữ khác kết quả OCR ở trang ${bad.join(', ')}` : `${total} ký tự, khớp kết quả OCR`);
  } finally {
    await fs.promises.rm(file, { force: true });
  }
  return { passed: checks.every((c) => c.ok), checks, tools: await checkToolVersions() };
}
