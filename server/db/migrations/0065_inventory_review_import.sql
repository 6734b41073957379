-- "Số hóa mục lục" imports a reviewed scanned inventory as record files of the scanned file's fonds (issue 14).
-- Each imported file names the scanned file whose review produced it, so importing that review again replaces
-- exactly its own earlier files and never another import's or a handover's. The review keeps the hash and the
-- fonds of what it last imported, so the same content twice changes nothing.
ALTER TABLE record_files ADD COLUMN inventory_review_file_id integer REFERENCES record_files(id);
CREATE INDEX record_files_inventory_review_idx ON record_files (inventory_review_file_id) WHERE inventory_review_file_id IS NOT NULL;

ALTER TABLE inventory_reviews ADD COLUMN imported_sha256 text;
ALTER TABLE inventory_reviews ADD COLUMN imported_fonds_id integer REFERENCES fonds(id);
