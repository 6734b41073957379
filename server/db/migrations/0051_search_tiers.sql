-- Search: term-frequency tiers of page text, so ranking can start where the best pages are.
-- Owner: server/search. Ranking (ts_rank) reads at most RANK_WINDOW matching pages; without this the window was the
-- first rows in table order, so a syllable on most pages ("của") was ranked among arbitrary pages. For every lexeme
-- that occurs at least k times on a page (k = 2, 4, 8, 16) the page also holds the lexeme 'k~<lexeme>' here; the
-- window is then filled from the pages where every query syllable is frequent (highest tier first), which is where
-- ts_rank is highest (measured in bench:search's ranking study).
-- A function of ocr_text, not of search_tsv: a generated column cannot read another generated column.
CREATE FUNCTION search_tiers(text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN array_to_tsvector(ARRAY(
    SELECT k || '~' || u.lexeme
    FROM unnest(to_tsvector('simple', search_fold($1))) u, unnest('{2,4,8,16}'::integer[]) k
    WHERE cardinality(u.positions) >= k));

ALTER TABLE pages ADD COLUMN search_tiers tsvector
  GENERATED ALWAYS AS (search_tiers(coalesce(ocr_text, ''))) STORED;
CREATE INDEX pages_search_tiers_idx ON pages USING gin (search_tiers);
