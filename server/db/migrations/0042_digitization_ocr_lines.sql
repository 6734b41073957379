-- OCR lines of a page ([{b:[x0,y0,x1,y1], w:[first,last]}], indexes into ocr_words), kept beside the words so the
-- ALTO/hOCR exports rebuild TextLine/ocr_line structure from the stored result without re-running OCR.
-- Owner: server/digitization.
ALTER TABLE pages ADD COLUMN ocr_lines jsonb;
