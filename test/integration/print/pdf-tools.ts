/** Reads printed documents back as a person or a scanner would: poppler's pdftotext/pdfinfo/pdftoppm, zbarimg, LibreOffice. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kho-print-'));
}

/** Page count from pdfinfo. */
export async function pdfPages(pdf: Buffer): Promise<number> {
  const dir = tempDir();
  try {
    fs.writeFileSync(path.join(dir, 'x.pdf'), pdf);
    const { stdout } = await run('pdfinfo', [path.join(dir, 'x.pdf')]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)![1]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Text per page (pdftotext -layout), NFC. */
export async function pdfTextPages(pdf: Buffer): Promise<string[]> {
  const dir = tempDir();
  try {
    fs.writeFileSync(path.join(dir, 'x.pdf'), pdf);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(dir, 'x.pdf'), '-'], { maxBuffer: 64 << 20 });
    const pages = stdout.normalize('NFC').split('\f');
    if (pages.at(-1)!.trim() === '') pages.pop();
    return pages;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every barcode and QR code zbarimg finds on page `page` (1-based) rendered at 300 dpi, as "TYPE:text". */
export async function decodeSymbols(pdf: Buffer, page: number): Promise<string[]> {
  const dir = tempDir();
  try {
    fs.writeFileSync(path.join(dir, 'x.pdf'), pdf);
    await run('pdftoppm', ['-png', '-r', '300', '-f', String(page), '-l', String(page), path.join(dir, 'x.pdf'), path.join(dir, 'p')]);
    const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
    const { stdout } = await run('zbarimg', ['-q', path.join(dir, png)]).catch((e) => {
      if (e.code === 4) return { stdout: '' }; // zbarimg: nothing found
      throw e;
    });
    return stdout.split('\n').filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Renders DOCX files to PDF with LibreOffice Writer (Debian: libreoffice-writer-nogui; fonts-liberation2 gives
 * Liberation Serif, metric-compatible with Times New Roman), one soffice run for all, with a private profile.
 */
export async function docxToPdf(docs: Buffer[]): Promise<Buffer[]> {
  const dir = tempDir();
  try {
    const inputs = docs.map((d, i) => {
      const f = path.join(dir, `doc${i}.docx`);
      fs.writeFileSync(f, d);
      return f;
    });
    await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...inputs], { timeout: 120_000 });
    return docs.map((_, i) => fs.readFileSync(path.join(dir, `doc${i}.pdf`)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
