-- Metadata proposals read from a page by OCR (ocr/documents/), kept apart from `documents`: nothing reaches a
-- document until staff have seen each field and accepted or corrected it (issue 14, "documents as data").
CREATE TABLE page_proposals (
  page_id              integer PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
  record_file_id       integer NOT NULL REFERENCES record_files(id),
  status               text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'done', 'failed')),
  -- {typeName: {value, box: [x0,y0,x1,y1] master px | null, confidence 0-100}, codeNumber: …, subject: …}
  fields               jsonb,
  -- Does the page open a document (motto, organ block, number line), proposed boundary for splitting.
  is_start             boolean,
  signals              jsonb,
  error                text,
  requested_at         timestamptz NOT NULL DEFAULT now(),
  done_at              timestamptz,
  -- The document created when staff accepted (a boundary confirmed with this page as first page).
  document_id          integer REFERENCES documents(id),
  -- Fields staff changed from the proposal when accepting: the measure of how good proposals are in use.
  corrected_fields     jsonb
);
CREATE INDEX page_proposals_file_idx ON page_proposals (record_file_id);
