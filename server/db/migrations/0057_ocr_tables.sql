-- Ruled tables found by OCR on a page (ocr/tables/): [{b, rows, cols, cells: [{r, c, rs, cs, b, l: [first, end]}]}],
-- cell boxes in master-image pixels and line ranges into ocr_lines. NULL when the page has no table; kept
-- beside ocr_words/ocr_lines so the ALTO/hOCR exports can write the table structure as blocks.
ALTER TABLE pages ADD COLUMN ocr_tables jsonb;
