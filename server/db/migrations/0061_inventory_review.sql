-- "Số hóa mục lục" review drafts (issue 14): the inventory rows proposed from a digitised file's scanned inventory
-- pages, kept with staff's edits and "seen" marks until they are imported as the agency's register. One draft per
-- file; extracting again replaces it. Rows are one JSON array: they are always read and written as a whole draft.
CREATE TABLE inventory_reviews (
  record_file_id  integer PRIMARY KEY REFERENCES record_files(id),
  page_ids        jsonb NOT NULL,
  columns         jsonb NOT NULL,
  rows            jsonb NOT NULL,
  created_by      integer,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  imported_at     timestamptz,
  imported_rows   integer
);
