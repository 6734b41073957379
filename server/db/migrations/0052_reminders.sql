-- Reminder letters (công văn đôn đốc) sent to agencies whose files are overdue for deposit.
-- Each row is one letter to one agency; letters made together share a batch. The overdue files are copied into
-- the row when it is made, so the letter and the agency's notice keep saying what was overdue that day even after
-- files are later deposited.
CREATE SEQUENCE reminder_batch_seq;

CREATE TABLE reminders (
  id                serial PRIMARY KEY,
  batch_id          integer NOT NULL,
  agency_id         integer NOT NULL REFERENCES source_agencies(id),
  -- The number from the centre's outgoing register (sổ văn bản đi); null until the clerk assigns it.
  number            integer CHECK (number > 0),
  notation          text NOT NULL,
  issued_on         date NOT NULL,
  reply_by          date NOT NULL CHECK (reply_by >= issued_on),
  created_at        timestamptz NOT NULL,
  created_by        integer REFERENCES users(id),
  created_by_name   text NOT NULL,
  overdue_files     integer NOT NULL CHECK (overdue_files > 0),
  earliest_due_year integer NOT NULL,
  -- The Vietnam year of issue: what "overdue" was measured against, and the register's year.
  current_year      integer NOT NULL,
  -- [{fileNotation, title, endYear, dueYear}] and [{planYear, decisionNo, scheduledMonth, status}] at issue.
  files             jsonb NOT NULL,
  late_plans        jsonb NOT NULL DEFAULT '[]',
  -- The signed letter's dispatch (post, e-office, by hand), recorded when it actually leaves the centre.
  dispatched_on     date,
  dispatch_channel  text CHECK (dispatch_channel IN ('post', 'e_office', 'email', 'by_hand')),
  CHECK ((dispatched_on IS NULL) = (dispatch_channel IS NULL))
);
-- One number per register year and notation: the same number twice would be two letters under one reference.
CREATE UNIQUE INDEX reminders_number_uq ON reminders (current_year, notation, number) WHERE number IS NOT NULL;
CREATE INDEX reminders_agency_idx ON reminders (agency_id, id DESC);
CREATE INDEX reminders_batch_idx ON reminders (batch_id);
