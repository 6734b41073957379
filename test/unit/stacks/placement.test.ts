import { describe, expect, it } from 'vitest';
import { countPerShelf, fillInOrder, suggestRun, type ShelfSpace } from '../../../server/stacks/placement.js';

/** Shelves in placement order; `free` in cm, `used` marks a shelf that already holds boxes. */
function shelf(shelfId: number, unitId: number, free: number, opts: { roomId?: number; used?: boolean } = {}): ShelfSpace {
  return { shelfId, unitId, roomId: opts.roomId ?? 1, freeCm: free, empty: !opts.used };
}
const boxes = (n: number, w = 10) => Array.from({ length: n }, () => w);

describe('fillInOrder (staff-chosen shelves)', () => {
  it('when boxes exceed the first shelf, then it is filled to capacity before the next one', () => {
    expect(fillInOrder([shelf(7, 1, 30), shelf(3, 1, 100)], boxes(5))).toEqual([7, 7, 7, 3, 3]);
  });

  it('when the chosen shelves are too small together, then null', () => {
    expect(fillInOrder([shelf(1, 1, 30), shelf(2, 1, 15)], boxes(5))).toBeNull();
  });

  it('when a capacity in metres gives a float like 30.000000000000004 cm, then three 10 cm boxes still fit exactly', () => {
    expect(fillInOrder([shelf(1, 1, 0.3 * 100)], boxes(3))).toEqual([1, 1, 1]);
    expect(fillInOrder([shelf(1, 1, 0.29 * 100)], boxes(3))).toBeNull();
  });
});

describe('suggestRun', () => {
  it('when the first shelf has a gap too small for the run and the next shelf is occupied, then the gap is skipped', () => {
    const shelves = [shelf(1, 1, 20, { used: true }), shelf(2, 1, 0, { used: true }), shelf(3, 1, 100), shelf(4, 1, 100)];
    expect(suggestRun(shelves, boxes(5))).toEqual([3, 3, 3, 3, 3]);
  });

  it('when a partly used shelf is followed by empty ones, then the run starts after the existing boxes and continues', () => {
    const shelves = [shelf(1, 1, 20, { used: true }), shelf(2, 1, 100), shelf(3, 1, 100)];
    expect(suggestRun(shelves, boxes(5))).toEqual([1, 1, 2, 2, 2]);
  });

  it('when a run would continue onto a shelf that holds other boxes, then it is not contiguous and is rejected', () => {
    // From shelf 1 the run would have to continue onto shelf 2, which holds other boxes; from shelf 2 it may.
    const shelves = [shelf(1, 1, 30, { used: true }), shelf(2, 1, 10, { used: true }), shelf(3, 1, 40)];
    expect(suggestRun(shelves, boxes(5))).toEqual([2, 3, 3, 3, 3]);
  });

  it('when one unit can hold the boxes further on, then that is preferred to an earlier run across two units', () => {
    const shelves = [shelf(1, 1, 30), shelf(2, 2, 30), shelf(3, 3, 50)];
    expect(suggestRun(shelves, boxes(5))).toEqual([3, 3, 3, 3, 3]);
  });

  it('when no single unit suffices, then the run crosses into the adjacent unit of the same room', () => {
    const shelves = [shelf(1, 1, 30), shelf(2, 2, 30), shelf(3, 3, 10, { used: true })];
    expect(suggestRun(shelves, boxes(5))).toEqual([1, 1, 1, 2, 2]);
  });

  it('when only a run across two rooms would fit, then null: a handover is never split between rooms', () => {
    const shelves = [shelf(1, 1, 30, { roomId: 1 }), shelf(2, 2, 30, { roomId: 2 })];
    expect(suggestRun(shelves, boxes(5))).toBeNull();
  });

  it('when there are no boxes, then an empty placement', () => {
    expect(suggestRun([], [])).toEqual([]);
  });
});

describe('countPerShelf', () => {
  it('when boxes go to two shelves, then the counts follow placement order', () => {
    expect(countPerShelf([4, 4, 9, 9, 9])).toEqual([{ shelfId: 4, boxes: 2 }, { shelfId: 9, boxes: 3 }]);
  });
});
