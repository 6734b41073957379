/**
 * Block structure of a stored page for the exports: prose paragraphs as before (ocr/export/structure.ts),
 * and each ruled table as one block holding its cells. The page text has the table as one paragraph with
 * one line per non-empty row (ocr/tables/assemble.ts), so walking the text's paragraphs beside the line
 * ranges recovers both; if the text was edited and no longer matches, the plain grouping is used.
 */
import type { OcrPageResult, OcrTable } from '../engine/types.js';
import { paragraphs, union, type Box } from './structure.js';

export type PageBlock =
  | { kind: 'text'; box: Box; lines: number[] }
  | { kind: 'table'; box: Box; table: OcrTable };

export function pageBlocks(page: OcrPageResult): PageBlock[] {
  const plain = (): PageBlock[] => paragraphs(page).map((p) => ({ kind: 'text', box: p.box, lines: p.lines }));
  const tables = [...(page.tables ?? [])].map((table) => ({ table, ...lineRange(table) })).sort((a, b) => a.from - b.from);
  if (!tables.length) return plain();
  const counts = page.text.split(/\n\s*\n/).map((p) => p.split('\n').filter((l) => l.trim()).length).filter((n) => n > 0);
  const out: PageBlock[] = [];
  let line = 0;
  let next = 0;
  const takeTables = () => {
    // A table whose rows are all empty has no paragraph in the text; it still is a block.
    while (next < tables.length && tables[next].from === line && tables[next].textRows === 0) {
      out.push({ kind: 'table', box: tables[next].table.b, table: tables[next].table });
      line = tables[next++].to;
    }
  };
  for (const n of counts) {
    takeTables();
    const t = tables[next];
    if (t && t.from === line && t.textRows === n) {
      out.push({ kind: 'table', box: t.table.b, table: t.table });
      line = t.to;
      next++;
      continue;
    }
    const lines = Array.from({ length: n }, (_, i) => line + i);
    if (line + n > page.lines.length || (t && line + n > t.from)) return plain();
    out.push({ kind: 'text', box: union(lines.map((i) => page.lines[i].b)), lines });
    line += n;
  }
  takeTables();
  return line === page.lines.length && next === tables.length ? out : plain();
}

function lineRange(table: OcrTable) {
  const from = Math.min(...table.cells.map((c) => c.l[0]));
  const to = Math.max(...table.cells.map((c) => c.l[1]));
  const textRows = new Set(table.cells.filter((c) => c.l[1] > c.l[0]).map((c) => c.r)).size;
  return { from, to, textRows };
}

/** Cells of a table grouped by the row they start in, each row left to right. */
export function tableRows(table: OcrTable): OcrTable['cells'][] {
  const rows: OcrTable['cells'][] = Array.from({ length: table.rows }, () => []);
  for (const cell of table.cells) rows[cell.r]?.push(cell);
  return rows.map((r) => r.sort((a, b) => a.c - b.c));
}
