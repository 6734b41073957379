import { describe, expect, it } from 'vitest';
import { buildInfoJson, IIIF_IMAGE_CONTEXT, scaleFactors } from '../../../server/iiif/info-json.js';

describe('IIIF info.json', () => {
  it('when a 2480×3508 page has 512 px tiles, then scale factors reach the level that fits in one tile', () => {
    expect(scaleFactors(2480, 3508, 512)).toEqual([1, 2, 4, 8]);
    expect(scaleFactors(512, 300, 512)).toEqual([1]);
    expect(scaleFactors(513, 300, 512)).toEqual([1, 2]);
  });

  it('when built for a colour page, then it is an ImageService3 level2 document with tiles and sizes', () => {
    const info = buildInfoJson({ id: 'https://kho.example/api/iiif/3/page-7', width: 2480, height: 3508, tileSize: 512, colour: true });
    expect(info).toMatchObject({
      '@context': IIIF_IMAGE_CONTEXT,
      id: 'https://kho.example/api/iiif/3/page-7',
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level2',
      width: 2480,
      height: 3508,
      tiles: [{ width: 512, height: 512, scaleFactors: [1, 2, 4, 8] }],
      extraFormats: ['webp'],
      extraQualities: ['color', 'gray', 'bitonal'],
      extraFeatures: ['mirroring'],
    });
    // Smallest first, as the spec recommends.
    expect(info.sizes).toEqual([
      { width: 310, height: 439 },
      { width: 620, height: 877 },
      { width: 1240, height: 1754 },
      { width: 2480, height: 3508 },
    ]);
    expect(info).not.toHaveProperty('maxArea');
  });

  it('when the server has limits, then they are advertised and sizes above them are left out', () => {
    const info = buildInfoJson({
      id: 'x', width: 2480, height: 3508, tileSize: 512, colour: false,
      limits: { maxWidth: 2000, maxArea: 4_000_000, allowUpscaling: true },
    });
    expect(info.maxWidth).toBe(2000);
    expect(info.maxArea).toBe(4_000_000);
    expect(info.sizes.map((s) => s.width)).toEqual([310, 620, 1240]);
    expect(info.extraQualities).toEqual(['gray', 'bitonal']);
    expect(info.extraFeatures).toContain('sizeUpscaling');
  });
});

describe('pyramid level choice', () => {
  it('when a tile at scale factor f is asked, then the level 1/f is read, never a smaller one', async () => {
    const { pickLevel } = await import('../../../ocr/image/pyramid.js');
    const levels = [
      { page: 0, width: 2480, height: 3508 },
      { page: 1, width: 1240, height: 1754 },
      { page: 2, width: 620, height: 877 },
      { page: 3, width: 310, height: 438 },
    ];
    expect(pickLevel(levels, 1, 1).page).toBe(0);
    expect(pickLevel(levels, 0.5, 0.5).page).toBe(1);
    expect(pickLevel(levels, 0.25, 0.25).page).toBe(2);
    expect(pickLevel(levels, 0.3, 0.3).page).toBe(1); // 0.3 needs more than the quarter level has
    expect(pickLevel(levels, 0.125, 0.125).page).toBe(3); // 438.5 rows wanted, level 3 has 438: within a pixel
    expect(pickLevel(levels, 0.126, 0.126).page).toBe(2);
    expect(pickLevel(levels, 0.1, 0.1).page).toBe(3);
    expect(pickLevel(levels, 2, 2).page).toBe(0); // upscaling reads full resolution
  });
});
