-- OAI-PMH harvesting needs, per file, when it last changed (record_files had only created_at) and, for a file the
-- public could see before, a persistent tombstone once it is no longer public (deleted, restricted, made secret),
-- so a harvester learns of the withdrawal instead of keeping a stale copy. Triggers keep both right whichever
-- code path changes a file (amendments, metadata edits, receipt, handover cancellation).

-- The one rule of "public record" (no login): received into the archive, unrestricted, and not secret in `yr`.
-- The application passes its clock's year; the triggers use today's year in Vietnam.
CREATE FUNCTION oai_is_public(access_level text, secrecy text, declassified_year integer, received_at timestamptz, yr integer)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT received_at IS NOT NULL AND access_level = 'unrestricted'
     AND (secrecy IS NULL OR (declassified_year IS NOT NULL AND declassified_year <= yr))
$$;

ALTER TABLE record_files ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now();
UPDATE record_files SET changed_at = COALESCE(received_at, created_at);
CREATE INDEX record_files_changed_idx ON record_files (changed_at);

CREATE TABLE oai_withdrawn_files (
  record_file_id integer PRIMARY KEY,           -- no FK: the file row may be gone
  fonds_id       integer,
  agency_id      integer NOT NULL,
  withdrawn_at   timestamptz NOT NULL
);

CREATE FUNCTION record_files_oai_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- Vietnam has no daylight saving: UTC+7 is its civil time all year (and PGlite ships no time-zone database).
  yr integer := EXTRACT(YEAR FROM (now() AT TIME ZONE 'UTC') + interval '7 hours')::integer;
  was boolean := FALSE;
  now_public boolean := FALSE;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    was := oai_is_public(OLD.access_level, OLD.secrecy, OLD.declassified_year, OLD.received_at, yr);
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF was THEN
      INSERT INTO oai_withdrawn_files (record_file_id, fonds_id, agency_id, withdrawn_at)
      VALUES (OLD.id, OLD.fonds_id, OLD.agency_id, now())
      ON CONFLICT (record_file_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at;
    END IF;
    RETURN OLD;
  END IF;
  now_public := oai_is_public(NEW.access_level, NEW.secrecy, NEW.declassified_year, NEW.received_at, yr);
  IF TG_OP = 'UPDATE' THEN
    -- Generated columns (search_tsv, end_year) are not computed yet in a BEFORE trigger, and changed_at is ours; anything else that differs is a change a harvester should see.
    IF (to_jsonb(NEW) - 'search_tsv' - 'end_year' - 'changed_at') IS DISTINCT FROM (to_jsonb(OLD) - 'search_tsv' - 'end_year' - 'changed_at') THEN
      NEW.changed_at := now();
    END IF;
    IF was AND NOT now_public THEN
      INSERT INTO oai_withdrawn_files (record_file_id, fonds_id, agency_id, withdrawn_at)
      VALUES (NEW.id, NEW.fonds_id, NEW.agency_id, now())
      ON CONFLICT (record_file_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at;
    END IF;
  END IF;
  IF now_public THEN
    DELETE FROM oai_withdrawn_files WHERE record_file_id = NEW.id;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER record_files_oai_track_upd BEFORE INSERT OR UPDATE ON record_files
  FOR EACH ROW EXECUTE FUNCTION record_files_oai_track();
CREATE TRIGGER record_files_oai_track_del AFTER DELETE ON record_files
  FOR EACH ROW EXECUTE FUNCTION record_files_oai_track();
