/** Vietnamese wording of the page quality reasons (ocr/page-quality.ts), with the page's own figures. */
import { LOW_WORD_CONFIDENCE, MAX_LOW_CONFIDENCE_SHARE, MAX_UNCOVERED_INK, MIN_MEAN_CONFIDENCE, type QualityReason } from '../../ocr/page-quality.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function qualityReasonMessage(code: QualityReason, q: { meanWordConfidence: number | null; lowConfidenceShare: number | null; uncoveredInkShare: number | null }): string {
  switch (code) {
    case 'low_mean_confidence':
      return `Độ tin cậy trung bình thấp: ${Math.round(q.meanWordConfidence ?? 0)}/100 (dưới ${MIN_MEAN_CONFIDENCE})`;
    case 'many_low_confidence_words':
      return `Nhiều từ đọc không chắc: ${pct(q.lowConfidenceShare ?? 0)} số từ có độ tin cậy dưới ${LOW_WORD_CONFIDENCE} (ngưỡng ${pct(MAX_LOW_CONFIDENCE_SHARE)})`;
    case 'text_missed':
      return `Có thể bị sót chữ: ${pct(q.uncoveredInkShare ?? 0)} lượng mực nằm ngoài các chữ đã đọc (ngưỡng ${pct(MAX_UNCOVERED_INK)})`;
    case 'table_not_read':
      return 'Trang có vẻ là bảng (chữ xếp thẳng cột) nhưng không được đọc theo bảng kẻ ô';
    case 'no_text':
      return 'Không nhận dạng được chữ trên trang có mực (hoặc chưa đo được mực)';
  }
}
