/**
 * Shared helpers for the export formats: XML escaping, box arithmetic, and the paragraph grouping of a
 * stored page. The stored page keeps lines but not paragraphs; the page text separates paragraphs with a
 * blank line and was built from the same lines (ocr/engine/layout.ts), so counting lines per paragraph of
 * the text recovers the grouping. If the text was edited and no longer matches, every line is kept in one
 * block rather than guessing.
 */
import type { OcrPageResult } from '../engine/types.js';

export type Box = [number, number, number, number];

export interface Paragraph {
  box: Box;
  /** Indexes into page.lines. */
  lines: number[];
}

export function paragraphs(page: OcrPageResult): Paragraph[] {
  if (!page.lines.length) return [];
  const counts = page.text.split(/\n\s*\n/).map((p) => p.split('\n').filter((l) => l.trim()).length).filter((n) => n > 0);
  const total = counts.reduce((a, b) => a + b, 0);
  const groups = total === page.lines.length ? counts : [page.lines.length];
  const out: Paragraph[] = [];
  let next = 0;
  for (const n of groups) {
    const lines = Array.from({ length: n }, (_, i) => next + i);
    next += n;
    out.push({ lines, box: union(lines.map((i) => page.lines[i].b)) });
  }
  return out;
}

export function union(boxes: Box[]): Box {
  if (!boxes.length) return [0, 0, 0, 0];
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text and attribute values, and drops characters XML 1.0 forbids (control codes from OCR noise). */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** The software part of the engine string ('tesseract.js 7.0.0 vie …' → name and version). */
export function engineSoftware(engine: string): { name: string; version: string } {
  const m = /^(\S+)\s+(\S+)/.exec(engine);
  return m ? { name: m[1], version: m[2] } : { name: engine || 'unknown', version: '' };
}
