/**
 * npm run bench:image-memory — peak memory and time of probeMaster (full decode) and renderDerivatives on
 * a ~500 MB master (the upload limit): an uncompressed 10000×12500 RGBA TIFF, and a 3-page LZW TIFF.
 * Each measurement runs in a fresh child process and reports the growth of VmHWM (peak RSS) over the
 * child's baseline, so figures do not depend on what ran before.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDerivatives } from '../../ocr/image/derivatives.js';
import { probeMaster } from '../../ocr/image/probe.js';
import { sharp } from '../../ocr/image/sharp.js';
import { renderPage } from '../../test/support/images.js';

const hwmMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const limits = { maxPixels: 300_000_000, maxPages: 1000 };

const [mode, file] = process.argv.slice(2);
if (mode === 'probe' || mode === 'derivatives') {
  const base = hwmMb();
  const t0 = performance.now();
  let pages = 1;
  if (mode === 'probe') pages = (await probeMaster(file, limits)).pages.length;
  else await renderDerivatives(file, 0, { maxPixels: limits.maxPixels });
  console.log(JSON.stringify({ ms: performance.now() - t0, base, peak: hwmMb(), pages }));
} else {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-mem-'));
  try {
    const tile = await renderPage({ width: 1240, height: 1754, colour: true });
    const big = path.join(tmp, 'big.tif');
    await sharp({ create: { width: 10000, height: 12500, channels: 3, background: '#ffffff' }, limitInputPixels: false })
      .composite([{ input: tile, tile: true }])
      .tiff({ compression: 'none' })
      .toFile(big);
    const multi = path.join(tmp, 'multi.tif');
    const page = await sharp({ create: { width: 7000, height: 10000, channels: 3, background: '#ffffff' }, limitInputPixels: false })
      .composite([{ input: tile, tile: true }])
      .png({ compressionLevel: 1 })
      .toBuffer();
    await sharp([page, page, page], { join: { animated: true }, limitInputPixels: false }).tiff({ compression: 'lzw' }).toFile(multi);

    const self = fileURLToPath(import.meta.url);
    for (const [label, f] of [['10000×12500 RGBA, uncompressed', big], ['3 × 7000×10000 colour, LZW', multi]] as const) {
      const mb = (await stat(f)).size / 1e6;
      for (const m of ['probe', 'derivatives'] as const) {
        const out = execFileSync(process.execPath, [...process.execArgv, self, m, f], { encoding: 'utf8' });
        const r = JSON.parse(out.trim().split('\n').at(-1)!);
        console.log(
          `bench:image-memory ${label} (${mb.toFixed(0)} MB, ${r.pages} page(s)) ${m.padEnd(11)}: ${(r.ms / 1000).toFixed(2)} s, ` +
            `peak RSS ${r.peak.toFixed(0)} MB (+${(r.peak - r.base).toFixed(0)} MB over a ${r.base.toFixed(0)} MB baseline)`,
        );
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
