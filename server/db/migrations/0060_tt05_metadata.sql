-- TT 05/2025 metadata beside TT 02/2019 (issue 12, "Metadata under both regimes"). Owner: server/digitization (tt05.*).
-- A file or document without a row here follows TT 02/2019. Converting applies server/digitization/tt05-mapping.ts
-- and stores what it could not derive in `flags` until staff resolve them.
-- NOT VERIFIED against the text of TT 05/2025: the field names below, their maximum lengths and the code lists
-- (access level, reliability, backup mode/status). The code lists live in tt05-mapping.ts (one place, labelled
-- verified: false); the database keeps lengths and value shapes only, so a corrected list needs no migration.
-- The file list (tệp tin) is not stored: it is derived on every read from the masters, never typed.

CREATE TABLE tt05_file_metadata (
  record_file_id     integer PRIMARY KEY REFERENCES record_files(id),
  regime             text NOT NULL DEFAULT 'tt02_2019' CHECK (regime IN ('tt02_2019', 'tt05_2025')),
  retention_kind     text CHECK (retention_kind IN ('permanent', 'limited')),           -- thời hạn lưu trữ
  retention_years    integer CHECK (retention_years BETWEEN 1 AND 100),
  access_level       text CHECK (char_length(access_level) <= 4),                        -- mức độ tiếp cận (code)
  confidence_level   text CHECK (char_length(confidence_level) <= 4),                    -- mức độ tin cậy (code)
  paper_file_code    text CHECK (char_length(paper_file_code) <= 30),                    -- mã hồ sơ gốc giấy (length unverified)
  backup_mode        text CHECK (char_length(backup_mode) <= 4),                         -- chế độ lập tài liệu dự phòng
  backup_status      text CHECK (char_length(backup_status) <= 4),                       -- tình trạng lập tài liệu dự phòng
  processing_history jsonb NOT NULL DEFAULT '[]'::jsonb,                                 -- quy trình xử lý [{at, step, agent}]
  flags              jsonb NOT NULL DEFAULT '[]'::jsonb,                                 -- [{field, code, reason}] still to resolve
  converted_at       timestamptz,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((retention_kind = 'limited') = (retention_years IS NOT NULL))
);

CREATE TABLE tt05_document_metadata (
  document_id        integer PRIMARY KEY REFERENCES documents(id),
  regime             text NOT NULL DEFAULT 'tt02_2019' CHECK (regime IN ('tt02_2019', 'tt05_2025')),
  archive_code       text CHECK (char_length(archive_code) <= 30),                       -- mã lưu trữ tài liệu (length unverified)
  retention_kind     text CHECK (retention_kind IN ('permanent', 'limited')),
  retention_years    integer CHECK (retention_years BETWEEN 1 AND 100),
  sheet_count        integer CHECK (sheet_count BETWEEN 0 AND 100000),                   -- số lượng tờ
  access_level       text CHECK (char_length(access_level) <= 4),
  confidence_level   text CHECK (char_length(confidence_level) <= 4),
  backup_mode        text CHECK (char_length(backup_mode) <= 4),
  backup_status      text CHECK (char_length(backup_status) <= 4),
  processing_history jsonb NOT NULL DEFAULT '[]'::jsonb,
  flags              jsonb NOT NULL DEFAULT '[]'::jsonb,
  converted_at       timestamptz,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((retention_kind = 'limited') = (retention_years IS NOT NULL))
);
