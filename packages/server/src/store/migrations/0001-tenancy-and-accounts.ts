/**
 * Associations (tenants), their keys, member creditors with their agreements, user accounts,
 * sessions, password resets, the e-mail outbox and the append-only event log.
 * Every tenant-owned table carries association_id; secrets are stored only as SHA-256 hashes.
 * Times come from the server's clock as parameters: no DEFAULT now(), so tests can move time.
 */
export const sql = /* sql */ `
CREATE TABLE associations (
  id              uuid PRIMARY KEY,
  name            text NOT NULL,
  country         text NOT NULL CHECK (country IN ('DK', 'SE', 'NO', 'FI')),
  allowed_origins text[] NOT NULL DEFAULT '{}',
  pricing_plan_id text NOT NULL,
  webhook_url     text,
  webhook_secret  text,
  created_at      timestamptz NOT NULL
);

CREATE TABLE api_keys (
  id             uuid PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  kind           text NOT NULL CHECK (kind IN ('publishable', 'secret')),
  -- shown in listings so a key can be recognised; the full key is never stored
  prefix         text NOT NULL,
  token_hash     text NOT NULL UNIQUE,
  created_at     timestamptz NOT NULL,
  revoked_at     timestamptz
);

CREATE TABLE creditors (
  id                         uuid PRIMARY KEY,
  association_id             uuid NOT NULL REFERENCES associations (id),
  status                     text NOT NULL CHECK (status IN ('pending_signature', 'pending_password', 'active')),
  company                    jsonb NOT NULL,
  contact                    jsonb NOT NULL,
  bank_account               jsonb NOT NULL,
  accounting_system          text NOT NULL,
  membership_number          text,
  consents                   jsonb NOT NULL,
  -- the capability that lets the enrolling person sign and choose a password before an account exists
  enrolment_token_hash       text UNIQUE,
  enrolment_token_expires_at timestamptz,
  created_at                 timestamptz NOT NULL
);
CREATE INDEX creditors_association ON creditors (association_id);

CREATE TABLE agreements (
  id              uuid PRIMARY KEY,
  association_id  uuid NOT NULL REFERENCES associations (id),
  creditor_id     uuid NOT NULL UNIQUE REFERENCES creditors (id),
  pricing_plan_id text NOT NULL,
  pdf             bytea NOT NULL,
  sha256          text NOT NULL,
  created_at      timestamptz NOT NULL,
  signed_name     text,
  signed_consent  boolean,
  signed_at       timestamptz,
  signed_ip       text
);

CREATE TABLE users (
  id             uuid PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  creditor_id    uuid REFERENCES creditors (id),
  role           text NOT NULL CHECK (role IN ('member', 'operator')),
  email          text NOT NULL,
  password_hash  text NOT NULL,
  created_at     timestamptz NOT NULL,
  CHECK ((role = 'member') = (creditor_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_email_per_association ON users (association_id, lower(email));

CREATE TABLE sessions (
  id             uuid PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  user_id        uuid NOT NULL REFERENCES users (id),
  token_hash     text NOT NULL UNIQUE,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  revoked_at     timestamptz
);

CREATE TABLE password_reset_tokens (
  id             uuid PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  user_id        uuid NOT NULL REFERENCES users (id),
  token_hash     text NOT NULL UNIQUE,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  used_at        timestamptz
);

CREATE TABLE outbox_emails (
  id             bigserial PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  recipient      text NOT NULL,
  subject        text NOT NULL,
  body           text NOT NULL,
  created_at     timestamptz NOT NULL,
  sent_at        timestamptz
);

CREATE TABLE events (
  id             bigserial PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  case_id        uuid,
  type           text NOT NULL,
  data           jsonb NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL
);
CREATE INDEX events_case ON events (association_id, case_id, id);

-- Events are the truth (DESIGN.md §3.5): never changed, never removed.
CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only';
END;
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
`;
