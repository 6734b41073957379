/**
 * Optional OCR engine: the Debian `tesseract` binary (tesseract-ocr + tesseract-ocr-vie), one process per page,
 * fed the same cleaned-up image as the tesseract.js pool and giving the same page shape (words, confidences,
 * boxes in master pixels) from its TSV output. tesseract.js stays the embedded default; this is chosen with
 * `engine: 'native'` when the binary exists (nativeTesseractVersion). Each process runs single-threaded
 * (OMP_THREAD_LIMIT=1): a pool of N processes uses N cores, like the tesseract.js pool of N workers.
 */
import { execFile, spawn } from 'node:child_process';
import { prepareForOcr, type OcrInput, type OcrPrepOptions } from '../image/ocr-prep.js';
import { extractLayout, type TessBlock, type TessLine, type TessParagraph } from './layout.js';
import type { OcrPageResult, OcrPool, OcrRecognizeOptions } from './types.js';
import { OcrPoolClosedError, OcrTimeoutError } from './errors.js';

export const NATIVE_TESSERACT = '/usr/bin/tesseract';

export interface NativeOcrPoolOptions {
  size: number;
  maxPixels?: number;
  jobTimeoutMs?: number;
  binary?: string;
  prep?: Pick<OcrPrepOptions, 'median' | 'targetDpi' | 'sharpen' | 'deskew'>;
}

export interface NativeOcrPool extends OcrPool {
  recognizeFile(file: OcrInput, pageIndex: number, options?: OcrRecognizeOptions): Promise<OcrPageResult>;
  warmUp(): Promise<void>;
  readonly workersStarted: number;
}

/** First line of `tesseract --version` ("tesseract 5.3.0"), or null when the binary or its Vietnamese data is missing. */
export function nativeTesseractVersion(binary = NATIVE_TESSERACT): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(binary, ['--list-langs'], (err, langs) => {
      if (err || !/^vie$/m.test(langs)) return resolve(null);
      execFile(binary, ['--version'], (err2, out) => resolve(err2 ? null : out.split('\n')[0].trim()));
    });
  });
}

export function createNativeOcrPool(options: NativeOcrPoolOptions): NativeOcrPool {
  const size = Math.max(1, Math.floor(options.size));
  const binary = options.binary ?? NATIVE_TESSERACT;
  const maxPixels = options.maxPixels ?? 300_000_000;
  const defaultTimeout = options.jobTimeoutMs ?? 5 * 60_000;
  const children = new Set<ReturnType<typeof spawn>>();
  const waiting: (() => void)[] = [];
  let free = size;
  let started = 0;
  let closed = false;
  let version: Promise<string | null> | null = null;

  const acquire = () => (free > 0 ? (free--, Promise.resolve()) : new Promise<void>((r) => waiting.push(r)));
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };

  const run = (image: Buffer, dpi: number, psm: number, timeoutMs: number) => new Promise<string>((resolve, reject) => {
    started++;
    const child = spawn(binary, ['stdin', 'stdout', '-l', 'vie', '--oem', '1', '--psm', String(psm), '--dpi', String(dpi),
      '-c', 'tessedit_do_invert=0', 'tsv'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'ignore'] });
    children.add(child);
    const out: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new OcrTimeoutError(timeoutMs));
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', reject);
    child.stdin.on('error', () => {});
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(closed ? 'OCR pool is closed' : `tesseract exited with ${code}`));
    });
    child.stdin.end(image);
  });

  return {
    size,
    get workersStarted() {
      return started;
    },
    async warmUp() {
      if (closed) throw new OcrPoolClosedError();
      version ??= nativeTesseractVersion(binary);
      if (!(await version)) throw new Error(`native tesseract with Vietnamese data not found at ${binary}`);
    },
    async recognizeFile(file, pageIndex, opts = {}) {
      if (closed) throw new OcrPoolClosedError();
      version ??= nativeTesseractVersion(binary);
      const deskew = opts.segmentation === 'block' ? { deskew: false as const } : {};
      const dpi = opts.targetDpi ? { targetDpi: opts.targetDpi } : {};
      const prep = await prepareForOcr(file, pageIndex, { ...options.prep, ...deskew, ...dpi, maxPixels });
      await acquire();
      try {
        if (closed) throw new OcrPoolClosedError();
        const tsv = await run(prep.image, prep.dpi, opts.segmentation === 'block' ? 6 : 3, opts.timeoutMs ?? defaultTimeout);
        const layout = extractLayout(blocksFromTsv(tsv), {
          scale: prep.scale, radians: prep.radians, width: prep.width, height: prep.height,
          masterWidth: prep.masterWidth, masterHeight: prep.masterHeight,
        });
        const name = (await version) ?? 'tesseract';
        return {
          ...layout,
          engine: `${name} native vie oem=lstm psm=${opts.segmentation === 'block' ? 'block' : 'auto'} dpi=${prep.dpi} prep=${prep.steps}`,
          width: prep.masterWidth,
          height: prep.masterHeight,
        };
      } finally {
        release();
      }
    },
    async close() {
      closed = true;
      for (const c of children) c.kill('SIGKILL');
      for (const w of waiting.splice(0)) w();
    },
  };
}

/**
 * tesseract's TSV (level 2 block, 3 paragraph, 4 line, 5 word; left/top/width/height; conf) as the block tree
 * tesseract.js returns, so both engines share extractLayout and give identical page shapes.
 */
export function blocksFromTsv(tsv: string): TessBlock[] {
  const blocks: TessBlock[] = [];
  let paragraph: TessParagraph | null = null;
  let line: TessLine | null = null;
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12) continue;
    const [left, top, width, height] = f.slice(6, 10).map(Number);
    const bbox = { x0: left, y0: top, x1: left + width, y1: top + height };
    switch (f[0]) {
      case '2':
        blocks.push({ paragraphs: [], bbox });
        paragraph = null;
        line = null;
        break;
      case '3':
        paragraph = { lines: [], bbox };
        blocks[blocks.length - 1]?.paragraphs.push(paragraph);
        line = null;
        break;
      case '4':
        line = { words: [], bbox };
        paragraph?.lines.push(line);
        break;
      case '5':
        line?.words.push({ text: f.slice(11).join('\t'), confidence: Number(f[10]), bbox });
        break;
      default:
    }
  }
  return blocks;
}
