import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDerivatives } from '../../../ocr/image/derivatives.js';
import { readPyramidLevels } from '../../../ocr/image/pyramid.js';
import { sharp } from '../../../ocr/image/sharp.js';
import { readTiffStructure } from '../../../ocr/image/tiff-structure.js';
import { ImageRejectedError } from '../../../ocr/image/types.js';
import { makeJpeg, makeTiff, truncate } from '../../support/images.js';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deriv-'));
  // A300-dpi-like colour page big enough for a four-level pyramid, a 16-bit grey page, and a 3-page TIFF.
  await writeFile(file('colour.jpg'), await makeJpeg({ width: 2480, height: 3508, colour: true }, 300));
  await writeFile(file('grey16.tif'), await makeTiff({ pages: [{ width: 1240, height: 1754 }], mode: 'grey', bits: 16, compression: 'deflate' }));
  await writeFile(
    file('multi.tif'),
    await makeTiff({ pages: [{ width: 600, height: 800 }, { width: 600, height: 800, lines: ['Trang hai'] }], mode: 'colour' }),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('renderDerivatives', () => {
  it('when a large colour page is rendered, then access JPEG, WebP thumbnail and a tiled JPEG pyramid have the expected sizes', async () => {
    const d = await renderDerivatives(file('colour.jpg'), 0, { maxPixels: 100_000_000 });

    const access = await sharp(d.access).metadata();
    expect([access.format, access.width, access.height, access.space]).toEqual(['jpeg', Math.round((2480 * 2400) / 3508), 2400, 'srgb']);
    const thumb = await sharp(d.thumbnail).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', Math.round((2480 * 320) / 3508), 320]);

    const pyramid = await sharp(d.pyramid).metadata();
    expect(pyramid.format).toBe('tiff');
    await writeFile(file('pyramid.tif'), d.pyramid);
    const fh = await open(file('pyramid.tif'), 'r');
    const structure = await readTiffStructure(fh, d.pyramid.length, { bigTiff: false, littleEndian: d.pyramid[0] === 0x49 }, 20);
    await fh.close();
    // JPEG-compressed 512 px tiles in every level.
    expect(structure.ok && structure.directories.map((x) => [x.compression, x.tile])).toEqual(
      Array(4).fill([7, { width: 512, height: 512 }]),
    );
    const levels = await readPyramidLevels(d.pyramid);
    expect(levels[0]).toEqual({ page: 0, width: 2480, height: 3508 });
    // Each level halves the one above, down to one that fits in a tile.
    for (let i = 1; i < levels.length; i++) {
      expect(Math.abs(levels[i].width - levels[i - 1].width / 2)).toBeLessThanOrEqual(1);
    }
    expect(Math.max(levels.at(-1)!.width, levels.at(-1)!.height)).toBeLessThanOrEqual(512);
    expect(levels.length).toBe(4);
  });

  it('when the page is 16-bit grey, then every derivative is 8-bit and keeps the grey levels', async () => {
    const d = await renderDerivatives(file('grey16.tif'), 0, { maxPixels: 100_000_000 });
    const access = await sharp(d.access).metadata();
    expect([access.channels, access.depth, access.width, access.height]).toEqual([1, 'uchar', 1240, 1754]);
    const pyramid = await sharp(d.pyramid).metadata();
    expect([pyramid.channels, pyramid.depth]).toEqual([1, 'uchar']);
    // A white page with black text: mostly white after the 16→8-bit scaling (a bad cast would give black or noise).
    const stats = await sharp(d.access).stats();
    expect(stats.channels[0].mean).toBeGreaterThan(200);
    expect(stats.channels[0].min).toBeLessThan(60);
  });

  it('when the second page of a multi-page TIFF is rendered, then the derivatives show that page, not the first', async () => {
    const first = await renderDerivatives(file('multi.tif'), 0);
    const second = await renderDerivatives(file('multi.tif'), 1);
    expect((await sharp(second.access).metadata()).width).toBe(600);
    const [a, b] = await Promise.all([first, second].map((d) => sharp(d.access).raw().toBuffer()));
    expect(a.equals(b)).toBe(false);
  });

  it('when the master was damaged after its probe, then rendering throws ImageRejectedError', async () => {
    const { readFile } = await import('node:fs/promises');
    await writeFile(file('damaged.jpg'), truncate(await readFile(file('colour.jpg')), 0.4));
    const err = await renderDerivatives(file('damaged.jpg'), 0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageRejectedError);
    expect((err as ImageRejectedError).code).toBe('IMAGE_TRUNCATED');
  });
});

describe('orientation', () => {
  it('when a JPEG says "rotate 90° to display" (EXIF 6), then probe and derivatives both describe the upright page', async () => {
    const { probeMaster } = await import('../../../ocr/image/probe.js');
    const stored = await sharp(await makeJpeg({ width: 600, height: 400 })).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    await writeFile(file('rotated.jpg'), stored);
    const info = await probeMaster(file('rotated.jpg'), { maxPixels: 1e8, maxPages: 1 });
    expect([info.pages[0].width, info.pages[0].height]).toEqual([400, 600]);
    const d = await renderDerivatives(file('rotated.jpg'), 0);
    const levels = await readPyramidLevels(d.pyramid);
    expect([levels[0].width, levels[0].height]).toEqual([400, 600]);
    const access = await sharp(d.access).metadata();
    expect([access.width, access.height]).toEqual([400, 600]);
  });
});

describe('colour spaces', () => {
  it('when the master is a CMYK JPEG, then it probes as colour and the access copy is sRGB with the same colours', async () => {
    const { probeMaster } = await import('../../../ocr/image/probe.js');
    const red = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#d01010' } }).png().toBuffer();
    await writeFile(file('cmyk.jpg'), await sharp(red).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer());
    expect((await sharp(file('cmyk.jpg')).metadata()).space).toBe('cmyk');
    const info = await probeMaster(file('cmyk.jpg'), { maxPixels: 1e8, maxPages: 1 });
    expect(info.pages[0].colourMode).toBe('colour');
    const d = await renderDerivatives(file('cmyk.jpg'), 0);
    const access = await sharp(d.access).metadata();
    expect([access.space, access.channels]).toEqual(['srgb', 3]);
    const [r, g, b] = (await sharp(d.access).stats()).channels.map((c) => c.mean);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(80);
    expect(b).toBeLessThan(80);
  });
});
