-- Reading room, part 2: circulation of originals from the stacks (Sổ giao nhận), copy orders beside it (their own
-- state machine, as Aeon runs photoduplication), and the certification register (sổ chứng thực).
-- Owner: server/reading-room (circulation*, copy-*, certif*). DOMAIN.md §6, TT 10/2014/TT-BNV Điều 9.

-- One row per original handed to the reading room: who handed it over, who received it, when, until when; then
-- the check-in with the condition found, and the re-shelving. A file has at most one open loan (the partial index),
-- so a file already out cannot be issued again even by two desks at once.
CREATE TABLE loans (
  id                   serial PRIMARY KEY,
  request_line_id      integer NOT NULL REFERENCES access_request_lines(id),
  request_id           integer NOT NULL REFERENCES access_requests(id),
  record_file_id       integer NOT NULL REFERENCES record_files(id),
  reader_id            integer NOT NULL REFERENCES readers(id),
  handed_over_by       integer REFERENCES users(id),
  handed_over_by_name  text NOT NULL CHECK (char_length(handed_over_by_name) BETWEEN 1 AND 200),
  -- Reading-room staff or the reader: a name, since the reader may have no account.
  received_by_name     text NOT NULL CHECK (char_length(received_by_name) BETWEEN 1 AND 200),
  checked_out_at       timestamptz NOT NULL,
  due_on               date NOT NULL,
  checked_in_at        timestamptz,
  checked_in_by        integer REFERENCES users(id),
  checked_in_by_name   text CHECK (char_length(checked_in_by_name) <= 200),
  -- Physical state code list of DOMAIN.md §4.4 (01 normal … 04 caked and crumbling, 06 torn).
  condition_code       text CHECK (condition_code IN ('01', '02', '03', '04', '05', '06')),
  condition_note       text CHECK (char_length(condition_note) <= 1000),
  reshelved_at         timestamptz,
  reshelved_by         integer REFERENCES users(id),
  CHECK ((checked_in_at IS NULL) = (condition_code IS NULL)),
  CHECK (reshelved_at IS NULL OR checked_in_at IS NOT NULL)
);
CREATE UNIQUE INDEX loans_file_out_uq ON loans (record_file_id) WHERE checked_in_at IS NULL;
CREATE UNIQUE INDEX loans_line_out_uq ON loans (request_line_id) WHERE checked_in_at IS NULL;
CREATE INDEX loans_reader_out_idx ON loans (reader_id) WHERE checked_in_at IS NULL;
CREATE INDEX loans_request_idx ON loans (request_id);

-- A copy order (phiếu yêu cầu sao / sao và chứng thực once approved): quote → awaiting_payment → paid → copying →
-- awaiting_signature (certified copies only) → delivered; cancelled from any state before copying.
-- Fees are copied from the settings at quote time, so a later change of the schedule does not rewrite a receipt.
CREATE TABLE copy_orders (
  id                     serial PRIMARY KEY,
  request_id             integer NOT NULL REFERENCES access_requests(id),
  certified              boolean NOT NULL,
  status                 text NOT NULL DEFAULT 'quote'
                         CHECK (status IN ('quote', 'awaiting_payment', 'paid', 'copying', 'awaiting_signature', 'delivered', 'cancelled')),
  pages                  integer NOT NULL CHECK (pages > 0 AND pages <= 100000),
  certifications         integer NOT NULL CHECK (certifications >= 0 AND certifications <= 10000),
  fee_per_page           bigint NOT NULL CHECK (fee_per_page >= 0),
  fee_per_certification  bigint NOT NULL CHECK (fee_per_certification >= 0),
  currency               text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  total_fee              bigint NOT NULL CHECK (total_fee >= 0),
  receipt_no             text CHECK (char_length(receipt_no) BETWEEN 1 AND 50),
  paid_at                timestamptz,
  -- The produced copy of digitised pages (watermarked PDF) and the certification page, in the blob store.
  copy_key               text,
  copy_sha256            text CHECK (copy_sha256 ~ '^[0-9a-f]{64}$'),
  note                   text CHECK (char_length(note) <= 1000),
  created_by             integer REFERENCES users(id),
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  CHECK (certified OR certifications = 0),
  CHECK ((receipt_no IS NULL) = (paid_at IS NULL)),
  CHECK (status IN ('quote', 'awaiting_payment', 'cancelled') OR receipt_no IS NOT NULL)
);
CREATE INDEX copy_orders_request_idx ON copy_orders (request_id);
CREATE UNIQUE INDEX copy_orders_receipt_uq ON copy_orders (receipt_no) WHERE receipt_no IS NOT NULL;

-- Every transition, kept: who moved the order, from which state to which, when.
CREATE TABLE copy_order_events (
  id            serial PRIMARY KEY,
  order_id      integer NOT NULL REFERENCES copy_orders(id),
  from_status   text,
  to_status     text NOT NULL,
  actor_id      integer REFERENCES users(id),
  actor_name    text NOT NULL,
  at            timestamptz NOT NULL,
  note          text CHECK (char_length(note) <= 1000)
);
CREATE INDEX copy_order_events_order_idx ON copy_order_events (order_id, id);

-- The certification register (sổ chứng thực): one number per certified copy, per year, gapless in practice because
-- numbers are taken inside the signing transaction. Kept ≥ 20 years (TT 10/2014): rows are never deleted.
CREATE TABLE certification_register (
  id                  serial PRIMARY KEY,
  year                integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  number              integer NOT NULL CHECK (number > 0),
  copy_order_id       integer NOT NULL UNIQUE REFERENCES copy_orders(id),
  request_id          integer NOT NULL REFERENCES access_requests(id),
  reader_name         text NOT NULL,
  files_text          text NOT NULL,
  pages               integer NOT NULL CHECK (pages > 0),
  certified_by        integer REFERENCES users(id),
  certified_by_name   text NOT NULL,
  certified_at        timestamptz NOT NULL,
  certificate_key     text NOT NULL,
  certificate_sha256  text NOT NULL CHECK (certificate_sha256 ~ '^[0-9a-f]{64}$'),
  UNIQUE (year, number)
);

CREATE FUNCTION certification_register_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'certification_register rows are kept: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER certification_register_no_delete BEFORE DELETE ON certification_register
  FOR EACH ROW EXECUTE FUNCTION certification_register_keep();
CREATE TRIGGER certification_register_no_truncate BEFORE TRUNCATE ON certification_register
  FOR EACH STATEMENT EXECUTE FUNCTION certification_register_keep();

-- Which access grant a viewer window opened, so the window's expiry is traced to its request.
CREATE TABLE viewing_windows (
  id               serial PRIMARY KEY,
  request_line_id  integer NOT NULL UNIQUE REFERENCES access_request_lines(id),
  request_id       integer NOT NULL REFERENCES access_requests(id),
  user_id          integer NOT NULL REFERENCES users(id),
  record_file_id   integer NOT NULL REFERENCES record_files(id),
  opens_on         date NOT NULL,
  expires_on       date NOT NULL,
  opened_by        integer REFERENCES users(id),
  opened_at        timestamptz NOT NULL,
  CHECK (expires_on >= opens_on)
);
CREATE INDEX viewing_windows_user_idx ON viewing_windows (user_id, record_file_id);
