import { describe, expect, it } from 'vitest';
import { assertSafeKey, assertSafePrefix, keys, unsafeKeyReason, UnsafeKeyError } from '../../../storage/safe-key.js';

describe('safe object keys', () => {
  it.each([
    ['', 'empty'],
    ['../x', 'dot segment'],
    ['a/../b', 'dot segment'],
    ['./a', 'dot segment'],
    ['/abs', 'absolute'],
    ['a//b', 'empty segment'],
    ['a/', 'empty segment'],
    ['a\\b', 'backslash'],
    ['a\0b', 'NUL byte'],
    ['a\nb', 'control character'],
    ['C:/x', 'drive letter'],
    ['a/.b', 'hidden segment'],
    ['Hu\u0301ng', 'not NFC'],
    ['k'.repeat(513), 'longer than 512 bytes'],
    [`${'s'.repeat(201)}/x`, 'segment longer than 200 bytes'],
  ])('when the key is %j, then it is refused (%s)', (key, reason) => {
    expect(unsafeKeyReason(key)).toBe(reason);
    expect(() => assertSafeKey(key)).toThrow(UnsafeKeyError);
  });

  it('when keys are ordinary relative paths (Vietnamese in NFC included), then they pass', () => {
    for (const k of ['a', 'masters/1/x.tif', 'a.b/c-d_e', 'Hưng Yên/hồ sơ.pdf', `${'k'.repeat(200)}/${'k'.repeat(200)}/${'k'.repeat(110)}`]) expect(assertSafeKey(k)).toBe(k);
  });

  it('when a list prefix ends with a slash or is empty, then it is accepted, but not with unsafe segments', () => {
    expect(assertSafePrefix('')).toBe('');
    expect(assertSafePrefix('masters/')).toBe('masters/');
    expect(assertSafePrefix('masters/1')).toBe('masters/1');
    expect(() => assertSafePrefix('../')).toThrow(UnsafeKeyError);
    expect(() => assertSafePrefix('a//')).toThrow(UnsafeKeyError);
  });

  it('when the key scheme builds keys, then ids and extensions are checked and the result is safe', () => {
    expect(keys.master(12, '.TIFF', '0b6f4b8e-1c7e-4f6a-9a39-2f8b2f0f2a11')).toBe('masters/12/0b6f4b8e-1c7e-4f6a-9a39-2f8b2f0f2a11.tiff');
    expect(keys.master(12, 'jpg')).toMatch(/^masters\/12\/[0-9a-f-]{36}\.jpg$/);
    expect(keys.master(12, 'jpg')).not.toBe(keys.master(12, 'jpg'));
    expect(keys.thumbnail(3)).toBe('derivatives/3/thumb.webp');
    expect(keys.pyramid(3)).toBe('derivatives/3/pyramid.tif');
    expect(keys.ocr(3, '7.0.0-vie')).toBe('ocr/3/7_0_0-vie.json');
    expect(keys.mastersOf(12)).toBe('masters/12/');
    expect(() => keys.master('1/2', 'tif')).toThrow(UnsafeKeyError);
    expect(() => keys.master(1, 't/f')).toThrow(UnsafeKeyError);
    expect(() => keys.access('..')).toThrow(UnsafeKeyError);
    for (const k of [keys.master(1, 'tif'), keys.access(1), keys.export('xlsx'), keys.temp()]) expect(unsafeKeyReason(k)).toBeUndefined();
  });
});
