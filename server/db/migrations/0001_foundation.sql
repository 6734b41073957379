-- Foundation schema: accounts, audit log, intake register, handovers, stacks.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Accent-insensitive matching for Vietnamese (đ→d too). IMMUTABLE so it can back indexes and generated columns.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN public.unaccent('public.unaccent'::regdictionary, $1);

-- ---------------------------------------------------------------- audit
CREATE TABLE events (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    integer,
  actor_name  text,
  entity_type text NOT NULL,
  entity_id   text NOT NULL,
  action      text NOT NULL,
  before      jsonb,
  after       jsonb,
  data        jsonb
);
CREATE INDEX events_entity_idx ON events (entity_type, entity_id, id);
CREATE INDEX events_action_at_idx ON events (action, at);

-- The log is append-only: corrections are new events, never edits.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events is append-only';
END $$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();

-- ---------------------------------------------------------------- intake register
CREATE TABLE source_agencies (
  id               serial PRIMARY KEY,
  code             text NOT NULL UNIQUE,
  name             text NOT NULL,
  level            text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  parent_id        integer REFERENCES source_agencies(id),
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'dissolved')),
  successor_id     integer REFERENCES source_agencies(id),
  status_date      date,
  listing_decision text,
  address          text,
  notes            text,
  search_text      text GENERATED ALWAYS AS (f_unaccent(lower(code || ' ' || name))) STORED,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (successor_id IS NULL OR successor_id <> id),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX source_agencies_search_trgm ON source_agencies USING gin (search_text gin_trgm_ops);
CREATE INDEX source_agencies_parent_idx ON source_agencies (parent_id);

CREATE TABLE fonds (
  id              serial PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  name            text NOT NULL,
  kind            text NOT NULL DEFAULT 'fonds' CHECK (kind IN ('fonds', 'collection', 'compilation')),
  agency_id       integer REFERENCES source_agencies(id),
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  start_year      integer,
  end_year        integer,
  creator_history text,
  fonds_history   text,
  notes           text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (start_year IS NULL OR end_year IS NULL OR start_year <= end_year)
);
CREATE INDEX fonds_agency_idx ON fonds (agency_id);

-- ---------------------------------------------------------------- accounts
CREATE TABLE users (
  id            serial PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'archivist', 'agency', 'researcher')),
  agency_id     integer REFERENCES source_agencies(id),
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'agency') = (agency_id IS NOT NULL))
);

