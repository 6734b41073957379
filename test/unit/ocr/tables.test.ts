/**
 * Ruled-table detection and row-order assembly on pages drawn here (pure code: no sharp, no tesseract).
 * The real scans with the real engine are in test/integration/ocr/tables.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { OcrPageResult, OcrWord } from '../../../ocr/engine/types.js';
import { altoPage } from '../../../ocr/export/alto.js';
import { hocrDocument } from '../../../ocr/export/hocr.js';
import { assembleTable, cleanCell } from '../../../ocr/tables/assemble.js';
import { pageBlocks } from '../../../ocr/export/table-blocks.js';
import { detectGrid, toImage, type Grid, type Raster } from '../../../ocr/tables/grid.js';

const W = 1000;
const H = 1400;

/**
 * A page with a 4-row × 3-column ruled table rotated by `deg` about the page centre, paper 220 and ink 40,
 * some "text" blobs in the cells, and the vertical rule between columns 1 and 2 missing in row 1 (a span).
 */
function drawTable(deg: number): Raster {
  const data = new Uint8Array(W * H).fill(220);
  const g = { skew: (deg * Math.PI) / 180, cx: W / 2, cy: H / 2 };
  const ink = (u: number, v: number) => {
    const [x, y] = toImage(g, u, v).map(Math.round);
    if (x >= 0 && y >= 0 && x < W && y < H) data[y * W + x] = 40;
  };
  const rowsAt = [300, 400, 500, 600, 700];
  const colsAt = [150, 300, 650, 850];
  for (const v of rowsAt) for (let u = colsAt[0]; u <= colsAt[3]; u += 0.5) for (let t = -1; t <= 1; t++) ink(u, v + t);
  for (const [ci, u] of colsAt.entries()) {
    for (let v = rowsAt[0]; v <= rowsAt[4]; v += 0.5) {
      if (ci === 2 && v > rowsAt[1] + 2 && v < rowsAt[2] - 2) continue; // the span
      for (let t = -1; t <= 1; t++) ink(u + t, v);
    }
  }
  // Glyph-like blobs: short strokes, never longer than a few tens of pixels.
  for (let r = 0; r < 4; r++) {
    for (let word = 0; word < 8; word++) {
      for (let s = 0; s < 18; s++) for (let t = 0; t < 14; t++) if ((s + t) % 5 < 3) ink(320 + word * 38 + s, rowsAt[r] + 40 + t);
    }
  }
  return { data, width: W, height: H };
}

describe('detectGrid', () => {
  it('when a skewed ruled table with a spanning cell is drawn, then rules, skew and the span are found', () => {
    const grid = detectGrid(drawTable(1.2))!;
    expect(grid).not.toBeNull();
    expect((grid.skew * 180) / Math.PI).toBeCloseTo(1.2, 1);
    expect(grid.rows).toHaveLength(5);
    expect(grid.cols).toHaveLength(4);
    const spans = grid.cells.filter((c) => c.cs > 1 || c.rs > 1);
    expect(spans).toEqual([{ r: 1, c: 1, rs: 1, cs: 2 }]);
    expect(grid.cells).toHaveLength(4 * 3 - 1);
    expect(grid.cellAt[1][1]).toBe(grid.cellAt[1][2]);
    expect(grid.cellAt[0][1]).not.toBe(grid.cellAt[0][2]);
  });

  it('when a page has text and one long underline but no grid, then no table is reported', () => {
    const data = new Uint8Array(W * H).fill(225);
    for (let y = 200; y < 900; y += 40) for (let x = 100; x < 900; x++) if (x % 23 < 14) for (let t = 0; t < 16; t++) data[(y + t) * W + x] = 50;
    for (let x = 100; x < 900; x++) data[1000 * W + x] = 30;
    expect(detectGrid({ data, width: W, height: H })).toBeNull();
  });
});

const w = (t: string, b: [number, number, number, number], c = 90): OcrWord => ({ t, c, b });

describe('cleanCell', () => {
  it('when dust is read as punctuation at a cell edge or between words, then it is removed and a sure dash stays', () => {
    expect(cleanCell([[w('-', [0, 0, 1, 1], 20), w('2016', [2, 0, 3, 1])]]).flat().map((x) => x.t)).toEqual(['2016']);
    expect(cleanCell([[w('137,', [0, 0, 1, 1])]]).flat().map((x) => x.t)).toEqual(['137']);
    expect(cleanCell([[w('-Bản', [0, 0, 1, 1]), w('sao', [2, 0, 3, 1])]]).flat().map((x) => x.t)).toEqual(['Bản', 'sao']);
    expect(cleanCell([[w('Vĩnh', [0, 0, 1, 1]), w('.', [1, 0, 2, 1]), w('viễn', [2, 0, 3, 1])]]).flat().map((x) => x.t)).toEqual(['Vĩnh', 'viễn']);
    const date = cleanCell([[w('04/2015', [0, 0, 1, 1]), w('-', [1, 0, 2, 1], 92)], [w('11/2015', [0, 2, 1, 3])]]);
    expect(date.map((l) => l.map((x) => x.t))).toEqual([['04/2015', '-'], ['11/2015']]);
    const doubled = cleanCell([[w('02/2016', [0, 0, 1, 1]), w('-', [1, 0, 2, 1], 91), w('-', [2, 0, 3, 1], 73), w('12⁄2016', [3, 0, 4, 1])]]);
    expect(doubled.flat().map((x) => x.t)).toEqual(['02/2016', '-', '12/2016']);
    // A title word ending in a dot is not a number: only numbers lose a trailing dot.
    expect(cleanCell([[w('v.v.', [0, 0, 1, 1])]]).flat().map((x) => x.t)).toEqual(['v.v.']);
  });
});

