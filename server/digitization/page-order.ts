/**
 * Where a newly stored master's pages go in its file. Uploads of one selection arrive in any order (the browser sends
 * two files at a time, and a small file overtakes a big one), so a page number must never come from which upload
 * finished first. Each master remembers its selection (`uploadGroup`) and its place in it (`uploadPosition`, or its
 * name in natural order when the client sent none); a newcomer goes right after every master of its selection that
 * precedes it, or right before the ones it precedes, and a selection nobody has seen yet goes after the file's last
 * page. Whatever the arrival order, a selection's pages end up contiguous and in selection order.
 */

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** Natural file-name order: "trang-2" before "trang-10"; marks and case only break ties. */
export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export interface InSelection {
  name: string;
  position: number | null;
}

export interface Placed extends InSelection {
  firstSeq: number;
  lastSeq: number;
}

/** Selection order: the client's positions when both have one, else natural name order. */
export function compareInSelection(a: InSelection, b: InSelection): number {
  if (a.position != null && b.position != null && a.position !== b.position) return a.position - b.position;
  return naturalCompare(a.name, b.name);
}

/** The page number after which the newcomer's pages are inserted (0 = at the very start). */
export function insertAfter(newcomer: InSelection, mates: Placed[], lastSeq: number): number {
  const before = mates.filter((m) => compareInSelection(m, newcomer) <= 0);
  if (before.length) return Math.max(...before.map((m) => m.lastSeq));
  if (mates.length) return Math.min(...mates.map((m) => m.firstSeq)) - 1;
  return lastSeq;
}
