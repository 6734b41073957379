/** Shelf metres with three decimals: enough for a millimetre, and no 0.30000000000000004 in JSON. */
export function roundM(m: number): number {
  return Math.round(m * 1000) / 1000;
}
