import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMaster } from '../../../ocr/image/probe.js';
import { ImageRejectedError, type ImageLimits } from '../../../ocr/image/types.js';
import { makeTiffDirectoriesFirst, truncate, writeScanSet } from '../../support/images.js';

const limits: ImageLimits = { maxPixels: 100_000_000, maxPages: 50 };
let dir: string;
let files: Awaited<ReturnType<typeof writeScanSet>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'probe-'));
  files = await writeScanSet(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function rejection(file: string, l = limits): Promise<ImageRejectedError> {
  const err = await probeMaster(file, l).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImageRejectedError);
  return err as ImageRejectedError;
}

describe('probeMaster on good masters', () => {
  it.each([
    ['tiffGrey8Lzw', 'tiff', 'grey', 8, 300],
    ['tiffGrey16Deflate', 'tiff', 'grey', 16, 400],
    ['tiffColour8Lzw', 'tiff', 'colour', 8, 300],
    ['tiffColour8Jpeg', 'tiff', 'colour', 8, 600],
    ['tiffColour16Deflate', 'tiff', 'colour', 16, 300],
    ['tiffBilevelG4', 'tiff', 'bilevel', 1, 300],
    ['jpegColour', 'jpeg', 'colour', 8, 300],
    ['pngColour', 'png', 'colour', 8, 72], // the SVG renderer's 72 dpi, written as pHYs
    ['pngGrey', 'png', 'grey', 8, 200],
    ['pngBilevel', 'png', 'bilevel', 1, 72],
  ] as const)('when the master is %s, then it is a %s page, %s, %i-bit, dpi %s, 620×877', async (name, format, mode, bits, dpi) => {
    const info = await probeMaster(files[name], limits);
    expect(info.format).toBe(format);
    expect(info.pages).toEqual([{ index: 0, width: 620, height: 877, dpi, colourMode: mode, bitDepth: bits }]);
  });

  it('when a TIFF holds three scanned pages, then each becomes a page with its own index', async () => {
    const info = await probeMaster(files.tiffMultiPage, limits);
    expect(info.format).toBe('tiff');
    expect(info.pages.map((p) => [p.index, p.width, p.height, p.colourMode, p.dpi])).toEqual([
      [0, 620, 877, 'grey', 300],
      [1, 620, 877, 'grey', 300],
      [2, 620, 877, 'grey', 300],
    ]);
  });

  it('when the name says .png but the content is JPEG, then the content decides', async () => {
    const { copyFile } = await import('node:fs/promises');
    const renamed = path.join(dir, 'really-a-jpeg.png');
    await copyFile(files.jpegColour, renamed);
    expect((await probeMaster(renamed, limits)).format).toBe('jpeg');
  });
});

