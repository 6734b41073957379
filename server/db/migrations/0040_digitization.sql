-- Digitisation: documents (văn bản) inside files (hồ sơ), TT 02/2019 file metadata, upload batches,
-- masters kept byte-for-byte, and pages (one per image; a multi-page TIFF gives several).
-- Owner: server/digitization. Search columns and indexes live in 0041_search.sql.

CREATE TABLE documents (
  id                 serial PRIMARY KEY,
  record_file_id     integer NOT NULL REFERENCES record_files(id),
  doc_ordinal        integer NOT NULL CHECK (doc_ordinal > 0),          -- DocOrdinal
  doc_code           text CHECK (char_length(doc_code) <= 25),          -- DocCode
  type_name          text CHECK (char_length(type_name) <= 100),        -- TypeName (tên loại: Quyết định, Công văn…)
  code_number        text CHECK (char_length(code_number) <= 11),       -- CodeNumber
  code_notation      text CHECK (char_length(code_notation) <= 30),     -- CodeNotation
  issued_date        date,                                              -- IssuedDate
  organ_name         text CHECK (char_length(organ_name) <= 200),       -- OrganName
  subject            text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 500), -- Subject (trích yếu)
  language           text NOT NULL DEFAULT 'Tiếng Việt' CHECK (char_length(language) <= 100),
  page_amount        integer CHECK (page_amount >= 0),                  -- PageAmount
  notes              text CHECK (char_length(notes) <= 500),
  infor_sign         text CHECK (char_length(infor_sign) <= 30),        -- InforSign
  keyword            text CHECK (char_length(keyword) <= 100),          -- Keyword
  access_level       text NOT NULL DEFAULT 'unrestricted' CHECK (access_level IN ('unrestricted', 'restricted')), -- Mode
  secrecy            text CHECK (secrecy IN ('mat', 'toi_mat', 'tuyet_mat')),
  declassified_year  integer,
  confidence_level   text CHECK (confidence_level IN ('original', 'copy')),  -- ConfidenceLevel 01/02
  autograph          text CHECK (char_length(autograph) <= 2000),       -- Autograph (bút tích)
  physical_condition text CHECK (physical_condition IN ('01', '02', '03', '04', '05', '06')), -- Format
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (record_file_id, doc_ordinal)
);

-- File-level TT 02/2019 fields that record_files (from the handover) does not already hold.
CREATE TABLE file_metadata (
  record_file_id  integer PRIMARY KEY REFERENCES record_files(id),
  identifier      text CHECK (char_length(identifier) <= 13),    -- Identifier (mã cơ quan lưu trữ)
  organ_id        text CHECK (char_length(organ_id) <= 13),      -- OrganId (mã phông)
  file_catalog    text CHECK (char_length(file_catalog) <= 4),   -- FileCatalog (mục lục số / năm)
  language        text NOT NULL DEFAULT 'Tiếng Việt' CHECK (char_length(language) <= 100),
  total_doc       integer CHECK (total_doc >= 0),                -- TotalDoc
  description     text CHECK (char_length(description) <= 2000), -- Description (chú giải)
  infor_sign      text CHECK (char_length(infor_sign) <= 30),    -- InforSign
  keyword         text CHECK (char_length(keyword) <= 100),      -- Keyword
  page_number     integer CHECK (page_number >= 0),              -- PageNumber
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE digitization_batches (
  id              serial PRIMARY KEY,
  fonds_id        integer NOT NULL REFERENCES fonds(id),
  record_file_id  integer NOT NULL REFERENCES record_files(id),
  document_id     integer REFERENCES documents(id),
  label           text CHECK (char_length(label) <= 200),
  created_by      integer REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX digitization_batches_file_idx ON digitization_batches (record_file_id);

-- The uploaded master, byte-for-byte. Same bytes for the same file are stored once.
CREATE TABLE masters (
  id                serial PRIMARY KEY,
  batch_id          integer NOT NULL REFERENCES digitization_batches(id),
  record_file_id    integer NOT NULL REFERENCES record_files(id),
  object_key        text NOT NULL UNIQUE,
  original_name     text NOT NULL,
  sha256            text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes        bigint NOT NULL CHECK (size_bytes > 0),
  format            text NOT NULL CHECK (format IN ('tiff', 'jpeg', 'png')),
  page_count        integer NOT NULL CHECK (page_count > 0),
  fixity_status     text NOT NULL DEFAULT 'unchecked' CHECK (fixity_status IN ('unchecked', 'ok', 'corrupt', 'missing')),
  fixity_checked_at timestamptz,
  uploaded_by       integer REFERENCES users(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (record_file_id, sha256)
);

CREATE TABLE pages (
  id                  serial PRIMARY KEY,
  record_file_id      integer NOT NULL REFERENCES record_files(id),
  document_id         integer REFERENCES documents(id),
  batch_id            integer NOT NULL REFERENCES digitization_batches(id),
  master_id           integer NOT NULL REFERENCES masters(id),
  master_page         integer NOT NULL DEFAULT 0 CHECK (master_page >= 0), -- index inside a multi-page TIFF
  seq                 integer NOT NULL CHECK (seq > 0),                    -- page order within the file
  width               integer NOT NULL,
  height              integer NOT NULL,
  dpi                 numeric,
  colour_mode         text NOT NULL CHECK (colour_mode IN ('bilevel', 'grey', 'colour')),
  bit_depth           integer NOT NULL,
  derivatives_status  text NOT NULL DEFAULT 'pending' CHECK (derivatives_status IN ('pending', 'done', 'failed')),
  access_key          text,
  thumb_key           text,
  pyramid_key         text,
  ocr_status          text NOT NULL DEFAULT 'queued' CHECK (ocr_status IN ('queued', 'running', 'done', 'failed')),
  ocr_text            text,           -- NFC, Ð folded to Đ
  ocr_confidence      real,
  ocr_words           jsonb,          -- [{t, c, b:[x0,y0,x1,y1]}] in master-image pixels
  ocr_engine          text,
  ocr_attempts        integer NOT NULL DEFAULT 0,
  ocr_error           text,
  ocr_done_at         timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (master_id, master_page),
  UNIQUE (record_file_id, seq)
);
CREATE INDEX pages_batch_idx ON pages (batch_id);
CREATE INDEX pages_pending_idx ON pages (id) WHERE derivatives_status = 'pending' OR ocr_status IN ('queued', 'running');

-- A researcher's right to a restricted file (after an approved request slip). Secret files need no grant table:
-- only staff see them until declassified.
CREATE TABLE access_grants (
  id              serial PRIMARY KEY,
  user_id         integer NOT NULL REFERENCES users(id),
  record_file_id  integer NOT NULL REFERENCES record_files(id),
  granted_by      integer REFERENCES users(id),
  granted_at      timestamptz NOT NULL DEFAULT now(),
  expires_on      date,
  note            text CHECK (char_length(note) <= 500),
  UNIQUE (user_id, record_file_id)
);
