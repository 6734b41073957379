-- Dissemination packages (DIPs, TT 05/2025 Điều 32): what a reader was given, when, and the hashes of it. The DIP
-- itself (ZIP: watermarked PDF/A-2b per file + metadata.json) is rebuilt on request and not kept; this row and the
-- PREMIS events are the record.
CREATE TABLE dips (
  id              serial PRIMARY KEY,
  dip_uuid        uuid NOT NULL UNIQUE,
  kind            text NOT NULL CHECK (kind IN ('copy_order', 'download')),
  copy_order_id   integer REFERENCES copy_orders(id),
  request_id      integer REFERENCES access_requests(id),
  user_id         integer NOT NULL REFERENCES users(id),
  reader_name     text NOT NULL,
  record_file_ids integer[] NOT NULL,
  pages           integer NOT NULL CHECK (pages > 0),
  issued_at       timestamptz NOT NULL,
  zip_sha256      text NOT NULL CHECK (zip_sha256 ~ '^[0-9a-f]{64}$'),
  zip_size        bigint NOT NULL,
  metadata        jsonb NOT NULL,
  CHECK (kind <> 'copy_order' OR copy_order_id IS NOT NULL)
);
CREATE INDEX dips_user_idx ON dips (user_id, id);
CREATE INDEX dips_order_idx ON dips (copy_order_id);

-- The PDF/A creation, self-check and dissemination events of a DIP's PDFs.
ALTER TABLE premis_events ADD COLUMN dip_id integer REFERENCES dips(id);
CREATE INDEX premis_events_dip_idx ON premis_events (dip_id, at);