CREATE TABLE sessions (
  id           text PRIMARY KEY,           -- sha256 of the cookie token; the token itself is never stored
  user_id      integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- ---------------------------------------------------------------- collection plans
CREATE TABLE collection_plans (
  id                  serial PRIMARY KEY,
  year                integer NOT NULL,
  decision_no         text NOT NULL,
  decision_date       date NOT NULL,
  issuer              text NOT NULL DEFAULT 'UBND tỉnh',
  records_to_year     integer NOT NULL,
  handover_plan_no    text,
  handover_plan_date  date,
  notes               text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (year, decision_no)
);

CREATE TABLE collection_plan_agencies (
  plan_id           integer NOT NULL REFERENCES collection_plans(id) ON DELETE CASCADE,
  agency_id         integer NOT NULL REFERENCES source_agencies(id),
  scheduled_month   integer NOT NULL CHECK (scheduled_month BETWEEN 1 AND 12),
  status            text NOT NULL DEFAULT 'planned'
                    CHECK (status IN ('planned', 'inventory_submitted', 'appraised', 'approved', 'received')),
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  note              text,
  PRIMARY KEY (plan_id, agency_id)
);

-- ---------------------------------------------------------------- stacks
CREATE TABLE box_types (
  id        serial PRIMARY KEY,
  code      text NOT NULL UNIQUE,
  name      text NOT NULL,
  width_cm  double precision NOT NULL CHECK (width_cm > 0)
);

CREATE TABLE repositories (
  id       serial PRIMARY KEY,
  code     text NOT NULL UNIQUE,
  name     text NOT NULL,
  address  text
);

CREATE TABLE rooms (
  id            serial PRIMARY KEY,
  repository_id integer NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
  code          text NOT NULL,
  name          text NOT NULL,
  area_m2       double precision,
  UNIQUE (repository_id, code)
);

CREATE TABLE shelf_units (
  id       serial PRIMARY KEY,
  room_id  integer NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
  code     text NOT NULL,
  ordinal  integer NOT NULL,
  UNIQUE (room_id, code)
);

CREATE TABLE shelves (
  id            serial PRIMARY KEY,
  shelf_unit_id integer NOT NULL REFERENCES shelf_units(id) ON DELETE CASCADE,
  code          text NOT NULL,
  ordinal       integer NOT NULL,
  capacity_m    double precision NOT NULL CHECK (capacity_m > 0),
  UNIQUE (shelf_unit_id, code)
);

-- ---------------------------------------------------------------- handovers
CREATE TABLE handovers (
  id                   serial PRIMARY KEY,
  agency_id            integer NOT NULL REFERENCES source_agencies(id),
  fonds_id             integer REFERENCES fonds(id),
  plan_id              integer REFERENCES collection_plans(id),
  inventory_no         integer,
  title                text NOT NULL,
  status               text NOT NULL DEFAULT 'draft'
                       CHECK (status IN ('draft', 'submitted', 'appraised', 'approved', 'received')),
  box_type_id          integer REFERENCES box_types(id),
  declared_boxes       integer CHECK (declared_boxes IS NULL OR declared_boxes >= 0),
  measured_metres      double precision CHECK (measured_metres IS NULL OR measured_metres >= 0),
  delivering_name      text,
  delivering_position  text,
  receiving_name       text,
  receiving_position   text,
  legal_basis          text,
  place                text,
  physical_condition   text,
  attachments          text,
  inventory_copies     integer NOT NULL DEFAULT 2,
  approval_decision    text,
  appraisal_summary    text,
  source_filename      text,
  source_sha256        text,
  submitted_at         timestamptz,
  appraised_at         timestamptz,
  approved_at          timestamptz,
  received_at          timestamptz,
  handover_date        date,
  files_listed         integer,
  files_missing        integer,
  files_extra          integer,
  files_damaged        integer,
  files_received       integer,
  created_by           integer REFERENCES users(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX handovers_agency_idx ON handovers (agency_id);

CREATE TABLE boxes (
  id              serial PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  box_type_id     integer NOT NULL REFERENCES box_types(id),
  width_cm        double precision,             -- measured width where it differs from the type
  shelf_id        integer REFERENCES shelves(id),
  position        integer,
  agency_id       integer REFERENCES source_agencies(id),
  fonds_id        integer REFERENCES fonds(id),
  handover_id     integer REFERENCES handovers(id),
  box_no          text,                          -- the agency's "Hộp số"
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (shelf_id, position)
);
CREATE INDEX boxes_handover_idx ON boxes (handover_id);

CREATE TABLE record_files (
  id                          serial PRIMARY KEY,
  agency_id                   integer NOT NULL REFERENCES source_agencies(id),
  fonds_id                    integer REFERENCES fonds(id),
  handover_id                 integer REFERENCES handovers(id) ON DELETE CASCADE,
  row_no                      integer,
  file_notation               text NOT NULL,
  file_code                   text,
  title                       text NOT NULL,
  start_date                  date,
  end_date                    date NOT NULL,
  date_text                   text,
  end_year                    integer GENERATED ALWAYS AS (EXTRACT(YEAR FROM end_date)::integer) STORED,
  retention                   text NOT NULL,
  permanent                   boolean NOT NULL,
  sheets                      integer,
  box_no                      text,
  access_level                text NOT NULL DEFAULT 'unrestricted' CHECK (access_level IN ('unrestricted', 'restricted')),
  secrecy                     text CHECK (secrecy IN ('mat', 'toi_mat', 'tuyet_mat')),
  declassified_year           integer,
  special_law_years           integer,
  current_archive_deposit_year integer,
  physical_condition          text,
  notes                       text,
  due_year_2011               integer,
  due_year_2024               integer,
  due_year                    integer,
  due_rule                    text NOT NULL,
  box_id                      integer REFERENCES boxes(id),
  received_at                 timestamptz,
  created_at                  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (handover_id, row_no),
  CHECK (start_date IS NULL OR start_date <= end_date)
);
CREATE INDEX record_files_agency_due_idx ON record_files (agency_id, received_at, due_year);
CREATE INDEX record_files_code_idx ON record_files (file_code);
CREATE INDEX record_files_notation_idx ON record_files (file_notation);

CREATE TABLE handover_row_comments (
  id          serial PRIMARY KEY,
  handover_id integer NOT NULL REFERENCES handovers(id) ON DELETE CASCADE,
  row_no      integer,
  comment     text NOT NULL,
  author_id   integer REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE handover_discrepancies (
  id             serial PRIMARY KEY,
  handover_id    integer NOT NULL REFERENCES handovers(id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('missing', 'extra', 'damaged')),
  row_no         integer,
  file_notation  text,
  description    text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE handover_amendments (
  id          serial PRIMARY KEY,
  handover_id integer NOT NULL REFERENCES handovers(id),
  row_no      integer,
  field       text NOT NULL,
  before      jsonb,
  after       jsonb,
  reason      text NOT NULL,
  author_id   integer REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
