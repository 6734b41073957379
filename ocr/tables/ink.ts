/**
 * Page measurements for rule finding (ocr/tables/grid.ts): the page's own ink/paper split and its skew.
 */

/** Otsu's threshold on the page histogram: the split between ink and paper this page actually has. */
export function otsu(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (const v of data) hist[v]++;
  const total = data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i];
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += t * hist[t];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t + 1;
    }
  }
  return threshold;
}

/** Skew (radians) maximising the sharpness of the row profile of ink; text lines and rules both vote. */
export function estimateSkew(xs: Int32Array, ys: Int32Array, n: number, maxDeg = 3): number {
  const score = (deg: number) => {
    const a = (deg * Math.PI) / 180;
    const sin = Math.sin(a);
    const cos = Math.cos(a);
    const bins = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = Math.round(-xs[i] * sin + ys[i] * cos);
      bins.set(v, (bins.get(v) ?? 0) + 1);
    }
    let s = 0;
    for (const c of bins.values()) s += c * c;
    return s;
  };
  let best = 0;
  let bestScore = -1;
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.2) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const coarse = best;
  for (let d = coarse - 0.2; d <= coarse + 0.2 + 1e-9; d += 0.02) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return (best * Math.PI) / 180;
}
