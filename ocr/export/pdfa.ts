/**
 * PDF/A-2b from the searchable PDF (pdf.ts) by pdf-lib post-processing: the page images and the invisible glyphless
 * text layer are kept object for object, and what PDF/A-2 adds is written around them — XMP metadata (pdfaid part 2,
 * conformance B; dc:title, identifiers, dates) equal to the Info dictionary, an sRGB OutputIntent with the ICC
 * profile embedded, and a document ID in the trailer. Chosen over Ghostscript -dPDFA=2 (figures in the README section
 * "PDF/A-2b"): gs 10.00 kept the text but re-subset the font, rewrote every object, and discarded the whole DOCINFO
 * (so no dc:title) because a Vietnamese title "cannot be represented in XMP"; here nothing but the additions changes.
 *
 * The glyphless font already meets the PDF/A-2 font rules that apply to it: its program is embedded (FontFile2), the
 * CIDToGIDMap is a stream mapping every CID to glyph 1, which exists, and /DW 500 equals that glyph's advance in the
 * font program (1024 of 2048 units per em), so widths are consistent. No encryption, JavaScript or transparency is
 * written by pdf.ts; the self-check (server/archive/pdfa-check.ts) verifies the output, it is not a veraPDF validation.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { searchablePdf, type PdfPage } from './pdf.js';

export interface PdfaMeta {
  title: string;
  /** The main identifier (mã hồ sơ); written as dc:identifier. */
  identifier: string;
  /** Further identifiers (URNs, notations), written as dc:relation. */
  relations?: string[];
  creator: string;
  /** Creation instant; written in +07:00 in both the Info dictionary and XMP. */
  createdAt: Date;
  /** 32 hex digits: trailer /ID and xmpMM:DocumentID (uuid form). */
  documentId: string;
  /** The sRGB ICC profile bytes (ARCHIVE_ICC_PROFILE). */
  iccProfile: Buffer;
  iccDescription?: string;
}

