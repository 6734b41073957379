import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDerivatives } from '../../../ocr/image/derivatives.js';
import { cutIiif } from '../../../ocr/image/iiif.js';
import { sharp } from '../../../ocr/image/sharp.js';
import { parseIiifRequest } from '../../../server/iiif/iiif-params.js';
import { scaleFactors } from '../../../server/iiif/info-json.js';
import { makeJpeg } from '../../support/images.js';

const W = 2480;
const H = 3508;
let dir: string;
let pyramid: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iiif-'));
  // Colour page with a known red square at (1000,1000)–(1400,1400) to check that regions land where asked.
  const page = await makeJpeg({ width: W, height: H, colour: true });
  const marked = await sharp(page)
    .composite([{ input: { create: { width: 400, height: 400, channels: 3, background: '#ff0000' } }, left: 1000, top: 1000 }])
    .jpeg({ quality: 95 })
    .toBuffer();
  await writeFile(path.join(dir, 'master.jpg'), marked);
  const d = await renderDerivatives(path.join(dir, 'master.jpg'), 0);
  pyramid = path.join(dir, 'pyramid.tif');
  await writeFile(pyramid, d.pyramid);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const cut = (region: string, size: string, rotation = '0', qualityFormat = 'default.jpg') =>
  cutIiif(pyramid, parseIiifRequest({ region, size, rotation, qualityFormat }, { width: W, height: H }));

async function meanRgb(buf: Buffer): Promise<number[]> {
  return (await sharp(buf).stats()).channels.slice(0, 3).map((c) => Math.round(c.mean));
}

describe('cutIiif from a pyramid', () => {
  it('when a viewer walks every scale factor of info.json, then each tile has the size OpenSeadragon computes', async () => {
    for (const f of scaleFactors(W, H, 512)) {
      const span = 512 * f;
      // The last tile of each row and column is a partial tile.
      for (const [x, y] of [[0, 0], [Math.floor((W - 1) / span) * span, Math.floor((H - 1) / span) * span]]) {
        const rw = Math.min(span, W - x);
        const rh = Math.min(span, H - y);
        const out = await cut(`${x},${y},${rw},${rh}`, `${Math.ceil(rw / f)},`);
        const m = await sharp(out.data).metadata();
        expect([m.format, m.width, m.height]).toEqual(['jpeg', Math.ceil(rw / f), Math.round((rh * Math.ceil(rw / f)) / rw)]);
        expect([out.width, out.height]).toEqual([m.width, m.height]);
      }
    }
  });

  it('when the region covers the red square, then the tile is red; when it is elsewhere, then it is not', async () => {
    const [r, g, b] = await meanRgb((await cut('1100,1100,200,200', '100,')).data);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(60);
    const [r2, g2] = await meanRgb((await cut('2000,3000,200,200', 'max')).data);
    expect(r2 - g2).toBeLessThan(40);
  });

  it('when the whole page is asked small, then the thumbnail keeps the aspect and the red square sits where it should', async () => {
    const out = await cut('full', '!248,351');
    const m = await sharp(out.data).metadata();
    expect([m.width, m.height]).toEqual([248, 351]);
    const px = await sharp(out.data).extract({ left: 120, top: 120, width: 1, height: 1 }).raw().toBuffer();
    expect(px[0]).toBeGreaterThan(200);
    expect(px[1]).toBeLessThan(80);
  });

  it('when rotated 90 with mirror, then width and height swap and the square moves accordingly', async () => {
    // Region 1000..1600 × 1000..1400: the red part is the left 400 columns.
    const plain = await cut('1000,1000,600,400', 'max', '0', 'default.png');
    const turned = await cut('1000,1000,600,400', 'max', '90', 'default.png');
    const mirrored = await cut('1000,1000,600,400', 'max', '!0', 'default.png');
    expect([turned.width, turned.height]).toEqual([400, 600]);
    const redAt = async (buf: Buffer, left: number, top: number) =>
      (await sharp(buf).extract({ left, top, width: 1, height: 1 }).raw().toBuffer())[1] < 80;
    expect(await redAt(plain.data, 10, 200)).toBe(true);
    expect(await redAt(plain.data, 590, 200)).toBe(false);
    expect(await redAt(mirrored.data, 590, 200)).toBe(true);
    expect(await redAt(mirrored.data, 10, 200)).toBe(false);
    // Clockwise 90: the left of the region becomes the top.
    expect(await redAt(turned.data, 200, 10)).toBe(true);
    expect(await redAt(turned.data, 200, 590)).toBe(false);
  });

  it('when gray or bitonal quality is asked, then the output has one channel, bitonal with only black and white', async () => {
    const gray = await cut('0,0,512,512', '256,', '0', 'gray.png');
    expect((await sharp(gray.data).metadata()).channels).toBe(1);
    const bitonal = await cut('0,0,1024,1024', '512,', '0', 'bitonal.png');
    const raw = await sharp(bitonal.data).raw().toBuffer();
    expect(new Set(raw)).toEqual(new Set([0, 255]));
  });

  it('when png and webp are asked, then those formats come back with their content types', async () => {
    const png = await cut('0,0,512,512', '512,', '0', 'default.png');
    const webp = await cut('0,0,512,512', '512,', '0', 'default.webp');
    expect([png.contentType, (await sharp(png.data).metadata()).format]).toEqual(['image/png', 'png']);
    expect([webp.contentType, (await sharp(webp.data).metadata()).format]).toEqual(['image/webp', 'webp']);
  });
});
