/**
 * Reading order for a page with a ruled table: the OCR engine's words (master pixels) are assigned to the
 * grid's cells by their centre, each cell's words are regrouped into its own visual lines, and the page is
 * rebuilt as prose above the table, the table row by row (cells left to right, lines top to bottom inside
 * a cell), then prose below. The engine's own line order (column blocks, lines running across cells) is
 * what made tables unreadable; words and their boxes are kept as recognised.
 */
import type { OcrLine, OcrPageResult, OcrTable, OcrTableCell, OcrWord } from '../engine/types.js';
import { paragraphs } from '../export/structure.js';
import { correctColumns, splitWord } from './columns.js';
import { bandOf, toGrid, toImage, type Grid } from './grid.js';

type Box = [number, number, number, number];

/** Leftovers of a rule the eraser missed: never text in an inventory cell. */
const RULE_DEBRIS = /^[|_[\]¦‖]+$/u;

interface Frag {
  words: OcrWord[];
  /** Grid-frame centre. */
  u: number;
  v: number;
  height: number;
  para: number;
}

/**
 * grid: found on a copy scaled by `scale` (work pixel = master pixel × scale). extraLines: words (master
 * pixels) read in a second pass over cells the page pass left empty or doubtful; they join the cell
 * holding them, and for cells in `replaced` (grid cell ids) they stand instead of the page pass's words.
 */
export function assembleTable(
  page: OcrPageResult, grid: Grid, scale: number, extraLines: OcrWord[][] = [], replaced: ReadonlySet<number> = new Set(),
): OcrPageResult {
  const R = grid.rows.length - 1;
  const C = grid.cols.length - 1;
  const gridOf = (b: Box) => toGrid(grid, ((b[0] + b[2]) / 2) * scale, ((b[1] + b[3]) / 2) * scale);
  const cellOf = (w: OcrWord): number => {
    const [u, v] = gridOf(w.b);
    const r = bandOf(grid.rows, v);
    const c = bandOf(grid.cols, u);
    return r < 0 || c < 0 ? -1 : grid.cellAt[r][c];
  };
  const paraOfLine: number[] = [];
  paragraphs(page).forEach((p, pi) => p.lines.forEach((li) => (paraOfLine[li] = pi)));

  const before: Frag[] = [];
  const after: Frag[] = [];
  const inCell: Frag[][] = grid.cells.map(() => []);
  const top = grid.rows[0].at;
  const allLines = [
    ...page.lines.map((line) => page.words.slice(line.w[0], line.w[1])),
    ...extraLines,
  ];
  allLines.forEach((lineWords, li) => {
    // A line running across cells is split into one fragment per cell.
    const parts = new Map<number, OcrWord[]>();
    for (const w of lineWords) {
      const cell = cellOf(w);
      if (cell >= 0 && RULE_DEBRIS.test(w.t)) continue;
      if (cell >= 0 && li < page.lines.length && replaced.has(cell)) continue;
      if (!parts.has(cell)) parts.set(cell, []);
      parts.get(cell)!.push(w);
    }
    for (const [cell, words] of parts) {
      const b = unionBox(words.map((w) => w.b));
      const [u, v] = gridOf(b);
      const frag = { words, u, v, height: (b[3] - b[1]) * scale, para: paraOfLine[li] ?? 0 };
      if (cell >= 0) inCell[cell].push(frag);
      else (v < top ? before : after).push(frag);
    }
  });

  const words: OcrWord[] = [];
  const lines: OcrLine[] = [];
  const textParas: string[] = [];
  const emit = (ws: OcrWord[]): [number, number] => {
    const first = words.length;
    words.push(...ws);
    lines.push({ b: unionBox(ws.map((w) => w.b)), w: [first, words.length] });
    return [lines.length - 1, lines.length];
  };
  const emitProse = (frags: Frag[]) => {
    let para: string[] = [];
    let last = -1;
    for (const f of frags) {
      if (para.length && f.para !== last) {
        textParas.push(para.join('\n'));
        para = [];
      }
      last = f.para;
      emit(f.words);
      para.push(f.words.map((w) => w.t).join(' '));
    }
    if (para.length) textParas.push(para.join('\n'));
  };

  emitProse(before);
  const cellWords = correctColumns(grid.cells, grid.cells.map((_, id) => cleanCell(cellLines(inCell[id]))));
  const cellTexts: string[] = [];
  const cells: OcrTableCell[] = grid.cells.map((g, id) => {
    const first = lines.length;
    const texts: string[] = [];
    for (const ws of cellWords[id]) {
      emit(ws);
      texts.push(ws.map((w) => w.t).join(' '));
    }
    cellTexts[id] = texts.join(' ');
    return { r: g.r, c: g.c, rs: g.rs, cs: g.cs, b: cellBox(grid, g, scale, page), l: [first, lines.length] };
  });
  const rowsText: string[] = [];
  for (let r = 0; r < R; r++) {
    const ids = grid.cells.map((g, id) => ({ g, id })).filter(({ g }) => g.r === r).sort((a, b) => a.g.c - b.g.c);
    // A row with no text at all is left out: a line of bare TABs would read as a paragraph break.
    if (ids.some(({ id }) => cellTexts[id])) rowsText.push(ids.map(({ id }) => cellTexts[id]).join('\t'));
  }
  if (rowsText.length) textParas.push(rowsText.join('\n'));
  emitProse(after);

  const table: OcrTable = {
    b: unionBox(cells.map((c) => c.b)), rows: R, cols: C, cells,
  };
  const confidence = words.length ? Math.round((words.reduce((s, w) => s + w.c, 0) / words.length) * 10) / 10 : 0;
  return { ...page, text: textParas.join('\n\n'), words, lines, confidence, tables: [table] };
}

