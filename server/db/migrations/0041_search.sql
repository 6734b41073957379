-- Search: accent-insensitive Vietnamese full text over OCR pages and over file/document metadata.
-- Owner: server/search. Vietnamese is indexed per syllable with the 'simple' parser; tone marks and đ are folded by
-- f_unaccent (0001) before indexing, so "bien ban" and "biên bản" meet on the same lexemes. Everything here is
-- PostgreSQL 15 compatible (PGlite 0.5 is 18, CI runs 15).

-- search_fold(): lower-case, tone marks and đ folded, and '/', '.', '@', '-' turned into spaces so the default parser
-- does not swallow "667/QĐ-UBND" or "hungyen.gov.vn" as one file/host token (nor give a hyphenated word an extra
-- position): each syllable and number is one lexeme at its own position, as the query side splits them.
CREATE FUNCTION search_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN translate(f_unaccent(lower($1)), './@-', '    ');
-- Exact-accent side: the same without folding marks (text is NFC on the way in, so lower() is enough).
CREATE FUNCTION search_fold_exact(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN translate(lower($1), './@-', '    ');

-- Page text, folded. A stored generated column: no trigger to forget, rewritten only when ocr_text changes.
ALTER TABLE pages ADD COLUMN search_tsv tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', search_fold(coalesce(ocr_text, '')))) STORED;
CREATE INDEX pages_search_tsv_idx ON pages USING gin (search_tsv);
-- Page text with its marks, for the exact-accent option: indexed because filtering candidates of the folded index by
-- regex read every candidate page (1–3 s at 20,000 pages for "bàn giao", where "ban"/"bản" are everywhere).
-- Metadata is short and few rows: exact mode checks it by regex (server/search/search.repository.ts).
ALTER TABLE pages ADD COLUMN search_tsv_exact tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', search_fold_exact(coalesce(ocr_text, '')))) STORED;
CREATE INDEX pages_search_tsv_exact_idx ON pages USING gin (search_tsv_exact);

-- Metadata carries weight A so a match in a title or subject ranks above the same word deep in page text (weight D).
ALTER TABLE record_files ADD COLUMN search_tsv tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple', search_fold(
    title || ' ' || file_notation || ' ' || coalesce(file_code, ''))), 'A')) STORED;
CREATE INDEX record_files_search_tsv_idx ON record_files USING gin (search_tsv);

ALTER TABLE documents ADD COLUMN search_tsv tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('simple', search_fold(
    subject || ' ' || coalesce(type_name, '') || ' ' || coalesce(organ_name, '') || ' ' || coalesce(code_number, '') || ' ' ||
    coalesce(code_notation, '') || ' ' || coalesce(keyword, ''))), 'A')) STORED;
CREATE INDEX documents_search_tsv_idx ON documents USING gin (search_tsv);
CREATE INDEX pages_document_idx ON pages (document_id) WHERE document_id IS NOT NULL;

-- Snippets: ts_headline parses the ORIGINAL text with this configuration, which folds each word before comparing it
-- with the (folded) query, so the query "hung yen" highlights "Hưng Yên" while the snippet keeps its tone marks.
CREATE TEXT SEARCH CONFIGURATION vn_unaccent (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION vn_unaccent
  ALTER MAPPING FOR word, asciiword, hword, hword_part, asciihword, hword_asciipart, numword, numhword, hword_numpart
  WITH unaccent, simple;

CREATE INDEX access_grants_file_idx ON access_grants (record_file_id);
