/**
 * Bank-file payment imports (issue 5 §5): each imported file, and every credit entry it carried.
 *
 * `bank_payments` holds every credit entry of every imported file, matched or not, so that a
 * payment is never lost: `registered` (matched by its payment reference and registered on the case,
 * `payment_id` set), `unmatched` (with the `reason`), and the operator's resolutions of an unmatched
 * one: `assigned` (registered on the case the operator chose), `refunded` or `returned` (with a note).
 * `case_payments` keeps its meaning: the registered payments and their allocation, whatever their source.
 *
 * `bank_reference` is the bank's own id of the entry (camt.054 AcctSvcrRef/NtryRef, BgMax
 * bankgiro + date + BGC serial number); unique per association, so re-importing a file, or one that
 * overlaps it, registers nothing twice.
 *
 * The expression index finds a case by the digits of its number, the base of every payment
 * reference it is given (process/notifications/payment-instructions.ts: 2026-000123 → 2026000123).
 */
export const sql = /* sql */ `
CREATE TABLE payment_imports (
  id             text PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations (id),
  format         text NOT NULL CHECK (format IN ('camt.054', 'bgmax')),
  filename       text,
  sha256         text NOT NULL,
  entries        integer NOT NULL CHECK (entries >= 0),
  registered     integer NOT NULL CHECK (registered >= 0),
  unmatched      integer NOT NULL CHECK (unmatched >= 0),
  duplicates     integer NOT NULL CHECK (duplicates >= 0),
  imported_by    uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL
);
CREATE INDEX payment_imports_association ON payment_imports (association_id, created_at);

CREATE TABLE bank_payments (
  id              text PRIMARY KEY,
  association_id  uuid NOT NULL REFERENCES associations (id),
  import_id       text NOT NULL REFERENCES payment_imports (id),
  bank_reference  text NOT NULL,
  currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount          bigint NOT NULL CHECK (amount > 0),
  received_on     date NOT NULL,
  -- the payment reference as the bank reported it (structured, else the unstructured text)
  reference       text,
  payer_name      text,
  remittance_text text,
  status          text NOT NULL CHECK (status IN ('registered', 'unmatched', 'assigned', 'refunded', 'returned')),
  -- why it did not match; kept after the operator resolved it
  reason          text,
  case_id         text REFERENCES cases (id),
  payment_id      text UNIQUE REFERENCES case_payments (id),
  note            text,
  resolved_by     uuid REFERENCES users (id),
  resolved_at     timestamptz,
  seq             bigserial NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL,
  UNIQUE (association_id, bank_reference),
  CHECK ((status IN ('registered', 'assigned')) = (payment_id IS NOT NULL AND case_id IS NOT NULL)),
  CHECK (status = 'registered' OR reason IS NOT NULL),
  CHECK ((status IN ('refunded', 'returned')) = (note IS NOT NULL))
);
CREATE INDEX bank_payments_status ON bank_payments (association_id, status, seq);

CREATE INDEX cases_reference_digits ON cases (association_id, (ltrim(regexp_replace(number, '[^0-9]', '', 'g'), '0')));
`;
