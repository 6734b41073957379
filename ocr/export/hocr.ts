/**
 * hOCR 1.2 (XHTML): one ocr_page per page, ocr_carea/ocr_par per paragraph, ocr_line, ocrx_word with bbox
 * (master-image pixels) and x_wconf. Unlike ALTO, one hOCR document may hold many pages, so this is the
 * single-document export for a whole file.
 */
import type { OcrPageResult } from '../engine/types.js';
import { pageBlocks, tableRows } from './table-blocks.js';
import { engineSoftware, xml, type Box } from './structure.js';

export interface HocrPage {
  page: OcrPageResult;
  /** Master image name, written to the page's `image` property. */
  imageName?: string;
}

const bbox = (b: Box) => `bbox ${b[0]} ${b[1]} ${b[2]} ${b[3]}`;

export function hocrDocument(pages: HocrPage[], opts: { title?: string } = {}): string {
  const software = pages.length ? engineSoftware(pages[0].page.engine) : { name: 'unknown', version: '' };
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="vi" lang="vi">',
    '<head>',
    `  <title>${xml(opts.title ?? '')}</title>`,
    '  <meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>',
    `  <meta name="ocr-system" content="${xml(`${software.name} ${software.version}`.trim())}"/>`,
    '  <meta name="ocr-capabilities" content="ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf ocr_table"/>',
    `  <meta name="ocr-number-of-pages" content="${pages.length}"/>`,
    '</head>',
    '<body>',
  ];
  pages.forEach(({ page, imageName }, pi) => {
    const p = pi + 1;
    const image = imageName ? `image "${imageName.replace(/"/g, '')}"; ` : '';
    out.push(`  <div class="ocr_page" id="page_${p}" title="${xml(`${image}${bbox([0, 0, page.width, page.height])}; ppageno ${pi}`)}">`);
    const area = (id: string, box: Box, lines: number[], indent: string) => {
      out.push(`${indent}<div class="ocr_carea" id="block_${id}" title="${bbox(box)}">`);
      out.push(`${indent}  <p class="ocr_par" id="par_${id}" lang="vie" title="${bbox(box)}">`);
      for (const li of lines) {
        const line = page.lines[li];
        out.push(`${indent}    <span class="ocr_line" id="line_${p}_${li + 1}" title="${bbox(line.b)}">`);
        for (let wi = line.w[0]; wi < line.w[1]; wi++) {
          const w = page.words[wi];
          out.push(`${indent}      <span class="ocrx_word" id="word_${p}_${wi + 1}" title="${bbox(w.b)}; x_wconf ${Math.round(w.c)}">${xml(w.t)}</span>`);
        }
        out.push(`${indent}    </span>`);
      }
      out.push(`${indent}  </p>`, `${indent}</div>`);
    };
    let tableNo = 0;
    pageBlocks(page).forEach((block, bi) => {
      if (block.kind === 'text') return area(`${p}_${bi + 1}`, block.box, block.lines, '    ');
      // Table: an ocr_table holding one ocr_carea per cell in reading order (row by row).
      const t = `${p}_${++tableNo}`;
      out.push(`    <div class="ocr_table" id="table_${t}" title="${bbox(block.box)}">`);
      tableRows(block.table).forEach((cells, r) => {
        for (const cell of cells) {
          const lines = Array.from({ length: cell.l[1] - cell.l[0] }, (_, i) => cell.l[0] + i);
          area(`${t}_r${r + 1}c${cell.c + 1}`, cell.b, lines, '      ');
        }
      });
      out.push('    </div>');
    });
    out.push('  </div>');
  });
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
