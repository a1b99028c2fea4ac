/**
 * Outbound webhooks: endpoints per association (optionally per creditor), an outbox of deliveries
 * written in the same transaction as the change that causes them, and a log of every attempt.
 *
 * The signing secret is kept as given (not hashed): the server must sign with it on every delivery.
 * The body is stored as the exact text sent, so each retry signs and sends the same bytes.
 */
export const sql = /* sql */ `
CREATE TABLE webhook_endpoints (
  id             uuid PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  -- null: events of every creditor of the association
  creditor_id    uuid REFERENCES creditors (id),
  url            text NOT NULL,
  event_types    text[] NOT NULL,
  description    text,
  secret         text NOT NULL,
  seq            bigserial NOT NULL UNIQUE,
  created_at     timestamptz NOT NULL,
  deleted_at     timestamptz
);
CREATE INDEX webhook_endpoints_association ON webhook_endpoints (association_id) WHERE deleted_at IS NULL;

CREATE TABLE webhook_deliveries (
  id              uuid PRIMARY KEY,
  association_id  uuid NOT NULL REFERENCES associations (id),
  endpoint_id     uuid NOT NULL REFERENCES webhook_endpoints (id),
  event_id        uuid NOT NULL,
  event_type      text NOT NULL,
  body            text NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled')),
  attempt_count   integer NOT NULL DEFAULT 0,
  -- due time while pending; a worker that claims the delivery moves it past its lease
  next_attempt_at timestamptz,
  seq             bigserial NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL,
  completed_at    timestamptz,
  CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, seq);

CREATE TABLE webhook_delivery_attempts (
  id             bigserial PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  delivery_id    uuid NOT NULL REFERENCES webhook_deliveries (id),
  attempted_at   timestamptz NOT NULL,
  status_code    integer,
  duration_ms    integer NOT NULL,
  error          text
);
CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, id);
`;
