-- Per-page OCR quality signal (issue 14, ocr/page-quality.ts): mean word confidence, share of doubtful words, word
-- count, suspected table, and whether (and why) a person should look at the page. Written by the page.ocr job in the
-- transaction that stores the OCR text; NULL until then. Pages OCR'd before this migration keep their stored words
-- (ocr_words, ocr_tables), so their quality is computed from those the first time their batch is listed
-- (server/digitization/digitization.service.ts), without an ink measure. Owner: server/digitization.
ALTER TABLE pages
  ADD COLUMN quality_mean_confidence real,
  ADD COLUMN quality_low_share       real,
  ADD COLUMN quality_word_count      integer,
  ADD COLUMN quality_uncovered_ink   real,    -- share of the ink outside the words read; NULL when not measured
  ADD COLUMN quality_suspected_table boolean,
  ADD COLUMN quality_needs_review    boolean,
  -- stable codes (QualityReason): low_mean_confidence, many_low_confidence_words, text_missed, table_not_read, no_text
  ADD COLUMN quality_reasons         text[];
CREATE INDEX pages_needs_review_idx ON pages (batch_id) WHERE quality_needs_review;
