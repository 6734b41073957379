/**
 * npm run bench:ingest — scans uploaded over HTTP until every page's derivatives are stored (OCR excluded: only the
 * derivatives worker runs), in pages/min, with peak RSS; and a bare loop calling the same image functions
 * (probeMaster + renderDerivatives) on the same files, so the ratio shows what upload, hashing, storage, database and
 * queue add. Pages: A4 at 300 dpi, mostly grey TIFF (LZW) and some colour JPEG, rendered once before timing.
 *
 * BENCH_PAGES (default 40), BENCH_COLOUR (default 6), BENCH_FILES_PER_REQUEST (default 10). Runs on PGlite, and on
 * PostgreSQL too when DATABASE_URL is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderTextPage } from '../../ocr/image/render-text-page.js';
import { probeMaster } from '../../ocr/image/probe.js';
import { renderDerivatives } from '../../ocr/image/derivatives.js';
import { backends, startBenchApp, type Backend } from './bench-app.js';

const PAGES = Number(process.env.BENCH_PAGES ?? 40);
const COLOUR = Number(process.env.BENCH_COLOUR ?? 6);
const PER_REQUEST = Number(process.env.BENCH_FILES_PER_REQUEST ?? 10);
const MAX_PIXELS = 300_000_000;

function vmHwmMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Samples RSS every 50 ms; returns the peak since start() in MB. */
function rssSampler() {
  let peak = 0;
  const tick = () => (peak = Math.max(peak, process.memoryUsage().rss));
  tick();
  const t = setInterval(tick, 50);
  return { stop: () => (clearInterval(t), tick(), peak / 1024 ** 2) };
}

async function makePages(dir: string): Promise<string[]> {
  const files: string[] = [];
  const text = [
    'Căn cứ Quyết định số 667/QĐ-UBND ngày 03/3/2021 của Ủy ban nhân dân tỉnh Hưng Yên về việc thu hồ sơ, tài liệu vào Lưu trữ lịch sử tỉnh.',
    'Hai bên thống nhất giao nhận tài liệu phông Sở Nội vụ giai đoạn 2000–2011 gồm 260 hộp, 824 hồ sơ, tương đương 26,4 mét giá.',
  ];
  for (let i = 0; i < PAGES; i++) {
    const colour = i >= PAGES - COLOUR;
    const data = await renderTextPage({
      title: `BIÊN BẢN GIAO NHẬN TÀI LIỆU — TRANG ${i + 1}`,
      paragraphs: Array.from({ length: 6 }, (_, k) => text[(i + k) % text.length]),
      colour: colour ? 'colour' : 'grey',
      format: colour ? 'jpeg' : 'tiff',
    });
    const file = path.join(dir, `trang-${String(i + 1).padStart(3, '0')}.${colour ? 'jpg' : 'tif'}`);
    fs.writeFileSync(file, data);
    files.push(file);
  }
  return files;
}

async function bareLoop(files: string[]) {
  const rss = rssSampler();
  const t0 = performance.now();
  for (const f of files) {
    const info = await probeMaster(f, { maxPixels: MAX_PIXELS, maxPages: 1000 });
    for (const p of info.pages) await renderDerivatives(f, p.index, { maxPixels: MAX_PIXELS });
  }
  const ms = performance.now() - t0;
  return { ms, pagesPerMin: (files.length / ms) * 60_000, peakRssMb: rss.stop() };
}

async function pipeline(backend: Backend, files: string[]) {
  const app = await startBenchApp(backend, {}, { jobs: { only: ['page.derivatives'] } });
  try {
    const [ag] = await app.db.query<{ id: number }>(`INSERT INTO source_agencies (code, name, level) VALUES ('BENCH', 'Sở Nội vụ tỉnh Hưng Yên', 'province') RETURNING id`);
    const [fo] = await app.db.query<{ id: number }>(`INSERT INTO fonds (code, name, agency_id) VALUES ('BENCH', 'Phông Sở Nội vụ', $1) RETURNING id`, [ag.id]);
    const [rf] = await app.db.query<{ id: number }>(
      `INSERT INTO record_files (agency_id, fonds_id, file_notation, title, end_date, retention, permanent, due_rule)
       VALUES ($1, $2, '01', 'Hồ sơ đo hiệu năng', '2010-12-31', 'Vĩnh viễn', true, 'law2011_art21') RETURNING id`,
      [ag.id, fo.id],
    );
    const batch = await app.api.post<{ id: number }>('/api/digitization/batches', { recordFileId: rf.id, label: 'bench' });
    const rss = rssSampler();
    const t0 = performance.now();
    let stored = 0;
    for (let i = 0; i < files.length; i += PER_REQUEST) {
      const form = new FormData();
      for (const f of files.slice(i, i + PER_REQUEST)) form.append('files', await fs.openAsBlob(f), path.basename(f));
      const r = await app.api.call<{ summary: { stored: number } }>('POST', `/api/digitization/batches/${batch.id}/scans`, undefined, form);
      stored += r.summary.stored;
    }
    const uploadedMs = performance.now() - t0;
    for (;;) {
      const [c] = await app.db.query<{ pending: number; failed: number }>(
        `SELECT count(*) FILTER (WHERE derivatives_status = 'pending')::int AS pending, count(*) FILTER (WHERE derivatives_status = 'failed')::int AS failed FROM pages WHERE batch_id = $1`,
        [batch.id],
      );
      if (c.pending === 0) {
        if (c.failed) console.warn(`  ${c.failed} trang tạo ảnh phái sinh thất bại`);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const ms = performance.now() - t0;
    return { stored, uploadedMs, ms, pagesPerMin: (files.length / ms) * 60_000, peakRssMb: rss.stop() };
  } finally {
    await app.close();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-ingest-bench-'));
try {
  console.log(`bench:ingest — ${PAGES} trang A4 300 dpi (${PAGES - COLOUR} xám TIFF LZW, ${COLOUR} màu JPEG), ${PER_REQUEST} tệp/yêu cầu, ${os.availableParallelism()} lõi`);
  const files = await makePages(dir);
  const mb = files.reduce((s, f) => s + fs.statSync(f).size, 0) / 1024 ** 2;
  console.log(`  dữ liệu: ${mb.toFixed(1)} MB`);
  const bare = await bareLoop(files);
  console.log(`  vòng lặp sharp trần (probe + derivatives): ${(bare.ms / 1000).toFixed(1)} s, ${bare.pagesPerMin.toFixed(1)} trang/phút, RSS đỉnh ${bare.peakRssMb.toFixed(0)} MB`);
  for (const backend of backends()) {
    const r = await pipeline(backend, files);
    console.log(
      `  [${backend}] HTTP → lưu bản gốc → ảnh phái sinh: ${(r.ms / 1000).toFixed(1)} s (tải lên xong sau ${(r.uploadedMs / 1000).toFixed(1)} s), ` +
        `${r.pagesPerMin.toFixed(1)} trang/phút, RSS đỉnh ${r.peakRssMb.toFixed(0)} MB, tỉ lệ so với vòng lặp trần ${(r.pagesPerMin / bare.pagesPerMin).toFixed(2)}×`,
    );
  }
  console.log(`  VmHWM của tiến trình: ${vmHwmMb().toFixed(0)} MB`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
