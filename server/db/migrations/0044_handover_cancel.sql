-- A draft handover can be cancelled: kept for the record (and its event), but it no longer owes files
-- (server/deadlines/deadlines.repository.ts) and leaves the default lists.
ALTER TABLE handovers DROP CONSTRAINT handovers_status_check;
ALTER TABLE handovers ADD CONSTRAINT handovers_status_check
  CHECK (status IN ('draft', 'submitted', 'appraised', 'approved', 'received', 'cancelled'));
ALTER TABLE handovers ADD COLUMN cancelled_at timestamptz;
