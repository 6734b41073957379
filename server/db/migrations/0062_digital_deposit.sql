-- Digital deposit (SIP in, issue 12): a handover is either of paper files in boxes or of an agency's PDF/A package.
-- A digital handover has no boxes and no shelves; on receipt its PDFs become digitised files (pages, text layer).
ALTER TABLE handovers ADD COLUMN kind text NOT NULL DEFAULT 'paper' CHECK (kind IN ('paper', 'digital'));

-- The accepted package (gói SIP): only packages that passed every check are stored; refusals leave no row.
CREATE TABLE deposit_packages (
  id               serial PRIMARY KEY,
  handover_id      integer NOT NULL UNIQUE REFERENCES handovers(id),
  agency_id        integer NOT NULL REFERENCES source_agencies(id),
  original_name    text NOT NULL,
  sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes       bigint NOT NULL CHECK (size_bytes > 0),
  metadata_file    text NOT NULL,
  files            integer NOT NULL CHECK (files > 0),
  pages            integer NOT NULL CHECK (pages > 0),
  created_by       integer REFERENCES users(id),
  created_at       timestamptz NOT NULL,
  materialised_at  timestamptz
);
CREATE INDEX deposit_packages_agency_idx ON deposit_packages (agency_id, created_at);

-- One deposited PDF/A per file (hồ sơ), kept byte for byte: the preservation master of a digital record.
CREATE TABLE deposit_files (
  id               serial PRIMARY KEY,
  package_id       integer NOT NULL REFERENCES deposit_packages(id),
  record_file_id   integer NOT NULL UNIQUE REFERENCES record_files(id),
  path             text NOT NULL,
  object_key       text NOT NULL UNIQUE,
  sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes       bigint NOT NULL CHECK (size_bytes > 0),
  pages            integer NOT NULL CHECK (pages > 0),
  materialised_at  timestamptz,
  UNIQUE (package_id, path)
);
