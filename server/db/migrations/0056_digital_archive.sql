-- Digital archive (issue 12, first half): PDF/A-2b derivatives with their self-check, AIP packages and PREMIS events.

-- One AIP export (a durable job): a package per file or per fonds, written once to the write-once area.
CREATE TABLE aip_exports (
  id              serial PRIMARY KEY,
  scope           text NOT NULL CHECK (scope IN ('file', 'fonds')),
  record_file_id  integer REFERENCES record_files(id),
  fonds_id        integer REFERENCES fonds(id),
  package_id      text NOT NULL UNIQUE,            -- OBJID of the root METS, e.g. "AIP_hoso-VN-KLT-12-3f9c…"
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress_done   integer NOT NULL DEFAULT 0,
  progress_total  integer NOT NULL DEFAULT 0,
  stage           text,                            -- what the job is doing now, shown in the browser
  attempts        integer NOT NULL DEFAULT 0,
  object_key      text,                            -- where the ZIP lies in the write-once area (null until done)
  size_bytes      bigint,
  sha256          text CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'),
  -- What protects the package: 'object-lock' (S3 retention set and read back), 'read-only-fs' (0444 file in a 0555
  -- folder) or 'none' (the store offers neither; the package is NOT locked).
  lock_mode       text CHECK (lock_mode IS NULL OR lock_mode IN ('object-lock', 'read-only-fs', 'none')),
  locked_until    timestamptz,
  lock_detail     text,
  pdfa_checked    integer NOT NULL DEFAULT 0,
  pdfa_passed     integer NOT NULL DEFAULT 0,
  fixity_status   text NOT NULL DEFAULT 'unchecked' CHECK (fixity_status IN ('unchecked', 'ok', 'corrupt', 'missing')),
  fixity_checked_at timestamptz,
  error           text,
  requested_by    integer REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  CHECK ((scope = 'file' AND record_file_id IS NOT NULL) OR (scope = 'fonds' AND fonds_id IS NOT NULL))
);
CREATE INDEX aip_exports_file_idx ON aip_exports (record_file_id, id);
CREATE INDEX aip_exports_fonds_idx ON aip_exports (fonds_id, id);

-- PREMIS events the archive area itself produces (PDF/A creation, its self-check, AIP fixity checks). Capture, OCR
-- and master fixity events are read from the audit log (events) where the other areas already record them.
CREATE TABLE premis_events (
  id              bigserial PRIMARY KEY,
  event_uuid      uuid NOT NULL UNIQUE,
  event_type      text NOT NULL,                   -- LoC PREMIS event types: creation, validation, fixity check, …
  at              timestamptz NOT NULL,
  record_file_id  integer REFERENCES record_files(id),
  aip_export_id   integer REFERENCES aip_exports(id),
  object_name     text NOT NULL,                   -- what the event is about, e.g. "representations/rep1/data/ho-so.pdf"
  object_sha256   text,
  outcome         text NOT NULL CHECK (outcome IN ('pass', 'fail')),
  detail          text NOT NULL,
  agent           text NOT NULL,                   -- software and version
  data            jsonb
);
CREATE INDEX premis_events_file_idx ON premis_events (record_file_id, at);
CREATE INDEX premis_events_aip_idx ON premis_events (aip_export_id, at);
