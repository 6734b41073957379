/**
 * ALTO XML v4 (alto-4-4.xsd) for one page: Description (pixel units, source image, processing software)
 * and Layout/Page/PrintSpace/TextBlock/TextLine/String with HPOS/VPOS/WIDTH/HEIGHT in master-image pixels,
 * CONTENT and WC (word confidence 0–1), SP between words. A ruled table (ocr/tables) is a ComposedBlock
 * TYPE="table" of row ComposedBlocks holding one TextBlock per cell. Libraries exchange ALTO one file per page (a METS
 * document ties them together), so a whole file is exported as a ZIP of per-page ALTO documents.
 */
import type { OcrPageResult } from '../engine/types.js';
import { pageBlocks, tableRows } from './table-blocks.js';
import { engineSoftware, union, xml, type Box } from './structure.js';
import { zip } from './zip.js';

export interface AltoPageOptions {
  /** Name of the master image, written to sourceImageInformation. */
  fileName?: string;
  /** 1-based page number inside the file (PHYSICAL_IMG_NR, IDs). */
  pageNumber?: number;
  /** When the OCR ran (ISO 8601), written to processingDateTime. */
  processedAt?: string;
}

const pos = ([x0, y0, x1, y1]: Box) => `HPOS="${x0}" VPOS="${y0}" WIDTH="${x1 - x0}" HEIGHT="${y1 - y0}"`;

export function altoPage(page: OcrPageResult, opts: AltoPageOptions = {}): string {
  const n = opts.pageNumber ?? 1;
  const software = engineSoftware(page.engine);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
      + ' xsi:schemaLocation="http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/standards/alto/v4/alto-4-4.xsd">',
    '  <Description>',
    '    <MeasurementUnit>pixel</MeasurementUnit>',
    '    <sourceImageInformation>',
    `      <fileName>${xml(opts.fileName ?? `page-${n}`)}</fileName>`,
    '    </sourceImageInformation>',
    '    <Processing ID="OCR_0">',
    '      <processingCategory>contentGeneration</processingCategory>',
    ...(opts.processedAt ? [`      <processingDateTime>${xml(opts.processedAt)}</processingDateTime>`] : []),
    `      <processingStepSettings>${xml(page.engine)}</processingStepSettings>`,
    '      <processingSoftware>',
    `        <softwareName>${xml(software.name)}</softwareName>`,
    ...(software.version ? [`        <softwareVersion>${xml(software.version)}</softwareVersion>`] : []),
    '      </processingSoftware>',
    '    </Processing>',
    '  </Description>',
    '  <Layout>',
    `    <Page ID="P${n}" PHYSICAL_IMG_NR="${n}" WIDTH="${page.width}" HEIGHT="${page.height}" PROCESSING="OCR_0"`
      + ` PC="${(page.confidence / 100).toFixed(3)}" LANG="vi">`,
  ];
  const blocks = pageBlocks(page);
  const printSpace: Box = blocks.length ? union(blocks.map((b) => b.box)) : [0, 0, page.width, page.height];
  out.push(`      <PrintSpace ${pos(printSpace)}>`);
  const textBlock = (id: string, box: Box, lines: number[], indent: string) => {
    out.push(`${indent}<TextBlock ID="${id}" ${pos(box)}>`);
    for (const li of lines) {
      const line = page.lines[li];
      out.push(`${indent}  <TextLine ID="P${n}_L${li + 1}" ${pos(line.b)}>`);
      for (let wi = line.w[0]; wi < line.w[1]; wi++) {
        const w = page.words[wi];
        if (wi > line.w[0]) out.push(`${indent}    <SP/>`);
        out.push(`${indent}    <String ID="P${n}_W${wi + 1}" ${pos(w.b)} CONTENT="${xml(w.t)}" WC="${(w.c / 100).toFixed(2)}"/>`);
      }
      out.push(`${indent}  </TextLine>`);
    }
    out.push(`${indent}</TextBlock>`);
  };
  let tableNo = 0;
  blocks.forEach((block, bi) => {
    if (block.kind === 'text') return textBlock(`P${n}_B${bi + 1}`, block.box, block.lines, '        ');
    // A table is a ComposedBlock of rows, each a ComposedBlock of its cells' TextBlocks (IDs carry row and
    // column, 1-based; a spanning cell sits in the row it starts in); reading order is the document order.
    const t = `P${n}_T${++tableNo}`;
    out.push(`        <ComposedBlock ID="${t}" ${pos(block.box)} TYPE="table">`);
    tableRows(block.table).forEach((cells, r) => {
      if (!cells.length) return;
      out.push(`          <ComposedBlock ID="${t}_R${r + 1}" ${pos(union(cells.map((c) => c.b)))} TYPE="table-row">`);
      for (const cell of cells) {
        const lines = Array.from({ length: cell.l[1] - cell.l[0] }, (_, i) => cell.l[0] + i);
        textBlock(`${t}_R${r + 1}C${cell.c + 1}`, cell.b, lines, '            ');
      }
      out.push('          </ComposedBlock>');
    });
    out.push('        </ComposedBlock>');
  });
  out.push('      </PrintSpace>', '    </Page>', '  </Layout>', '</alto>', '');
  return out.join('\n');
}

export interface AltoFilePage extends AltoPageOptions {
  page: OcrPageResult;
}

/** ZIP with one ALTO document per page, named page-0001.xml, page-0002.xml, … */
export function altoZip(pages: AltoFilePage[]): Promise<Buffer> {
  return zip(pages.map((p, i) => {
    const n = p.pageNumber ?? i + 1;
    return { name: `page-${String(n).padStart(4, '0')}.xml`, data: Buffer.from(altoPage(p.page, { ...p, pageNumber: n }), 'utf8') };
  }));
}
