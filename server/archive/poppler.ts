/**
 * The one module that starts the PDF command-line tools (Debian qpdf and poppler-utils): qpdf, pdffonts, pdftotext,
 * pdftoppm. The PDF/A self-check (pdfa-check.ts) and the digital deposit (server/deposit/pdf-tools.ts) call them
 * through here, so their versions are read once and a tool never runs from anywhere else.
 */
import { execFile } from 'node:child_process';

export type PdfTool = 'qpdf' | 'pdffonts' | 'pdftotext' | 'pdftoppm';

export interface ToolRun { code: number; out: string; err: string }

/** Runs a tool without a shell; never rejects: a missing tool is exit code 127, its message in `err`. */
export function runPdfTool(tool: PdfTool, args: string[]): Promise<ToolRun> {
  return new Promise((resolve) => {
    // Text layers of long PDFs (pdftotext -bbox-layout) run to hundreds of MB.
    execFile(tool, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 127) : 0;
      resolve({ code, out: stdout ?? '', err: stderr ?? (error ? error.message : '') });
    });
  });
}

let popplerVersion: Promise<string> | null = null;
/** "pdftotext version 22.12.0 (poppler-utils)" — named in PREMIS agents and OCR engine fields. */
export function popplerName(): Promise<string> {
  popplerVersion ??= runPdfTool('pdftotext', ['-v']).then((r) => `${(r.err + r.out).split('\n')[0]!.trim() || 'pdftotext'} (poppler-utils)`);
  return popplerVersion;
}

let qpdfVersion: Promise<string> | null = null;
export function qpdfName(): Promise<string> {
  qpdfVersion ??= runPdfTool('qpdf', ['--version']).then((r) => (r.code === 0 ? r.out.split('\n')[0]!.trim() : 'qpdf (không có)'));
  return qpdfVersion;
}
