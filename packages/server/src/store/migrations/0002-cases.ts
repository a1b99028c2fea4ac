/**
 * Cases, their invoices and messages, case numbers, and idempotency keys (issue 3 §5).
 *
 * A case's row is a projection of its events (DESIGN.md §3.5): every change to it is made in the
 * transaction that appends the event saying why, and bumps `version` (the ETag). Writers lock the
 * case row (UPDATE … RETURNING or SELECT … FOR UPDATE) BEFORE appending a case event, so that the
 * event ids of one case grow in commit order and `?after=<event id>` never skips one.
 *
 * Case ids are text (`cs_…`), so `events.case_id` becomes text as well.
 */
export const sql = /* sql */ `
ALTER TABLE events ALTER COLUMN case_id TYPE text USING case_id::text;
-- The long-poll's fallback check looks up the newest event of the watched cases across tenants.
CREATE INDEX events_case_id ON events (case_id, id) WHERE case_id IS NOT NULL;

-- Human case numbers, 2026-000123: one counter per association and year, so numbers have no gaps
-- (a rolled-back creation rolls the counter back with it).
CREATE TABLE case_number_counters (
  association_id uuid NOT NULL REFERENCES associations (id),
  year           integer NOT NULL,
  last_number    integer NOT NULL,
  PRIMARY KEY (association_id, year)
);

CREATE TABLE cases (
  id             text PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  creditor_id    uuid NOT NULL REFERENCES creditors (id),
  number         text NOT NULL,
  reference      text,
  stage          text NOT NULL CHECK (stage IN ('draft', 'submitted', 'reminder', 'notice', 'collection', 'instalment_plan',
                   'disputed', 'legal', 'surveillance', 'paid', 'paid_out', 'closed', 'withdrawn', 'written_off')),
  debtor         jsonb NOT NULL,
  currency       text NOT NULL,
  -- what the case claims: the sum of what was outstanding on its invoices when they were submitted
  principal      bigint NOT NULL CHECK (principal >= 0),
  -- what of the principal the debtor still owes (payments reduce it)
  outstanding    bigint NOT NULL CHECK (outstanding >= 0),
  -- the quote recomputed and locked by the server at submission (and on each invoice added)
  quote          jsonb NOT NULL,
  document_ids   text[] NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  UNIQUE (association_id, number)
);
CREATE INDEX cases_by_creditor ON cases (association_id, creditor_id, created_at DESC, id DESC);
CREATE INDEX cases_by_association ON cases (association_id, created_at DESC, id DESC);

CREATE TABLE case_invoices (
  case_id        text NOT NULL REFERENCES cases (id),
  association_id uuid NOT NULL REFERENCES associations (id),
  -- order of submission, from 0: the quote's warnings point at invoices by this index
  position       integer NOT NULL,
  number         text NOT NULL,
  issue_date     date NOT NULL,
  due_date       date NOT NULL,
  -- minor units in the case's currency
  amount         bigint NOT NULL CHECK (amount >= 0),
  outstanding    bigint NOT NULL CHECK (outstanding >= 0 AND outstanding <= amount),
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (case_id, position)
);
CREATE INDEX case_invoices_association ON case_invoices (association_id, case_id);

CREATE TABLE case_messages (
  id             text PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  case_id        text NOT NULL REFERENCES cases (id),
  author_role    text NOT NULL CHECK (author_role IN ('creditor', 'operator')),
  author_user_id uuid REFERENCES users (id),
  body           text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
  created_at     timestamptz NOT NULL
);
CREATE INDEX case_messages_case ON case_messages (association_id, case_id, created_at, id);

-- A POST's first outcome per caller and key: inserted first thing in the command's transaction, so a
-- racing duplicate waits on the row and then reads the stored response.
CREATE TABLE idempotency_keys (
  association_id  uuid NOT NULL REFERENCES associations (id),
  -- who sent it (creditor:<id>, secret, operator:<user id>): one caller never sees another's response
  caller          text NOT NULL,
  key             text NOT NULL,
  operation       text NOT NULL,
  request_hash    text NOT NULL,
  response_status integer,
  response_body   jsonb,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (association_id, caller, key)
);
`;
