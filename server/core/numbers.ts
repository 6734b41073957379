/** Numbers in text people read (messages, explanations, printed documents): vi-VN grouping 1.981, decimal comma 14,5. */
const formats = new Map<string, Intl.NumberFormat>();

/** `minFractionDigits` pads, for columns of figures that should line up (0,70 m beside 1,25 m). */
export function viNumber(n: number, maxFractionDigits = 0, minFractionDigits = 0): string {
  const key = `${maxFractionDigits}/${minFractionDigits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: minFractionDigits })));
  return f.format(n);
}
