import { describe, expect, it } from 'vitest';
import { formatNumber, metres, num } from '../../../client/src/format.js';
import { vi } from '../../../client/src/i18n/vi.js';
import { viNumber } from '../../../server/core/numbers.js';

describe('numbers shown to people (vi-VN)', () => {
  it('when a count, metres or days are formatted, then thousands are grouped with "." and decimals use ","', () => {
    expect(formatNumber(1689)).toBe('1.689');
    expect(formatNumber(1_234_567)).toBe('1.234.567');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(14.5)).toBe('15');
    expect(num(14.5)).toBe('14,5');
    expect(metres(1250.5)).toBe('1.250,5 m');
    expect(metres(14.25)).toBe('14,25 m');
    expect(formatNumber(null)).toBe('—');
    expect(viNumber(1981)).toBe('1.981');
    expect(viNumber(14.5, 1)).toBe('14,5');
  });

  it('when screens build sentences with counts, then they use the helper', () => {
    expect(vi.sched.imported(1500, 2)).toBe('Đã nhập: 1.500 khối mới, 2 khối cập nhật.');
    expect(vi.wizard.imported(10000)).toBe('Đã nhập 10.000 hồ sơ.');
    expect(vi.dig.stored(1200)).toBe('Đã lưu: 1.200 trang');
    expect(vi.plans.lateDays(1981)).toBe('Trễ 1.981 ngày');
    expect(vi.importPreview.counts(1024, 0)).toBe('Sẽ nhập: 1.024 mới, 0 cập nhật.');
  });
});
