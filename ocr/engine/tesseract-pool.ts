/**
 * A pool of tesseract.js workers (one worker thread each, one page at a time), fed from a FIFO queue.
 * This is the only module that imports tesseract.js. Everything is offline: the Vietnamese best_int model
 * comes from the npm package and cacheMethod 'none' stops tesseract.js writing a copy into the working dir.
 * Workers start lazily on the first page, so a server that never OCRs spawns none. A worker that fails,
 * dies or overruns its time limit is terminated and a fresh one takes its slot for the next page.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from 'pino';
import Tesseract from 'tesseract.js';
import { prepareForOcr, type OcrInput, type OcrPrepOptions } from '../image/ocr-prep.js';
import { extractLayout, type TessBlock } from './layout.js';
import type { OcrPageResult, OcrPool } from './types.js';
import { OcrPoolClosedError, OcrTimeoutError } from './errors.js';
import { createNativeOcrPool } from './native-pool.js';

const require = createRequire(import.meta.url);
const TESSERACT_JS_VERSION: string = require('tesseract.js/package.json').version;
const MODEL = '4.0.0_best_int';
const LANG_PATH = path.join(path.dirname(require.resolve('@tesseract.js-data/vie')), MODEL);

export interface OcrPoolOptions {
  size: number;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Decode guard for the master (config MAX_SCAN_PIXELS). */
  maxPixels?: number;
  /** A page taking longer than this is abandoned and its worker replaced. */
  jobTimeoutMs?: number;
  /**
   * Let tesseract measure and undo skew before recognising (+~0.45 s/page). Off by default: the clean-up
   * straightens measurably skewed pages itself for ~0.25 s (ocr/image/deskew.ts); boxes are mapped back either way.
   */
  rotateAuto?: boolean;
  /** A worker is replaced by a fresh one after this many pages (default 500), bounding its wasm heap. */
  recycleAfterPages?: number;
  /** Clean-up choices (benchmarks compare them); defaults are the measured best. */
  prep?: Pick<OcrPrepOptions, 'median' | 'targetDpi' | 'sharpen' | 'deskew'>;
  /**
   * 'tesseract.js' (default, embedded, best_int model) or 'native': the Debian binary and its Vietnamese data
   * (ocr/engine/native-pool.ts), same clean-up and page shape; warmUp() rejects when the binary is missing.
   */
  engine?: 'tesseract.js' | 'native';
}

export interface RecognizeOptions {
  /** Overrides the pool's time limit for this page. */
  timeoutMs?: number;
  /**
   * Page segmentation for this image only (default 'auto'). 'block' reads the image as one uniform block
   * of text: for a strip of table cells composed by ocr/tables, where automatic layout analysis drops a
   * lone "1" or "2" as noise. The worker is set back to auto afterwards.
   */
  segmentation?: 'auto' | 'block';
  /** OCR resolution for this image only, overriding the per-page choice (ocr/image/ocr-prep.ts chooseTargetDpi). */
  targetDpi?: number;
}

export interface TesseractOcrPool extends OcrPool {
  recognizeFile(file: OcrInput, pageIndex: number, options?: RecognizeOptions): Promise<OcrPageResult>;
  /** Starts every worker now (model load ~1–2 s each) instead of on the first pages. */
  warmUp(): Promise<void>;
  /** Workers started so far, replacements included (for logs and tests). */
  readonly workersStarted: number;
}

interface Slot {
  worker: Promise<Tesseract.Worker> | null;
  busy: boolean;
  /** Pages done by the current worker. */
  pages: number;
}

interface Job {
  release: () => void;
  run: (worker: Tesseract.Worker) => Promise<OcrPageResult>;
  timeoutMs: number;
  resolve: (r: OcrPageResult) => void;
  reject: (e: unknown) => void;
}

export { OcrPoolClosedError, OcrTimeoutError };

export function engineDescription(prep: string, dpi: number, rotateAuto: boolean): string {
  return `tesseract.js ${TESSERACT_JS_VERSION} vie ${MODEL} oem=lstm psm=auto dpi=${dpi}`
    + `${rotateAuto ? ' rotate=auto' : ''} prep=${prep}`;
}

