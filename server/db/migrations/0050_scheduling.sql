-- Backlog processing (chỉnh lý tồn đọng) and restoration (tu bổ, phục chế) scheduling.
-- Owner: server/scheduling (application layer; the pure engine lives in server/scheduling/engine).

-- Unprocessed records of one agency (and fonds). Measured and estimated metres are kept apart: an estimate
-- is replaced by a measurement, never mixed into it (DOMAIN.md §3 "keep measured and estimated metres apart").
CREATE TABLE backlog_items (
  id                serial PRIMARY KEY,
  agency_id         integer NOT NULL REFERENCES source_agencies(id),
  fonds_id          integer REFERENCES fonds(id),
  label             text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 300),
  measured_metres   numeric(10, 2) CHECK (measured_metres > 0),
  estimated_metres  numeric(10, 2) CHECK (estimated_metres > 0),
  start_year        integer CHECK (start_year BETWEEN 1800 AND 2100),
  end_year          integer CHECK (end_year BETWEEN 1800 AND 2100),
  condition_code    text CHECK (condition_code IN ('01', '02', '03', '04', '05', '06')), -- DOMAIN.md §4.4 physical state
  complexity_coef   numeric(4, 2) NOT NULL DEFAULT 1 CHECK (complexity_coef > 0 AND complexity_coef <= 5),
  priority          integer NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 9),
  release_date      date,
  due_date          date,
  notes             text CHECK (char_length(notes) <= 2000),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (measured_metres IS NOT NULL OR estimated_metres IS NOT NULL),
  CHECK (start_year IS NULL OR end_year IS NULL OR start_year <= end_year)
);
CREATE INDEX backlog_items_agency_idx ON backlog_items (agency_id);

-- Restoration is counted in pages, per file or per document, with the damage and its level.
CREATE TABLE restoration_items (
  id                serial PRIMARY KEY,
  agency_id         integer NOT NULL REFERENCES source_agencies(id),
  fonds_id          integer REFERENCES fonds(id),
  unit_kind         text NOT NULL CHECK (unit_kind IN ('file', 'document')),
  reference         text NOT NULL CHECK (char_length(reference) BETWEEN 1 AND 300),
  pages             integer NOT NULL CHECK (pages > 0),
  damage_type       text NOT NULL CHECK (damage_type IN ('mould', 'decay', 'caked', 'yellowed', 'torn', 'insects', 'water', 'other')),
  damage_level      text NOT NULL CHECK (damage_level IN ('light', 'medium', 'heavy')),
  start_year        integer CHECK (start_year BETWEEN 1800 AND 2100),
  end_year          integer CHECK (end_year BETWEEN 1800 AND 2100),
  priority          integer NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 9),
  due_date          date,
  notes             text CHECK (char_length(notes) <= 2000),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (start_year IS NULL OR end_year IS NULL OR start_year <= end_year)
);
CREATE INDEX restoration_items_agency_idx ON restoration_items (agency_id);

-- Norm tables are versioned and never edited in place: a change makes a new version, plans keep theirs.
CREATE TABLE norm_versions (
  id          serial PRIMARY KEY,
  label       text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 200),
  note        text CHECK (char_length(note) <= 2000),
  created_by  integer REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE norm_steps (
  version_id        integer NOT NULL REFERENCES norm_versions(id),
  step_id           text NOT NULL CHECK (char_length(step_id) BETWEEN 1 AND 20),
  ordinal           integer NOT NULL,
  name              text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 300),
  skill             text NOT NULL CHECK (skill IN ('processing', 'restoration', 'digitization')),
  unit              text NOT NULL CHECK (unit IN ('metre', 'page')),
  minutes_per_unit  numeric(10, 3) NOT NULL CHECK (minutes_per_unit >= 0),
  min_grade         integer NOT NULL CHECK (min_grade BETWEEN 1 AND 4),
  coefficient       numeric(5, 3) NOT NULL DEFAULT 1 CHECK (coefficient > 0),
  -- Only values read in a legal text are verified; the rest are editable defaults shown as "chưa xác minh".
  verified          boolean NOT NULL DEFAULT false,
  source            text CHECK (char_length(source) <= 500),
  PRIMARY KEY (version_id, step_id)
);

-- People who do the work (not necessarily users of this system).
CREATE TABLE staff (
  id          serial PRIMARY KEY,
  name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  grade       integer NOT NULL CHECK (grade BETWEEN 1 AND 4),
  skills      text[] NOT NULL CHECK (skills <@ ARRAY['processing', 'restoration', 'digitization']::text[] AND cardinality(skills) > 0),
  fte         numeric(3, 2) NOT NULL DEFAULT 1 CHECK (fte > 0 AND fte <= 1),
  active      boolean NOT NULL DEFAULT true,
  notes       text CHECK (char_length(notes) <= 1000),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_leave (
  id          serial PRIMARY KEY,
  staff_id    integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  start_date  date NOT NULL,
  end_date    date NOT NULL,
  reason      text CHECK (char_length(reason) <= 300),
  CHECK (start_date <= end_date)
);
CREATE INDEX staff_leave_staff_idx ON staff_leave (staff_id);

-- Closures of the centre besides weekends and public holidays (the holidays come from the calendar module).
CREATE TABLE calendar_closures (
  id      serial PRIMARY KEY,
  date    date NOT NULL UNIQUE,
  reason  text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 300)
);

-- A plan is the engine's result with the exact input it was computed from, so it can be re-read and compared.
CREATE TABLE schedule_plans (
  id               serial PRIMARY KEY,
  label            text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 200),
  kind             text NOT NULL DEFAULT 'plan' CHECK (kind IN ('plan', 'what_if', 'replan')),
  based_on_id      integer REFERENCES schedule_plans(id),
  norm_version_id  integer NOT NULL REFERENCES norm_versions(id),
  start_date       date NOT NULL,
  horizon_weeks    integer NOT NULL CHECK (horizon_weeks BETWEEN 1 AND 260),
  target_date      date,
  changes          jsonb,
  input            jsonb NOT NULL,
  result           jsonb NOT NULL,
  finish           date,
  total_late_days  integer NOT NULL DEFAULT 0,
  created_by       integer REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- Work done, per step: metres for processing, pages for restoration; files are counted alongside (plans report both).
CREATE TABLE progress_entries (
  id                   serial PRIMARY KEY,
  backlog_item_id      integer REFERENCES backlog_items(id),
  restoration_item_id  integer REFERENCES restoration_items(id),
  step_id              text NOT NULL CHECK (char_length(step_id) BETWEEN 1 AND 20),
  work_date            date NOT NULL,
  metres               numeric(10, 2) CHECK (metres >= 0),
  files                integer CHECK (files >= 0),
  pages                integer CHECK (pages >= 0),
  staff_id             integer REFERENCES staff(id),
  note                 text CHECK (char_length(note) <= 500),
  created_by           integer REFERENCES users(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((backlog_item_id IS NULL) <> (restoration_item_id IS NULL)),
  CHECK (coalesce(metres, 0) > 0 OR coalesce(files, 0) > 0 OR coalesce(pages, 0) > 0)
);
CREATE INDEX progress_entries_backlog_idx ON progress_entries (backlog_item_id);
CREATE INDEX progress_entries_restoration_idx ON progress_entries (restoration_item_id);
