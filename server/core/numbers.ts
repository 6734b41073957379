/** Numbers in text people read (messages, explanations, printed documents): vi-VN grouping 1.981, decimal comma 14,5. */
const formats = new Map<number, Intl.NumberFormat>();

export function viNumber(n: number, maxFractionDigits = 0): string {
  let f = formats.get(maxFractionDigits);
  if (!f) formats.set(maxFractionDigits, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits })));
  return f.format(n);
}
