/**
 * npm run bench:iiif — deep zoom: IIIF tiles cut on request from one pyramidal TIFF per page versus tiles
 * pre-generated as files (sharp .tile({ layout: 'iiif3' })). Per page: derivative time and bytes, objects
 * stored, ms per tile for every tile a viewer would fetch at every scale factor, and the same cuts from
 * the flat master (no pyramid) for reference. Pages: A4 300 dpi grey and A4 600 dpi colour with paper grain.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderDerivatives } from '../../ocr/image/derivatives.js';
import { cutIiif } from '../../ocr/image/iiif.js';
import { sharp } from '../../ocr/image/sharp.js';
import { parseIiifRequest } from '../../server/iiif/iiif-params.js';
import { scaleFactors } from '../../server/iiif/info-json.js';
import { renderPage } from '../../test/support/images.js';

const TILE = 512;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const ms = (t0: number) => performance.now() - t0;
const f1 = (n: number) => n.toFixed(1);

async function scanLike(width: number, height: number, colour: boolean): Promise<Buffer> {
  const page = await renderPage({ width, height, colour });
  const grain = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 10 } } })
    .png()
    .toBuffer();
  let img = sharp(page).composite([{ input: grain, blend: 'soft-light' }]);
  if (!colour) img = img.greyscale();
  return img.jpeg({ quality: 92 }).toBuffer();
}

async function dirStats(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return { files, bytes };
}

/** Every tile request OpenSeadragon makes for the page, all scale factors. */
function tileRequests(W: number, H: number): { region: string; size: string }[] {
  const out: { region: string; size: string }[] = [];
  for (const f of scaleFactors(W, H, TILE)) {
    const span = TILE * f;
    for (let y = 0; y < H; y += span) {
      for (let x = 0; x < W; x += span) {
        const w = Math.min(span, W - x);
        const h = Math.min(span, H - y);
        out.push({ region: `${x},${y},${w},${h}`, size: `${Math.ceil(w / f)},` });
      }
    }
  }
  return out;
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-iiif-'));
console.log(`bench:iiif sharp concurrency ${sharp.concurrency()}, UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}`);
try {
  for (const [label, W, H, colour] of [
    ['A4 300 dpi grey', 2480, 3508, false],
    ['A4 600 dpi colour', 4960, 7016, true],
  ] as const) {
    const master = path.join(tmp, `${W}.jpg`);
    await writeFile(master, await scanLike(W, H, colour));

    const renderTimes: number[] = [];
    let d = await renderDerivatives(master, 0);
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      d = await renderDerivatives(master, 0);
      renderTimes.push(ms(t0));
    }
    const pyramid = path.join(tmp, `${W}.pyramid.tif`);
    await writeFile(pyramid, d.pyramid);

    const tilesDir = path.join(tmp, `${W}-tiles`);
    const t1 = performance.now();
    await sharp(master).jpeg({ quality: 85 }).tile({ size: TILE, layout: 'iiif3', id: 'page' }).toFile(tilesDir);
    const pregenMs = ms(t1);
    const pregen = await dirStats(tilesDir);

    const requests = tileRequests(W, H);
    const size = { width: W, height: H };
    await cutIiif(pyramid, parseIiifRequest({ ...requests[0], rotation: '0', qualityFormat: 'default.jpg' }, size)); // level table cached
    const cut: number[] = [];
    for (const r of requests) {
      const t0 = performance.now();
      await cutIiif(pyramid, parseIiifRequest({ ...r, rotation: '0', qualityFormat: 'default.jpg' }, size));
      cut.push(ms(t0));
    }
    // Reference: the same tiles cut from the flat master, as a server without a pyramid would.
    const flat: number[] = [];
    const fullRes = requests.filter((r) => r.size === `${Number(r.region.split(',')[2])},`);
    for (const r of Array.from({ length: 12 }, (_, i) => fullRes[Math.floor((i * fullRes.length) / 12)])) {
      const [x, y, w, h] = r.region.split(',').map(Number);
      const t0 = performance.now();
      await sharp(master).extract({ left: x, top: y, width: w, height: h }).resize({ width: Number(r.size.slice(0, -1)) }).jpeg({ quality: 80 }).toBuffer();
      flat.push(ms(t0));
    }
    // Serving a pre-generated tile = reading one small file (here local disk; s3rver measured 2–2.6 ms in docs/design.md).
    const tileFiles = (await readdir(tilesDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.jpg'));
    const read: number[] = [];
    for (const e of tileFiles.slice(0, 200)) {
      const t0 = performance.now();
      await readFile(path.join(e.parentPath, e.name));
      read.push(ms(t0));
    }

    console.log(`\n${label} (${W}×${H}):`);
    console.log(
      `  derivatives (pyramid + access + thumbnail): median ${f1(pct(renderTimes, 50))} ms; pyramid ${(d.pyramid.length / 1e6).toFixed(2)} MB, ` +
        `access ${(d.access.length / 1e3).toFixed(0)} kB, thumbnail ${(d.thumbnail.length / 1e3).toFixed(1)} kB → 3 objects per page`,
    );
    console.log(
      `  pre-generated IIIF tiles: ${f1(pregenMs)} ms to write ${pregen.files} files (${(pregen.bytes / 1e6).toFixed(2)} MB) → ${pregen.files} objects per page, ` +
        `${((pregen.files * 100_000) / 1e6).toFixed(1)} M objects per 100k pages`,
    );
    console.log(
      `  cut on request from the pyramid: ${requests.length} tiles, p50 ${f1(pct(cut, 50))} ms, p95 ${f1(pct(cut, 95))} ms, max ${f1(Math.max(...cut))} ms, ` +
        `mean ${f1(cut.reduce((a, b) => a + b, 0) / cut.length)} ms`,
    );
    console.log(`  cut from the flat master JPEG (12 full-resolution tiles spread over the page): p50 ${f1(pct(flat, 50))} ms, max ${f1(Math.max(...flat))} ms`);
    console.log(`  read a pre-generated tile from local disk: p50 ${f1(pct(read, 50))} ms, p95 ${f1(pct(read, 95))} ms`);
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
