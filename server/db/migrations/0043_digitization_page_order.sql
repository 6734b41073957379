-- Page order that never follows upload completion (issue 9): each master remembers the selection it was uploaded in
-- and its place there, so its pages are slotted in selection order whichever upload commits first; and the
-- (file, seq) constraint becomes deferrable, checked at the end of each statement, so pages can be renumbered in
-- one UPDATE (insert in the middle, reorder, delete). Owner: server/digitization.
ALTER TABLE masters
  ADD COLUMN upload_group text CHECK (char_length(upload_group) <= 64),
  ADD COLUMN upload_position integer CHECK (upload_position >= 0);
CREATE INDEX masters_upload_group_idx ON masters (record_file_id, upload_group);

ALTER TABLE pages DROP CONSTRAINT pages_record_file_id_seq_key;
ALTER TABLE pages ADD CONSTRAINT pages_record_file_id_seq_key UNIQUE (record_file_id, seq) DEFERRABLE INITIALLY IMMEDIATE;