export function createOcrPool(options: OcrPoolOptions): TesseractOcrPool {
  if (options.engine === 'native') return createNativeOcrPool(options);
  const size = Math.max(1, Math.floor(options.size));
  const maxPixels = options.maxPixels ?? 300_000_000;
  const defaultTimeout = options.jobTimeoutMs ?? 5 * 60_000;
  const rotateAuto = options.rotateAuto ?? false;
  const recycleAfter = options.recycleAfterPages ?? 500;
  const log = options.log;
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, busy: false, pages: 0 }));
  const queue: Job[] = [];
  let closed = false;
  let started = 0;

  const startWorker = (): Promise<Tesseract.Worker> => {
    started++;
    return Tesseract.createWorker('vie', Tesseract.OEM.LSTM_ONLY, {
      langPath: LANG_PATH,
      gzip: true,
      cacheMethod: 'none',
      // Without a handler tesseract.js rethrows a worker's rejection inside its message listener,
      // an uncaught exception that would take the whole server down; the job's promise rejects anyway.
      errorHandler: () => {},
    }).then(async (w) => {
      // debug_file: tesseract's diagnostics ("Detected 1066 diacritics") would otherwise go to stdout.
      await w.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO, tessedit_do_invert: '0', debug_file: '/dev/null' });
      return w;
    });
  };

  const discard = (slot: Slot, reason: string) => {
    const old = slot.worker;
    slot.worker = null;
    log?.warn({ reason }, 'OCR worker replaced');
    old?.then((w) => w.terminate()).catch(() => {});
  };

  const pump = () => {
    for (const slot of slots) {
      if (!queue.length) return;
      if (slot.busy) continue;
      const job = queue.shift()!;
      job.release();
      slot.busy = true;
      void runOn(slot, job).finally(() => {
        slot.busy = false;
        pump();
      });
    }
  };

  const runOn = async (slot: Slot, job: Job) => {
    slot.worker ??= startWorker();
    const current = slot.worker;
    let timer: NodeJS.Timeout | undefined;
    // The limit covers a worker's start-up too, so a stuck model load cannot hold the queue either.
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OcrTimeoutError(job.timeoutMs)), job.timeoutMs);
    });
    try {
      const worker = await Promise.race([current, timedOut]);
      // A worker thread that dies (wasm abort, out of memory) never answers: watch its exit as well.
      const thread = (worker as unknown as { worker?: NodeJS.EventEmitter }).worker;
      let onExit: (() => void) | undefined;
      const died = new Promise<never>((_, reject) => {
        onExit = () => reject(new Error('OCR worker thread exited'));
        thread?.once('exit', onExit);
      });
      try {
        job.resolve(await Promise.race([job.run(worker), died, timedOut]));
      } finally {
        if (onExit) thread?.off('exit', onExit);
      }
      // wasm memory only grows: a worker that met a huge page keeps that heap, so workers are recycled.
      if (++slot.pages >= recycleAfter && slot.worker === current) {
        slot.pages = 0;
        discard(slot, `recycled after ${recycleAfter} pages`);
      }
    } catch (err) {
      // The worker's state is unknown after any failure (half-set parameters, stuck recognise): replace it.
      if (slot.worker === current) {
        slot.pages = 0;
        discard(slot, err instanceof Error ? err.message : String(err));
      }
      job.reject(err instanceof Error ? err : new Error(String(err)));
    } finally {
      clearTimeout(timer);
    }
  };

  const recognizeFile = async (file: OcrInput, pageIndex: number, opts: RecognizeOptions = {}) => {
    if (closed) throw new OcrPoolClosedError();
    // Clean-up runs on libuv threads outside the worker slot, so it overlaps another page's recognition.
    // A permit is held from clean-up until a worker takes the page: at most `size` prepared pages wait.
    await prepSlots.acquire();
    let released = false;
    const release = () => {
      if (!released) prepSlots.release();
      released = true;
    };
    let prep: Awaited<ReturnType<typeof prepareForOcr>>;
    try {
      // A strip of table cells has no page-wide text lines to measure skew on.
      const deskew = opts.segmentation === 'block' ? { deskew: false as const } : {};
      const dpi = opts.targetDpi ? { targetDpi: opts.targetDpi } : {};
      prep = await prepareForOcr(file, pageIndex, { ...options.prep, ...deskew, ...dpi, maxPixels });
    } catch (err) {
      release();
      throw err;
    }
    return new Promise<OcrPageResult>((resolve, reject) => {
      if (closed) {
        release();
        return reject(new OcrPoolClosedError());
      }
      queue.push({
        release,
        timeoutMs: opts.timeoutMs ?? defaultTimeout,
        resolve,
        reject,
        run: async (worker) => {
          if (opts.segmentation === 'block') await worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK });
          const { data } = await worker.recognize(
            prep.image,
            { rotateAuto, user_defined_dpi: String(prep.dpi) } as Partial<Tesseract.RecognizeOptions>,
            { text: false, blocks: true },
          ).finally(() => (opts.segmentation === 'block'
            ? worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO }) : undefined));
          // Both rotations turn about the image centre, so they add up.
          const radians = prep.radians + (rotateAuto ? (data.rotateRadians ?? 0) : 0);
          const layout = extractLayout(data.blocks as unknown as TessBlock[], {
            scale: prep.scale, radians, width: prep.width, height: prep.height,
            masterWidth: prep.masterWidth, masterHeight: prep.masterHeight,
          });
          return {
            ...layout,
            engine: engineDescription(prep.steps, prep.dpi, rotateAuto),
            width: prep.masterWidth,
            height: prep.masterHeight,
          };
        },
      });
      pump();
    });
  };

  const prepSlots = semaphore(size);

  return {
    size,
    get workersStarted() {
      return started;
    },
    recognizeFile,
    async warmUp() {
      if (closed) throw new OcrPoolClosedError();
      await Promise.all(slots.map((slot) => (slot.worker ??= startWorker())));
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        job.release();
        job.reject(new OcrPoolClosedError());
      }
      await Promise.all(slots.map(async (slot) => {
        const w = slot.worker;
        slot.worker = null;
        if (w) await w.then((x) => x.terminate()).catch(() => {});
      }));
    },
  };
}

function semaphore(permits: number) {
  let free = permits;
  const waiting: (() => void)[] = [];
  return {
    async acquire(): Promise<void> {
      if (free > 0) free--;
      else await new Promise<void>((r) => waiting.push(r));
    },
    release(): void {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}