const VN_OFFSET_MS = 7 * 3600_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2026-11-22T09:00:00+07:00": Vietnam time, the offset written out. */
export function vnIsoDateTime(d: Date): string {
  const v = new Date(d.getTime() + VN_OFFSET_MS);
  return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}T${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}+07:00`;
}

/** PDF date string of the same instant: D:20261122090000+07'00'. */
export function pdfDate(d: Date): string {
  const s = vnIsoDateTime(d);
  return `D:${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}+07'00'`;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  // XML 1.0 cannot carry C0 controls at all.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

export const PDFA_PRODUCER = 'Kho Lưu trữ (pdf-lib 1.17, PDF/A-2b)';

function uuidOf(hex: string): string {
  return `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function pdfaXmp(m: PdfaMeta, producer = PDFA_PRODUCER): string {
  const when = vnIsoDateTime(m.createdAt);
  const rel = (m.relations ?? []).map((r) => `<rdf:li>${xmlEscape(r)}</rdf:li>`).join('');
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    '<pdfaid:part>2</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(m.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:identifier>${xmlEscape(m.identifier)}</dc:identifier>`,
    rel ? `<dc:relation><rdf:Bag>${rel}</rdf:Bag></dc:relation>` : '',
    '<dc:language><rdf:Bag><rdf:li>vi</rdf:li></rdf:Bag></dc:language>',
    `<xmp:CreatorTool>${xmlEscape(m.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${when}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${when}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${when}</xmp:MetadataDate>`,
    `<pdf:Producer>${xmlEscape(producer)}</pdf:Producer>`,
    `<xmpMM:DocumentID>${uuidOf(m.documentId)}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${uuidOf(m.documentId)}</xmpMM:InstanceID>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    // Padding lets an editor update the packet in place, as the XMP spec recommends.
    ' '.repeat(1024),
    '<?xpacket end="w"?>',
  ].filter(Boolean).join('\n');
}

/** Turns a searchable PDF (pdf.ts output) into PDF/A-2b. */
export async function toPdfa(searchable: Buffer | Uint8Array, m: PdfaMeta): Promise<Buffer> {
  if (!/^[0-9a-f]{32}$/.test(m.documentId)) throw new Error('documentId must be 32 lowercase hex digits');
  const doc = await PDFDocument.load(searchable, { updateMetadata: false });
  const ctx = doc.context;
  // The Info dictionary holds exactly what the XMP says (PDF/A-2 6.6.3 asks them to be equivalent).
  const info = ctx.obj({
    Title: PDFHexString.fromText(m.title),
    Creator: PDFHexString.fromText(m.creator),
    Producer: PDFHexString.fromText(PDFA_PRODUCER),
    CreationDate: PDFString.of(pdfDate(m.createdAt)),
    ModDate: PDFString.of(pdfDate(m.createdAt)),
  });
  ctx.trailerInfo.Info = ctx.register(info);
  // An unfiltered metadata stream (PDF/A-2 6.6.2.1 forbids a Filter on it).
  const xmp = Buffer.from(pdfaXmp(m), 'utf8');
  const metadata = ctx.register(ctx.stream(xmp, { Type: 'Metadata', Subtype: 'XML', Length: xmp.length }));
  const icc = ctx.register(ctx.flateStream(m.iccProfile, { N: 3 }));
  const intent = ctx.obj({
    Type: 'OutputIntent', S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of(m.iccDescription ?? 'sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: icc,
  });
  const catalog = doc.catalog;
  catalog.set(PDFName.of('Metadata'), metadata);
  catalog.set(PDFName.of('OutputIntents'), ctx.obj([intent]));
  catalog.set(PDFName.of('Lang'), PDFString.of('vi'));
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(m.documentId), PDFHexString.of(m.documentId)]) as PDFArray;
  // Classic cross-reference table: every PDF/A reader and checker handles it.
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

/** Page images + OCR text layer → PDF/A-2b, in one call. */
export async function pdfaDocument(pages: PdfPage[], m: PdfaMeta): Promise<Buffer> {
  return toPdfa(await searchablePdf(pages, { title: m.title, creator: m.creator }), m);
}

/** What the self-check reads back: the catalog's XMP and output intents (pdf-lib, no native tool). */
export async function readPdfaParts(pdf: Buffer | Uint8Array) {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const metaRef = doc.catalog.get(PDFName.of('Metadata'));
  const metaObj = metaRef ? ctx.lookup(metaRef) : undefined;
  const xmp = metaObj && 'getContents' in metaObj ? Buffer.from((metaObj as { getContents(): Uint8Array }).getContents()).toString('utf8') : null;
  const metaFiltered = Boolean(metaObj && 'dict' in metaObj && (metaObj as { dict: PDFDict }).dict.get(PDFName.of('Filter')));
  const intents = doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const outputIntents: { subtype: string | null; iccComponents: number | null; iccBytes: number; iccColourSpace: string | null }[] = [];
  for (let i = 0; i < (intents?.size() ?? 0); i++) {
    const d = intents!.lookup(i, PDFDict);
    const profile = d.get(PDFName.of('DestOutputProfile'));
    const stream = profile ? ctx.lookup(profile) : undefined;
    const sdict = stream && 'dict' in stream ? (stream as { dict: PDFDict }).dict : null;
    const n = sdict?.lookupMaybe(PDFName.of('N'), PDFNumber)?.asNumber() ?? null;
    // The profile itself, decoded: an ICC header says "acsp" at byte 36 and its colour space at byte 16.
    let icc: Uint8Array = new Uint8Array();
    try {
      if (stream instanceof PDFRawStream) icc = decodePDFRawStream(stream).decode();
    } catch {
      icc = new Uint8Array();
    }
    const header = Buffer.from(icc.slice(0, 40));
    const valid = icc.length >= 128 && header.toString('latin1', 36, 40) === 'acsp';
    outputIntents.push({
      subtype: d.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() ?? null, iccComponents: n, iccBytes: valid ? icc.length : 0,
      iccColourSpace: valid ? header.toString('latin1', 16, 20) : null,
    });
  }
  const id = ctx.trailerInfo.ID;
  const encrypted = Boolean(ctx.trailerInfo.Encrypt);
  const info = ctx.trailerInfo.Info ? ctx.lookup(ctx.trailerInfo.Info, PDFDict) : null;
  const infoText = (k: string) => {
    const v = info?.get(PDFName.of(k));
    return v instanceof PDFHexString || v instanceof PDFString ? v.decodeText() : null;
  };
  return {
    header: Buffer.from(pdf.slice(0, 8)).toString('latin1'),
    xmp, metaFiltered, outputIntents, hasId: Boolean(id), encrypted,
    info: { title: infoText('Title'), creationDate: infoText('CreationDate'), producer: infoText('Producer') },
    // Where JavaScript or actions can hide: the name tree, open/additional actions, and pages' actions and annotations
    // (read from the object tree, never by scanning bytes, which image data could match by chance).
    hasScript: Boolean(
      doc.catalog.get(PDFName.of('OpenAction')) || doc.catalog.get(PDFName.of('AA'))
        || doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.get(PDFName.of('JavaScript'))
        || doc.getPages().some((p) => p.node.get(PDFName.of('AA')) || (p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.size() ?? 0) > 0),
    ),
    pages: doc.getPageCount(),
  };
}