// Modifier letters (ˆ, ˉ) are marks the engine found without a letter under them: dust too.
const PUNCT_ONLY = /^(?:[^\p{L}\p{N}]|\p{Lm})+$/u;
const DASH = /^[-–—]$/u;
const LEADING_DEBRIS = /^[.,:;'`"ˆ^_~‘’“”„-]+(?=[\p{L}\p{N}])/u;
const TRAILING_DEBRIS = /(?<=[\p{L}\p{N}])[,:;'`"‘’“”]+$/u;
const TRAILING_DOT_ON_NUMBER = /(?<=\d)\.+$/u;
/** A full stop closing a plain word ("tờ."): cells are labels, not sentences; "v.v." keeps its dots. */
const TRAILING_DOT_ON_WORD = /^([^.]*\p{Ll}{2})\.$/u;
/** Punctuation glued between a word and the next ("các,dịch", "quyết.29"): a lost space. */
const GLUED = /^(.*\p{Ll}{2})(?:,|\.(?=[\p{Lu}\d]))(?=[\p{L}\p{N}])(.+)$/u;
/** A range dash glued to one date only ("02/2021- 09/2021"): the other side had a space, so this one did. */
const DASH_AFTER = /^(.*\d)([-–])$/u;
const DASH_BEFORE = /^([-–])(\d.*)$/u;

/**
 * Dust and paper grain read as punctuation is the commonest error left in cells ("137,", "- 2016", "Vĩnh .
 * viễn"). A cell of an inventory neither starts nor ends with a stray mark and Vietnamese never sets a
 * lone comma or dot between spaces, so: punctuation-only words go at the cell's edges and inside it (one
 * dash inside stays when the engine is sure of it: date ranges), marks glued to the cell's first word
 * and the final one's trailing marks (a dot only after a number) are cut. Boxes stay as read.
 */
export function cleanCell(lines: OcrWord[][]): OcrWord[][] {
  // The fraction slash (U+2044) is the engine's look-alike for "/" in "11/2019"; a doubled slash is one.
  const flat = lines.flatMap((ws, li) => ws.map((w) => ({ w: slashes(w), li })));
  const keep = flat.filter(({ w }, i) => {
    if (!PUNCT_ONLY.test(w.t)) return true;
    if (i === 0 || i === flat.length - 1) return false;
    // A dash right after another is the same dash read twice.
    return DASH.test(w.t) && w.c >= 60 && !DASH.test(flat[i - 1].w.t);
  });
  // Edges again: dropping one debris word can expose another at the edge.
  while (keep.length && PUNCT_ONLY.test(keep[0].w.t)) keep.shift();
  while (keep.length && PUNCT_ONLY.test(keep[keep.length - 1].w.t)) keep.pop();
  if (keep.length) {
    const first = keep[0];
    first.w = { ...first.w, t: first.w.t.replace(LEADING_DEBRIS, '') };
    const last = keep[keep.length - 1];
    last.w = { ...last.w, t: last.w.t.replace(TRAILING_DEBRIS, '').replace(TRAILING_DOT_ON_NUMBER, '') };
  }
  const out: OcrWord[][] = lines.map(() => []);
  keep.forEach(({ w, li }, i) => out[li].push(...unglue(w, keep[i - 1]?.w, keep[i + 1]?.w, i === keep.length - 1)));
  return out.filter((ws) => ws.length);
}

/** One word as the word(s) it was printed as: lost spaces put back, a cell-closing full stop dropped. */
function unglue(w: OcrWord, prev: OcrWord | undefined, next: OcrWord | undefined, last: boolean): OcrWord[] {
  const dot = last ? TRAILING_DOT_ON_WORD.exec(w.t) : null;
  if (dot) return [{ ...w, t: dot[1] }];
  const glued = GLUED.exec(w.t);
  if (glued) return splitWord(w, [glued[1], glued[2]]).flatMap((p, k) => (k ? unglue(p, undefined, next, last) : [p]));
  const after = DASH_AFTER.exec(w.t);
  if (after && next && /^\d/u.test(next.t)) return splitWord(w, [after[1], after[2]]);
  const before = DASH_BEFORE.exec(w.t);
  if (before && prev && /\d$/u.test(prev.t)) return splitWord(w, [before[1], before[2]]);
  return [w];
}

function slashes(w: OcrWord): OcrWord {
  const t = w.t.replace(/\u2044/g, '/').replace(/\/{2,}/g, '/');
  return t === w.t ? w : { ...w, t };
}

/**
 * A cell's fragments as visual lines: fragments whose centres are closer than half a line height are one
 * line (the engine may have cut it in two), ordered left to right; lines top to bottom.
 */
function cellLines(frags: Frag[]): OcrWord[][] {
  const sorted = [...frags].sort((a, b) => a.v - b.v);
  const groups: Frag[][] = [];
  for (const f of sorted) {
    const g = groups[groups.length - 1];
    const ref = g?.[0];
    if (ref && Math.abs(f.v - ref.v) < 0.5 * Math.max(ref.height, f.height)) g.push(f);
    else groups.push([f]);
  }
  return groups.map((g) => g.sort((a, b) => a.u - b.u).flatMap((f) => f.words));
}

/** The cell's four grid-frame corners (inside the rules) in master pixels, as an axis-aligned box. */
function cellBox(grid: Grid, g: { r: number; c: number; rs: number; cs: number }, scale: number, page: OcrPageResult): Box {
  const top = grid.rows[g.r];
  const bottom = grid.rows[g.r + g.rs];
  const left = grid.cols[g.c];
  const right = grid.cols[g.c + g.cs];
  const v0 = top.at + top.thickness / 2;
  const v1 = bottom.at - bottom.thickness / 2;
  const u0 = left.at + left.thickness / 2;
  const u1 = right.at - right.thickness / 2;
  const pts = [toImage(grid, u0, v0), toImage(grid, u1, v0), toImage(grid, u0, v1), toImage(grid, u1, v1)];
  const xs = pts.map((p) => p[0] / scale);
  const ys = pts.map((p) => p[1] / scale);
  const clamp = (v: number, max: number) => Math.min(Math.max(0, Math.round(v)), max);
  return [
    clamp(Math.min(...xs), page.width), clamp(Math.min(...ys), page.height),
    clamp(Math.max(...xs), page.width), clamp(Math.max(...ys), page.height),
  ];
}

function unionBox(boxes: Box[]): Box {
  return [
    Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
  ];
}
