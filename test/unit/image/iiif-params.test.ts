import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/core/errors.js';
import {
  parseIiifRequest,
  parseQualityFormat,
  parseRegion,
  parseRotation,
  parseSize,
  type IiifLimits,
} from '../../../server/iiif/iiif-params.js';

const image = { width: 3000, height: 4000 };
const region = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(400);
    expect((e as AppError).message).toMatch(/[àáảãạăâđêôơưếềểễệốồổỗộớờởỡợứừửữựíìỉĩịúùủũụýỳỷỹỵ]/i); // Vietnamese
    return e as AppError;
  }
  throw new Error('expected a 400');
}

describe('IIIF region', () => {
  it.each([
    ['full', region(0, 0, 3000, 4000)],
    ['square', region(0, 500, 3000, 3000)],
    ['0,0,512,512', region(0, 0, 512, 512)],
    ['2560,3584,512,512', region(2560, 3584, 440, 416)], // edge tile cropped to the image
    ['pct:10,10,50,25', region(300, 400, 1500, 1000)],
    ['pct:0,0,100,100', region(0, 0, 3000, 4000)],
    ['pct:33.3,0,33.4,100', region(999, 0, 1002, 4000)],
    ['100,200,99999,99999', region(100, 200, 2900, 3800)],
  ])('when the region is %s, then it is %o', (text, expected) => {
    expect(parseRegion(text, image)).toEqual(expected);
  });

  it.each([
    ['pct:50,50,80,80', region(1500, 2000, 1500, 2000)],
    ['pct:0,0,150,150', region(0, 0, 3000, 4000)],
    ['pct:90,95,200.5,10', region(2700, 3800, 300, 200)],
  ])('when the percent region "%s" reaches past 100, then it is cropped to the image (spec §4.1)', (text, expected) => {
    expect(parseRegion(text, image)).toEqual(expected);
  });

  it.each(['pct:100,0,10,10', 'pct:0,100,10,10', 'pct:150,150,10,10'])('when the percent region "%s" starts outside, then it is refused', (text) => {
    expect(refusal(() => parseRegion(text, image)).code).toBe('IIIF_REGION_INVALID');
  });

  it('when the image is landscape, then square is centred horizontally', () => {
    expect(parseRegion('square', { width: 5000, height: 3000 })).toEqual(region(1000, 0, 3000, 3000));
  });

  it.each(['', 'fulll', '0,0,512', '0,0,512,512,1', '-1,0,10,10', '0,0,0,10', '0,0,10,0', '3000,0,10,10', '0,4000,10,10',
    'pct:101,0,10,10', 'pct:0,0,0,10', 'pct:a,b,c,d', '1.5,0,10,10', '0x10,0,10,10', '1e3,0,10,10', ' 0,0,10,10'])(
    'when the region is "%s", then it is refused with IIIF_REGION_INVALID',
    (text) => {
      expect(refusal(() => parseRegion(text, image)).code).toBe('IIIF_REGION_INVALID');
    },
  );
});