describe('probeMaster on bad files', () => {
  it.each([
    ['empty', 'IMAGE_EMPTY', /rỗng/],
    ['textAsPng', 'IMAGE_TYPE_UNSUPPORTED', /văn bản/],
    ['htmlAsJpeg', 'IMAGE_TYPE_UNSUPPORTED', /HTML/],
    ['pdf', 'IMAGE_TYPE_UNSUPPORTED', /PDF.*chuyển/],
    ['gif', 'IMAGE_TYPE_UNSUPPORTED', /GIF/],
    ['bmp', 'IMAGE_TYPE_UNSUPPORTED', /BMP/],
    ['truncatedTiff', 'IMAGE_TRUNCATED', /cắt cụt/],
    ['truncatedMultiPageTiff', 'IMAGE_TRUNCATED', /cắt cụt/],
    ['truncatedJpeg', 'IMAGE_TRUNCATED', /cắt cụt/],
    ['truncatedPng', 'IMAGE_TRUNCATED', /cắt cụt/],
    ['pngBomb', 'IMAGE_TOO_LARGE', /vượt giới hạn/],
  ] as const)('when the file is %s, then it is refused with %s and a Vietnamese message', async (name, code, message) => {
    const err = await rejection(files[name]);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });

  it('when a TIFF has more pages than allowed, then it is refused before any decode', async () => {
    const err = await rejection(files.tiffMultiPage, { ...limits, maxPages: 2 });
    expect(err.code).toBe('IMAGE_TOO_MANY_PAGES');
    expect(err.message).toMatch(/tối đa 2 trang/);
  });

  it('when a page has more pixels than allowed, then it is refused as too large with its dimensions', async () => {
    const err = await rejection(files.tiffColour8Lzw, { ...limits, maxPixels: 500_000 });
    expect(err.code).toBe('IMAGE_TOO_LARGE');
  });

  it('when the bytes in the middle of a JPEG are garbage, then it is refused as corrupt or truncated, never accepted', async () => {
    const { readFile, writeFile } = await import('node:fs/promises');
    const buf = Buffer.from(await readFile(files.jpegColour));
    // Keep the headers, destroy the entropy-coded data including the end-of-image marker.
    buf.fill(0xff, Math.floor(buf.length * 0.3));
    const broken = path.join(dir, 'garbage.jpg');
    await writeFile(broken, buf);
    const err = await rejection(broken);
    expect(['IMAGE_CORRUPT', 'IMAGE_TRUNCATED']).toContain(err.code);
  });

  it('when a TIFF with its directories first loses the end of its pixel data, then it is refused as truncated', async () => {
    const { writeFile } = await import('node:fs/promises');
    const whole = makeTiffDirectoriesFirst([{ width: 400, height: 300, value: 200 }, { width: 400, height: 300, value: 60 }]);
    const good = path.join(dir, 'dirs-first.tif');
    const cut = path.join(dir, 'dirs-first-cut.tif');
    await writeFile(good, whole);
    await writeFile(cut, truncate(whole, 0.8));
    expect((await probeMaster(good, limits)).pages).toHaveLength(2);
    const err = await rejection(cut);
    expect(err.code).toBe('IMAGE_TRUNCATED');
  });
});

describe('probeMaster on TIFF directories that are not pages', () => {
  it('when a scanner embeds a reduced-resolution preview, then only the full pages count, with their own indexes', async () => {
    const { writeFile } = await import('node:fs/promises');
    const file = path.join(dir, 'with-preview.tif');
    await writeFile(
      file,
      makeTiffDirectoriesFirst([
        { width: 400, height: 300, value: 200 },
        { width: 100, height: 75, value: 200, reduced: true },
        { width: 500, height: 350, value: 90 },
      ]),
    );
    const info = await probeMaster(file, limits);
    expect(info.pages.map((p) => [p.index, p.width, p.height, p.colourMode, p.bitDepth])).toEqual([
      [0, 400, 300, 'grey', 8],
      [2, 500, 350, 'grey', 8],
    ]);
  });

  it('when a TIFF directory points back to itself, then it is refused as corrupt instead of looping', async () => {
    const { writeFile } = await import('node:fs/promises');
    const buf = makeTiffDirectoriesFirst([{ width: 40, height: 30, value: 1 }]);
    buf.writeUInt32LE(8, 8 + 2 + 9 * 12); // next-directory offset = the first directory
    const file = path.join(dir, 'loop.tif');
    await writeFile(file, buf);
    expect((await rejection(file)).code).toBe('IMAGE_CORRUPT');
  });

  it('when a TIFF has irregularities libtiff only warns about (unsorted tags, a private tag), then it is accepted', async () => {
    // Scanner software writes such files; failOn 'warning' would refuse them, so the probe uses 'error'.
    const { writeFile } = await import('node:fs/promises');
    const buf = makeTiffDirectoriesFirst([{ width: 300, height: 200, value: 120 }]);
    buf.writeUInt16LE(50001, 8 + 2 + 7 * 12); // RowsPerStrip → an unknown private tag, out of order
    const file = path.join(dir, 'private-tag.tif');
    await writeFile(file, buf);
    expect((await probeMaster(file, limits)).pages).toEqual([
      { index: 0, width: 300, height: 200, dpi: null, colourMode: 'grey', bitDepth: 8 },
    ]);
  });
});
