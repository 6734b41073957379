-- Reading room (phòng đọc): readers and their cards, request slips (phiếu yêu cầu) with their lines, and every
-- decision on them. Circulation and copy orders build on these tables (0055_reading_room_circulation.sql).
-- Owner: server/reading-room. DOMAIN.md §6.

-- Duties a staff account holds beyond its role: who approves at which level, who serves the stacks.
ALTER TABLE users ADD COLUMN duties text[] NOT NULL DEFAULT '{}'
  CHECK (duties <@ ARRAY['reading_room_head', 'director', 'stacks']::text[]);

CREATE TABLE readers (
  id                   serial PRIMARY KEY,
  -- The researcher account of an online registration; NULL for a reader registered at the counter without one.
  user_id              integer UNIQUE REFERENCES users(id),
  full_name            text NOT NULL CHECK (char_length(full_name) BETWEEN 1 AND 200),
  id_document_kind     text NOT NULL CHECK (id_document_kind IN ('cccd', 'passport', 'other')),
  id_document_no       text NOT NULL CHECK (char_length(id_document_no) BETWEEN 1 AND 30),
  birth_year           integer CHECK (birth_year BETWEEN 1900 AND 2100),
  organisation         text CHECK (char_length(organisation) <= 300),
  position             text CHECK (char_length(position) <= 200),
  phone                text CHECK (char_length(phone) <= 30),
  email                text CHECK (char_length(email) <= 200),
  purpose              text NOT NULL CHECK (char_length(purpose) BETWEEN 1 AND 1000),
  research_topic       text CHECK (char_length(research_topic) <= 2000),
  registered_via       text NOT NULL CHECK (registered_via IN ('online', 'counter')),
  -- The letter of introduction (giấy giới thiệu): an object in the blob store, visible to staff only.
  letter_key           text,
  letter_sha256        text CHECK (letter_sha256 ~ '^[0-9a-f]{64}$'),
  letter_content_type  text CHECK (letter_content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  letter_bytes         bigint CHECK (letter_bytes > 0),
  letter_name          text CHECK (char_length(letter_name) <= 255),
  status               text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected')),
  status_reason        text CHECK (char_length(status_reason) <= 1000),
  -- The reader card (thẻ độc giả): its number in the reader register and its validity.
  card_no              text UNIQUE CHECK (char_length(card_no) BETWEEN 1 AND 30),
  card_valid_from      date,
  card_valid_until     date,
  verified_by          integer REFERENCES users(id),
  verified_at          timestamptz,
  created_by           integer REFERENCES users(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((letter_key IS NULL) = (letter_sha256 IS NULL)),
  CHECK ((card_no IS NULL) = (card_valid_from IS NULL) AND (card_no IS NULL) = (card_valid_until IS NULL)),
  CHECK (card_valid_until IS NULL OR card_valid_until >= card_valid_from),
  CHECK (status <> 'verified' OR card_no IS NOT NULL)
);
CREATE UNIQUE INDEX readers_id_document_uq ON readers (id_document_kind, id_document_no);

-- A request slip: read (Phiếu yêu cầu đọc), copy (sao) or certified copy (sao và chứng thực/xác thực).
CREATE TABLE access_requests (
  id                 serial PRIMARY KEY,
  -- The request register's number (sổ đăng ký phiếu yêu cầu): unique within its year.
  request_year       integer NOT NULL,
  request_no         integer NOT NULL CHECK (request_no > 0),
  reader_id          integer NOT NULL REFERENCES readers(id),
  kind               text NOT NULL CHECK (kind IN ('read', 'copy', 'certified_copy', 'access')),
  channel            text NOT NULL CHECK (channel IN ('online', 'in_person', 'post')),
  status             text NOT NULL DEFAULT 'submitted'
                     CHECK (status IN ('submitted', 'needs_info', 'approved', 'refused', 'cancelled', 'served', 'closed')),
  -- Who must decide next: the head of the reading room, then the director for restricted material.
  approval_level     text CHECK (approval_level IN ('reading_room_head', 'director')),
  purpose            text CHECK (char_length(purpose) <= 1000),
  note               text CHECK (char_length(note) <= 1000),
  submitted_at       timestamptz NOT NULL,
  -- The SLA timer: working days on the centre's calendar, from the setting for the request's kind and class.
  sla_working_days   integer NOT NULL CHECK (sla_working_days > 0),
  due_at             timestamptz NOT NULL,
  decided_at         timestamptz,
  served_at          timestamptz,
  created_by         integer REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (request_year, request_no)
);
CREATE INDEX access_requests_reader_idx ON access_requests (reader_id, id DESC);
CREATE INDEX access_requests_open_idx ON access_requests (due_at) WHERE status IN ('submitted', 'needs_info', 'approved');

-- One line per file (a whole box is expanded into its files when added), with page ranges for copies.
CREATE TABLE access_request_lines (
  id                 serial PRIMARY KEY,
  request_id         integer NOT NULL REFERENCES access_requests(id) ON DELETE CASCADE,
  record_file_id     integer NOT NULL REFERENCES record_files(id),
  page_from          integer CHECK (page_from > 0),
  page_to            integer CHECK (page_to > 0),
  -- How the file is served: the original from the stacks, or its digital copy (digitised files, TT 10/2014 Đ.9).
  serve_as           text NOT NULL DEFAULT 'original' CHECK (serve_as IN ('original', 'digital')),
  override_reason    text CHECK (char_length(override_reason) <= 1000),
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (request_id, record_file_id),
  CHECK (page_to IS NULL OR page_from IS NULL OR page_from <= page_to)
);
CREATE INDEX access_request_lines_file_idx ON access_request_lines (record_file_id);

-- Every decision, kept: approve, refuse with a reason, ask for more information, pass to the next level.
CREATE TABLE access_request_decisions (
  id                 serial PRIMARY KEY,
  request_id         integer NOT NULL REFERENCES access_requests(id) ON DELETE CASCADE,
  decision           text NOT NULL CHECK (decision IN ('approve', 'refuse', 'ask_info', 'escalate', 'reply', 'cancel')),
  level              text CHECK (level IN ('reading_room_head', 'director', 'reader')),
  reason             text CHECK (char_length(reason) <= 2000),
  decided_by         integer REFERENCES users(id),
  decided_by_name    text NOT NULL,
  decided_at         timestamptz NOT NULL,
  CHECK (decision NOT IN ('refuse', 'ask_info') OR reason IS NOT NULL)
);
CREATE INDEX access_request_decisions_request_idx ON access_request_decisions (request_id, id);

-- The reader register numbers cards per year ("12/2026"); the pair is unique, the text card_no is what is printed.
ALTER TABLE readers ADD COLUMN card_year integer;
ALTER TABLE readers ADD COLUMN card_seq integer CHECK (card_seq > 0);
CREATE UNIQUE INDEX readers_card_register_uq ON readers (card_year, card_seq) WHERE card_seq IS NOT NULL;

-- The request cart (giỏ yêu cầu), kept on the server so it follows the reader across devices. A box added to the
-- cart is expanded into its files; the primary key merges the same file (or box) added twice.
CREATE TABLE reader_cart_items (
  reader_id       integer NOT NULL REFERENCES readers(id) ON DELETE CASCADE,
  record_file_id  integer NOT NULL REFERENCES record_files(id),
  added_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (reader_id, record_file_id)
);

-- Scheduling's restoration items name their file in free text; this optional link lets the reading room refuse to
-- issue a file while its restoration is unfinished (TT 10/2014 Điều 9).
ALTER TABLE restoration_items ADD COLUMN record_file_id integer REFERENCES record_files(id);
CREATE INDEX restoration_items_file_idx ON restoration_items (record_file_id) WHERE record_file_id IS NOT NULL;
-- Files taken out of service by staff for processing (chỉnh lý) or any other reason, until the given day (or lifted).
CREATE TABLE reading_holds (
  id              serial PRIMARY KEY,
  record_file_id  integer NOT NULL REFERENCES record_files(id),
  reason          text NOT NULL CHECK (reason IN ('processing', 'restoration')),
  note            text CHECK (char_length(note) <= 500),
  until_day       date,
  lifted_at       timestamptz,
  created_by      integer REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reading_holds_file_idx ON reading_holds (record_file_id) WHERE lifted_at IS NULL;

-- Whether the slip holds restricted (conditional-access) files, fixed at submission: it chose the SLA and the route.
ALTER TABLE access_requests ADD COLUMN restricted boolean NOT NULL DEFAULT false;