describe('IIIF size', () => {
  const r = region(0, 0, 2000, 1000);
  it.each([
    ['max', { w: 2000, h: 1000 }],
    ['1000,', { w: 1000, h: 500 }],
    [',250', { w: 500, h: 250 }],
    ['pct:50', { w: 1000, h: 500 }],
    ['pct:12.5', { w: 250, h: 125 }],
    ['300,300', { w: 300, h: 300 }], // w,h may distort
    ['!500,500', { w: 500, h: 250 }],
    ['!500,100', { w: 200, h: 100 }],
    ['!4000,4000', { w: 2000, h: 1000 }], // confined, but never above the region without ^
    ['2000,1000', { w: 2000, h: 1000 }],
    ['1,', { w: 1, h: 1 }], // rounds to at least one pixel
  ])('when the size is %s on a 2000×1000 region, then the output is %o', (text, expected) => {
    expect(parseSize(text, r)).toEqual(expected);
  });

  it.each(['2001,', ',1001', 'pct:101', '2001,1000', '^max', '^1000,', '^pct:150'])(
    'when the size %s would upscale and upscaling is off, then it is refused with IIIF_UPSCALE_NOT_ALLOWED',
    (text) => {
      expect(refusal(() => parseSize(text, r)).code).toBe('IIIF_UPSCALE_NOT_ALLOWED');
    },
  );

  it.each([
    ['^3000,', { w: 3000, h: 1500 }],
    ['^pct:150', { w: 3000, h: 1500 }],
    ['^!4000,4000', { w: 4000, h: 2000 }],
    ['^1000,', { w: 1000, h: 500 }], // ^ allows, not requires, upscaling
  ])('when upscaling is allowed and the size is %s, then the output is %o', (text, expected) => {
    expect(parseSize(text, r, { allowUpscaling: true })).toEqual(expected);
  });

  it.each(['', 'min', ',', '0,', ',0', 'pct:0', 'pct:', 'pct:-5', '!500,', '!,500', '500', 'a,b', '-5,', '10,10,10', '^'])(
    'when the size is "%s", then it is refused with IIIF_SIZE_INVALID',
    (text) => {
      expect(refusal(() => parseSize(text, r, { allowUpscaling: true })).code).toBe('IIIF_SIZE_INVALID');
    },
  );

  describe('with server limits', () => {
    const limits: IiifLimits = { maxWidth: 1000, maxArea: 400_000 };
    it('when the size is max, then it shrinks to fit maxWidth, maxHeight (defaults to maxWidth) and maxArea', () => {
      const s = parseSize('max', r, limits);
      expect(s.w).toBeLessThanOrEqual(1000);
      expect(s.w * s.h).toBeLessThanOrEqual(400_000);
      expect(s.w / s.h).toBeCloseTo(2, 1);
      expect(parseSize('max', region(0, 0, 500, 3000), { maxWidth: 1000 })).toEqual({ w: 166, h: 1000 });
    });
    it('when an explicit size exceeds a limit, then it is refused with IIIF_SIZE_TOO_LARGE', () => {
      expect(refusal(() => parseSize('1200,', r, limits)).code).toBe('IIIF_SIZE_TOO_LARGE');
      expect(refusal(() => parseSize('1000,500', r, limits)).code).toBe('IIIF_SIZE_TOO_LARGE'); // 500,000 px > maxArea
    });
  });
});

describe('IIIF rotation', () => {
  it.each([
    ['0', 0, false],
    ['90', 90, false],
    ['180', 180, false],
    ['270', 270, false],
    ['360', 0, false],
    ['90.0', 90, false],
    ['!0', 0, true],
    ['!270', 270, true],
  ] as const)('when rotation is %s, then it is %i degrees, mirror %s', (text, degrees, mirror) => {
    expect(parseRotation(text)).toEqual({ degrees, mirror });
  });

  it.each(['45', '22.5', '89.9'])('when rotation is %s (not a multiple of 90), then it is refused as unsupported', (text) => {
    expect(refusal(() => parseRotation(text)).code).toBe('IIIF_ROTATION_UNSUPPORTED');
  });

  it.each(['', '-90', '361', 'abc', '!!90', '90!', '!'])('when rotation is "%s", then it is refused as invalid', (text) => {
    expect(refusal(() => parseRotation(text)).code).toBe('IIIF_ROTATION_INVALID');
  });
});

describe('IIIF quality and format', () => {
  it.each([
    ['default.jpg', 'default', 'jpg'],
    ['color.png', 'color', 'png'],
    ['gray.webp', 'gray', 'webp'],
    ['bitonal.jpg', 'bitonal', 'jpg'],
  ])('when the last segment is %s, then quality %s and format %s', (text, quality, format) => {
    expect(parseQualityFormat(text)).toEqual({ quality, format });
  });

  it.each([['native.jpg'], ['grey.jpg'], ['Default.jpg']])('when the quality in %s is unknown, then IIIF_QUALITY_INVALID', (t) => {
    expect(refusal(() => parseQualityFormat(t)).code).toBe('IIIF_QUALITY_INVALID');
  });

  it.each([['default.gif'], ['default.tif'], ['default.jp2'], ['default.pdf'], ['default'], ['default.'], ['default.JPG']])(
    'when the format in %s is not served, then IIIF_FORMAT_UNSUPPORTED',
    (t) => {
      expect(refusal(() => parseQualityFormat(t)).code).toBe('IIIF_FORMAT_UNSUPPORTED');
    },
  );
});

describe('parseIiifRequest', () => {
  it('when a viewer asks for a tile at scale factor 4, then region, size, rotation, quality and format come back together', () => {
    expect(
      parseIiifRequest({ region: '2048,2048,2048,2048', size: '512,', rotation: '!90', qualityFormat: 'gray.png' }, image),
    ).toEqual({
      region: region(2048, 2048, 952, 1952),
      size: { w: 512, h: 1050 },
      rotation: { degrees: 90, mirror: true },
      quality: 'gray',
      format: 'png',
    });
  });
});
