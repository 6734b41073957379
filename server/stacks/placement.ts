/**
 * Where boxes go on the shelves. Pure: no I/O, so the rules are unit-tested on their own
 * (test/unit/stacks/placement.test.ts).
 *
 * Widths are in centimetres. Shelf capacities come from metres stored as doubles (0.3 m × 100 is
 * 30.000000000000004 cm), so comparisons allow a tiny tolerance instead of failing a box that fits exactly.
 */

const EPSILON_CM = 1e-6;

export interface ShelfSpace {
  shelfId: number;
  roomId: number;
  unitId: number;
  /** Capacity minus the widths of the boxes already on the shelf. */
  freeCm: number;
  /** No box on the shelf yet: a run can only continue onto such a shelf without interleaving other holdings. */
  empty: boolean;
}

/** The shelf chosen for each box, in box order; null when they do not all fit. */
export type Assignment = number[] | null;

/**
 * Staff-chosen shelves: fill each shelf in the order given, then move to the next one.
 * Boxes keep their order, so a box that does not fit never goes back to an earlier shelf.
 */
export function fillInOrder(shelves: ShelfSpace[], widthsCm: number[]): Assignment {
  const out: number[] = [];
  let i = 0;
  let free = shelves[0]?.freeCm ?? 0;
  for (const w of widthsCm) {
    while (i < shelves.length && free + EPSILON_CM < w) {
      i++;
      free = shelves[i]?.freeCm ?? 0;
    }
    if (i >= shelves.length) return null;
    out.push(shelves[i].shelfId);
    free -= w;
  }
  return out;
}

/**
 * Tries to lay the boxes from `start` onwards: the first shelf may already hold boxes (ours go after them),
 * every later shelf of the run must be empty so the handover stays one unbroken sequence.
 * `sameGroup` says whether the next shelf continues the run (same unit, or same room).
 */
function runFrom(
  shelves: ShelfSpace[],
  start: number,
  widthsCm: number[],
  sameGroup: (a: ShelfSpace, b: ShelfSpace) => boolean,
): Assignment {
  const out: number[] = [];
  let i = start;
  let free = shelves[start].freeCm;
  for (const w of widthsCm) {
    while (free + EPSILON_CM < w) {
      const next = shelves[i + 1];
      if (!next || !next.empty || !sameGroup(shelves[i], next)) return null;
      i++;
      free = next.freeCm;
    }
    out.push(shelves[i].shelfId);
    free -= w;
  }
  return out;
}

/**
 * Suggestion: the first run of adjacent shelves (input already ordered by repository, room, unit ordinal,
 * shelf ordinal) whose contiguous free space holds every box. A run inside one shelf unit is preferred;
 * otherwise it may cross into the next unit of the same room. Never across rooms: a handover split between
 * rooms is hard to fetch and to audit.
 */
export function suggestRun(shelves: ShelfSpace[], widthsCm: number[]): Assignment {
  if (widthsCm.length === 0) return [];
  const sameUnit = (a: ShelfSpace, b: ShelfSpace) => a.unitId === b.unitId;
  const sameRoom = (a: ShelfSpace, b: ShelfSpace) => a.roomId === b.roomId;
  for (const sameGroup of [sameUnit, sameRoom]) {
    for (let s = 0; s < shelves.length; s++) {
      // A run must start with a box on it; a shelf too full for the first box only adds a gap.
      if (shelves[s].freeCm + EPSILON_CM < widthsCm[0]) continue;
      const r = runFrom(shelves, s, widthsCm, sameGroup);
      if (r) return r;
    }
  }
  return null;
}

/** Groups an assignment into consecutive [shelfId, count] pairs, in placement order. */
export function countPerShelf(assignment: number[]): { shelfId: number; boxes: number }[] {
  const out: { shelfId: number; boxes: number }[] = [];
  for (const id of assignment) {
    const last = out[out.length - 1];
    if (last && last.shelfId === id) last.boxes++;
    else out.push({ shelfId: id, boxes: 1 });
  }
  return out;
}
