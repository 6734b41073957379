import zlib from 'node:zlib';
import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { OcrPageResult } from '../../../ocr/engine/types.js';
import { altoPage, altoZip, fileText, hocrDocument, pageText, searchablePdf } from '../../../ocr/export/index.js';

/** A synthetic stored page: two paragraphs, three lines, with characters that need escaping. */
function page(over: Partial<OcrPageResult> = {}): OcrPageResult {
  return {
    text: 'Độc lập\nA & B <C>\n\n"Hạnh"',
    confidence: 88.5,
    words: [
      { t: 'Độc', c: 96, b: [100, 50, 220, 100] },
      { t: 'lập', c: 90, b: [240, 50, 330, 100] },
      { t: 'A', c: 80, b: [100, 120, 130, 170] },
      { t: '&', c: 70, b: [140, 120, 160, 170] },
      { t: 'B', c: 85, b: [170, 120, 200, 170] },
      { t: '<C>', c: 60, b: [210, 120, 280, 170] },
      { t: '"Hạnh"', c: 100, b: [100, 250, 300, 300] },
    ],
    lines: [
      { b: [100, 50, 330, 100], w: [0, 2] },
      { b: [100, 120, 280, 170], w: [2, 6] },
      { b: [100, 250, 300, 300], w: [6, 7] },
    ],
    engine: 'tesseract.js 7.0.0 vie 4.0.0_best_int oem=lstm psm=auto prep=grey+median3',
    width: 600,
    height: 800,
    ...over,
  };
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('plain text export', () => {
  it('when a file has pages, then they are separated by a form feed and each ends with a newline', () => {
    expect(pageText(page())).toBe('Độc lập\nA & B <C>\n\n"Hạnh"\n');
    expect(fileText([{ text: 'một' }, { text: 'hai\n' }])).toBe('một\n\f\nhai\n');
  });
});

describe('ALTO export', () => {
  it('when a page is exported, then blocks, lines and strings carry pixel positions, content and confidence', () => {
    const alto = altoPage(page(), { fileName: 'ho-so 1.tif', pageNumber: 3 });
    expect(alto).toContain('xmlns="http://www.loc.gov/standards/alto/ns-v4#"');
    expect(alto).toContain('<MeasurementUnit>pixel</MeasurementUnit>');
    expect(alto).toContain('<fileName>ho-so 1.tif</fileName>');
    expect(alto).toContain('<softwareName>tesseract.js</softwareName>');
    expect(alto).toContain('<softwareVersion>7.0.0</softwareVersion>');
    expect(alto).toMatch(/<Page ID="P3" PHYSICAL_IMG_NR="3" WIDTH="600" HEIGHT="800"/);
    expect(count(alto, /<TextBlock /g)).toBe(2);
    expect(count(alto, /<TextLine /g)).toBe(3);
    expect(count(alto, /<String /g)).toBe(7);
    expect(count(alto, /<SP\/>/g)).toBe(4);
    expect(alto).toContain('<String ID="P3_W1" HPOS="100" VPOS="50" WIDTH="120" HEIGHT="50" CONTENT="Độc" WC="0.96"/>');
    expect(alto).toContain('CONTENT="&amp;"');
    expect(alto).toContain('CONTENT="&lt;C&gt;"');
    expect(alto).toContain('CONTENT="&quot;Hạnh&quot;"');
    expect(alto).toContain('<PrintSpace HPOS="100" VPOS="50" WIDTH="230" HEIGHT="250">');
    // Balanced elements: every opened container is closed.
    for (const el of ['TextBlock', 'TextLine', 'Page', 'PrintSpace', 'Layout', 'Description', 'alto']) {
      expect(count(alto, new RegExp(`<${el}[ >]`, 'g'))).toBe(count(alto, new RegExp(`</${el}>`, 'g')));
    }
  });

  it('when the stored text no longer matches the lines, then all lines go in one block', () => {
    const alto = altoPage(page({ text: 'edited by hand' }));
    expect(count(alto, /<TextBlock /g)).toBe(1);
    expect(count(alto, /<TextLine /g)).toBe(3);
  });

  it('when a file is exported, then the ZIP holds one ALTO document per page', async () => {
    const buf = await altoZip([{ page: page(), fileName: 'a.tif' }, { page: page({ width: 700 }), fileName: 'a.tif' }]);
    const entries = readZip(buf);
    expect(entries.map((e) => e.name)).toEqual(['page-0001.xml', 'page-0002.xml']);
    expect(entries[1].text).toContain('PHYSICAL_IMG_NR="2" WIDTH="700"');
    expect(entries[0].text).toBe(altoPage(page(), { fileName: 'a.tif', pageNumber: 1 }));
  });
});

describe('hOCR export', () => {
  it('when two pages are exported, then one document holds two ocr_page elements with word boxes and confidences', () => {
    const hocr = hocrDocument([{ page: page(), imageName: 'a.tif' }, { page: page() }], { title: 'Hồ sơ' });
    expect(count(hocr, /class="ocr_page"/g)).toBe(2);
    expect(count(hocr, /class="ocr_par"/g)).toBe(4);
    expect(count(hocr, /class="ocr_line"/g)).toBe(6);
    expect(count(hocr, /class="ocrx_word"/g)).toBe(14);
    expect(hocr).toContain('title="image &quot;a.tif&quot;; bbox 0 0 600 800; ppageno 0"');
    expect(hocr).toContain('<span class="ocrx_word" id="word_1_1" title="bbox 100 50 220 100; x_wconf 96">Độc</span>');
    expect(hocr).toContain('>&lt;C&gt;</span>');
    expect(hocr).toContain('<meta name="ocr-system" content="tesseract.js 7.0.0"/>');
    expect(hocr).toContain('<title>Hồ sơ</title>');
  });
});

describe('searchable PDF export', () => {
  it('when pages with images are exported, then the PDF has one page each at the master physical size with an invisible text layer', async () => {
    // A 2×2 white PNG is enough: the image is stretched over the page.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGP4DwQMIAoASMAH+fSfxqsAAAAASUVORK5CYII=', 'base64');
    const pdf = await searchablePdf([{ page: page(), image: png, dpi: 200 }, { page: page(), image: png }], { title: 'Hồ sơ 1' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getTitle()).toBe('Hồ sơ 1');
    const [w, h] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
    expect([w, h]).toEqual([600 * 72 / 200, 800 * 72 / 200]);
    expect(doc.getPage(1).getWidth()).toBeCloseTo(600 * 72 / 300);
    // Text is written as UTF-16 codes in render mode 3 (invisible): Đ = U+0110.
    const content = doc.context.enumerateIndirectObjects()
      .filter(([, obj]) => obj instanceof PDFRawStream)
      .map(([, obj]) => Buffer.from(decodePDFRawStream(obj as PDFRawStream).decode()).toString('latin1'))
      .join('\n');
    expect(content).toContain('3 Tr');
    expect(content).toContain('/Adobe-Identity-UCS');
    expect(content).toMatch(/<0110/i);
  });
});

/** Reads the local entries of a ZIP (deflate only), enough to check what zip.ts wrote. */
/** Reads entries through the central directory: the writer puts sizes and CRC after the data (data descriptors). */
function readZip(buf: Buffer): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const crc = buf.readUInt32LE(p + 16);
    const packed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = zlib.inflateRawSync(buf.subarray(start, start + packed));
    expect(zlib.crc32(data)).toBe(crc);
    out.push({ name, text: data.toString('utf8') });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}
