/**
 * Quantities of an inventory and the files-per-shelf-metre sanity check (docs/domain.md §3: 32–42 files/m
 * is normal, 364/m means the counts or the boxes are wrong). Shared by the import answer and GET /handovers/:id.
 */
import type { InventorySummary, Problem } from './types.js';

export interface SummaryInput {
  files: number;
  boxes: number;
  sheets: number;
  fromYear: number | null;
  toYear: number | null;
}

export interface RatioSettings {
  boxWidthCm: number;
  /** Measured shelf metres, when someone has measured; otherwise boxes × box width. */
  measuredMetres: number | null;
  minFilesPerMetre: number;
  maxFilesPerMetre: number;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function computeSummary(a: SummaryInput, s: RatioSettings): InventorySummary {
  const estimatedMetres = round((a.boxes * s.boxWidthCm) / 100, 2);
  const metres = s.measuredMetres && s.measuredMetres > 0 ? s.measuredMetres : estimatedMetres;
  const filesPerMetre = metres > 0 && a.files > 0 ? round(a.files / metres, 1) : null;
  const ratioFlag =
    filesPerMetre === null ? null : filesPerMetre < s.minFilesPerMetre ? 'low' : filesPerMetre > s.maxFilesPerMetre ? 'high' : null;
  return { ...a, estimatedMetres, filesPerMetre, ratioFlag };
}

/** The warning shown when the ratio is outside the configured band; a flag for the appraiser, never a block. */
export function ratioWarning(summary: InventorySummary, s: RatioSettings): Problem | null {
  if (!summary.ratioFlag) return null;
  const basis = s.measuredMetres && s.measuredMetres > 0 ? `${s.measuredMetres} mét giá đo thực tế` : `${summary.boxes} hộp × ${s.boxWidthCm} cm`;
  const side = summary.ratioFlag === 'high' ? 'cao hơn' : 'thấp hơn';
  const bound = summary.ratioFlag === 'high' ? s.maxFilesPerMetre : s.minFilesPerMetre;
  return {
    row: null,
    column: null,
    message: `Tỷ lệ ${summary.filesPerMetre} hồ sơ/mét giá (${summary.files} hồ sơ trên ${basis}) ${side} mức thông thường ${bound}: kiểm tra lại số hồ sơ, số hộp hoặc số mét giá.`,
  };
}