/** An axis-aligned 2 × 2 grid at scale 1: rows at y 100/200/300, columns at x 100/300/500. */
const grid2x2: Grid = {
  skew: 0, cx: 300, cy: 300, threshold: 128,
  rows: [100, 200, 300].map((at) => ({ at, thickness: 2, from: 100, to: 500 })),
  cols: [100, 300, 500].map((at) => ({ at, thickness: 2, from: 100, to: 300 })),
  cells: [{ r: 0, c: 0, rs: 1, cs: 1 }, { r: 0, c: 1, rs: 1, cs: 1 }, { r: 1, c: 0, rs: 1, cs: 1 }, { r: 1, c: 1, rs: 1, cs: 1 }],
  cellAt: [[0, 1], [2, 3]],
};

/** What the engine returns for a table page: a title, then the table read column by column. */
function columnOrderPage(): OcrPageResult {
  const words = [
    w('MỤC', [200, 20, 260, 50]), w('LỤC', [270, 20, 330, 50]),
    w('Số', [120, 120, 160, 150]), w('1', [120, 220, 140, 250]),
    w('Tiêu', [320, 120, 380, 150]), w('đề', [390, 120, 420, 150]),
    w('Tập', [320, 210, 370, 240]), w('công', [380, 210, 440, 240]), w('văn', [320, 250, 370, 280]),
    w('Ký', [120, 330, 160, 360]),
  ];
  return {
    text: 'MỤC LỤC\n\nSố\n1\n\nTiêu đề\nTập công\nvăn\n\nKý', confidence: 90, words, engine: 'test', width: 600, height: 400,
    lines: [
      { b: [200, 20, 330, 50], w: [0, 2] }, { b: [120, 120, 160, 150], w: [2, 3] }, { b: [120, 220, 140, 250], w: [3, 4] },
      { b: [320, 120, 420, 150], w: [4, 6] }, { b: [320, 210, 440, 240], w: [6, 8] }, { b: [320, 250, 370, 280], w: [8, 9] },
      { b: [120, 330, 160, 360], w: [9, 10] },
    ],
  };
}

describe('assembleTable', () => {
  const page = assembleTable(columnOrderPage(), grid2x2, 1);

  it('when the engine read the table column by column, then the text is prose, the table row by row (TAB between cells), prose', () => {
    expect(page.text).toBe('MỤC LỤC\n\nSố\tTiêu đề\n1\tTập công văn\n\nKý');
    expect(page.words.map((x) => x.t).join(' ')).toBe('MỤC LỤC Số Tiêu đề 1 Tập công văn Ký');
    expect(page.words).toHaveLength(10);
  });

  it('when cells hold several visual lines, then each is one line of its cell, boxes kept in master pixels', () => {
    const table = page.tables![0];
    expect([table.rows, table.cols]).toEqual([2, 2]);
    const cell = table.cells.find((c) => c.r === 1 && c.c === 1)!;
    expect(cell.l[1] - cell.l[0]).toBe(2);
    expect(page.lines[cell.l[0]].b).toEqual([320, 210, 440, 240]);
    expect(cell.b).toEqual([301, 201, 499, 299]);
  });

  it('when exported, then ALTO has the table as a ComposedBlock of rows and cells and hOCR an ocr_table', () => {
    const blocks = pageBlocks(page);
    expect(blocks.map((b) => b.kind)).toEqual(['text', 'table', 'text']);
    const alto = altoPage(page);
    expect(alto).toContain('<ComposedBlock ID="P1_T1" HPOS="101" VPOS="101" WIDTH="398" HEIGHT="198" TYPE="table">');
    expect(alto.match(/TYPE="table-row"/g)).toHaveLength(2);
    expect(alto).toContain('<TextBlock ID="P1_T1_R2C2"');
    expect(alto.indexOf('CONTENT="Tiêu"')).toBeLessThan(alto.indexOf('CONTENT="1"'));
    const hocr = hocrDocument([{ page }]);
    expect(hocr).toContain('class="ocr_table"');
    expect(hocr).toContain('id="block_1_1_r2c2"');
  });

  it('when the stored text was edited and no longer matches the lines, then the exports fall back to plain blocks', () => {
    const edited = { ...page, text: 'một dòng đã sửa' };
    expect(pageBlocks(edited).map((b) => b.kind)).toEqual(['text']);
  });
});
