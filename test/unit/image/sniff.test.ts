import { describe, expect, it } from 'vitest';
import { sniff } from '../../../ocr/image/sniff.js';

const bytes = (...xs: (number | string)[]) =>
  Buffer.concat(xs.map((x) => (typeof x === 'string' ? Buffer.from(x, 'latin1') : Buffer.from([x]))));

describe('sniff', () => {
  it.each([
    ['little-endian TIFF', bytes('II', 42, 0, 8, 0, 0, 0), 'tiff', false],
    ['big-endian TIFF', bytes('MM', 0, 42, 0, 0, 0, 8), 'tiff', false],
    ['little-endian BigTIFF', bytes('II', 43, 0, 8, 0, 0, 0), 'tiff', true],
    ['big-endian BigTIFF', bytes('MM', 0, 43, 0, 8, 0, 0), 'tiff', true],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF'), 'jpeg', false],
    ['PNG', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a), 'png', false],
  ])('when the file starts like a %s, then it is that image format', (_, head, format, bigTiff) => {
    expect(sniff(head)).toMatchObject({ kind: 'image', format, bigTiff });
  });

  it.each([
    ['%PDF-1.7\n', 'PDF'],
    ['GIF89a....', 'GIF'],
    ['BM6\x00\x00\x00', 'BMP'],
    ['RIFF\x00\x00\x00\x00WEBPVP8 ', 'WebP'],
    ['\x00\x00\x00\x1cftypheic', 'HEIF/AVIF'],
    ['AT&TFORM\x00\x00', 'DjVu'],
    ['PK\x03\x04\x14\x00', 'ZIP'],
    ['  <!DOCTYPE html><html>', 'HTML'],
    ['<svg xmlns="http://www.w3.org/2000/svg">', 'XML/SVG'],
    ['Biên bản giao nộp\n', 'văn bản'],
    ['\x00\x01\x02\x03\xfe', 'không rõ'],
    ['', 'không rõ'],
  ])('when the file starts with %j, then it is not an image and is named %s', (head, name) => {
    const buf = head === 'Biên bản giao nộp\n' ? Buffer.from(head, 'utf8') : Buffer.from(head, 'latin1');
    expect(sniff(buf)).toEqual({ kind: 'other', name });
  });
});
