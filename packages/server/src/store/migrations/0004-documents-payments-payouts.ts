/**
 * Case documents, debtor payments with their allocation, payouts and the agency's invoices.
 *
 * Money columns are bigint minor units in the case's currency. A payment's allocation is fixed when
 * it is registered (payments are applied in date order, and a payment may not be dated before one
 * already registered), so the sums of these rows are what was collected, per component, for good.
 */
export const sql = /* sql */ `
CREATE TABLE documents (
  id             text PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  -- the creditor it was uploaded for; null when a secret key uploaded it before naming a creditor
  creditor_id    uuid REFERENCES creditors (id),
  -- null until the case that names it in documentIds is created
  case_id        text REFERENCES cases (id),
  kind           text NOT NULL CHECK (kind IN ('invoice', 'correspondence', 'contract', 'dispute', 'other')),
  filename       text NOT NULL,
  media_type     text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg', 'text/plain')),
  size           integer NOT NULL CHECK (size > 0 AND size <= 10485760),
  sha256         text NOT NULL,
  content        bytea NOT NULL,
  uploaded_by    text NOT NULL,
  created_at     timestamptz NOT NULL
);
CREATE INDEX documents_case ON documents (association_id, case_id, created_at, id);

CREATE TABLE case_payments (
  id                text PRIMARY KEY,
  association_id    uuid NOT NULL REFERENCES associations (id),
  case_id           text NOT NULL REFERENCES cases (id),
  currency          text NOT NULL,
  amount            bigint NOT NULL CHECK (amount > 0),
  received_on       date NOT NULL,
  reference         text,
  method            text NOT NULL,
  interest_accrued  bigint NOT NULL CHECK (interest_accrued >= 0),
  applied_costs     bigint NOT NULL CHECK (applied_costs >= 0),
  applied_interest  bigint NOT NULL CHECK (applied_interest >= 0),
  applied_principal bigint NOT NULL CHECK (applied_principal >= 0),
  after_costs       bigint NOT NULL CHECK (after_costs >= 0),
  after_interest    bigint NOT NULL CHECK (after_interest >= 0),
  after_principal   bigint NOT NULL CHECK (after_principal >= 0),
  overpayment       bigint NOT NULL CHECK (overpayment >= 0),
  registered_by     uuid REFERENCES users (id),
  seq               bigserial NOT NULL UNIQUE,
  created_at        timestamptz NOT NULL,
  -- nothing is lost or invented: every øre of the payment is applied or recorded as overpayment
  CHECK (applied_costs + applied_interest + applied_principal + overpayment = amount)
);
CREATE INDEX case_payments_case ON case_payments (association_id, case_id, seq);

CREATE TABLE payouts (
  id                     text PRIMARY KEY,
  association_id         uuid NOT NULL REFERENCES associations (id),
  case_id                text NOT NULL REFERENCES cases (id),
  creditor_id            uuid NOT NULL REFERENCES creditors (id),
  currency               text NOT NULL,
  as_of                  date NOT NULL,
  collected_costs        bigint NOT NULL CHECK (collected_costs >= 0),
  collected_interest     bigint NOT NULL CHECK (collected_interest >= 0),
  collected_principal    bigint NOT NULL CHECK (collected_principal >= 0),
  kept_by_agency         bigint NOT NULL CHECK (kept_by_agency >= 0),
  paid_to_creditor       bigint NOT NULL CHECK (paid_to_creditor >= 0),
  -- the SDK's payout statement, as computed
  statement              jsonb NOT NULL,
  seq                    bigserial NOT NULL UNIQUE,
  created_at             timestamptz NOT NULL,
  CHECK (collected_costs + collected_interest + collected_principal = kept_by_agency + paid_to_creditor)
);
CREATE INDEX payouts_case ON payouts (association_id, case_id, seq);

-- Invoice numbers without gaps per association and year (a rolled-back payout rolls its number back).
CREATE TABLE agency_invoice_counters (
  association_id uuid NOT NULL REFERENCES associations (id),
  year           integer NOT NULL,
  last_number    integer NOT NULL,
  PRIMARY KEY (association_id, year)
);

CREATE TABLE agency_invoices (
  id                   text PRIMARY KEY,
  association_id       uuid NOT NULL REFERENCES associations (id),
  creditor_id          uuid NOT NULL REFERENCES creditors (id),
  case_id              text NOT NULL REFERENCES cases (id),
  payout_id            text NOT NULL UNIQUE REFERENCES payouts (id),
  number               text NOT NULL,
  issued_on            date NOT NULL,
  currency             text NOT NULL,
  lines                jsonb NOT NULL,
  vat                  bigint NOT NULL,
  total                bigint NOT NULL,
  deducted_from_payout bigint NOT NULL CHECK (deducted_from_payout >= 0),
  due_from_creditor    bigint NOT NULL CHECK (due_from_creditor >= 0),
  pdf                  bytea NOT NULL,
  seq                  bigserial NOT NULL UNIQUE,
  created_at           timestamptz NOT NULL,
  UNIQUE (association_id, number),
  CHECK (deducted_from_payout + due_from_creditor = total)
);
CREATE INDEX agency_invoices_creditor ON agency_invoices (association_id, creditor_id, seq);
`;
