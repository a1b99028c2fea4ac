/**
 * Business rules per creditor with per-debtor overrides (issue 5 §2), and the demo's simulated time
 * (issue 5 §7).
 *
 * `creditor_business_rules` holds what a creditor changed from the sdk's DEFAULT_BUSINESS_RULES (a
 * partial BusinessRules as JSON, validated by the API's zod schema), `debtor_rule_overrides` what it
 * changed for one debtor, keyed by the debtor key (e.g. `DK:29403473`, or `email:…` for a debtor
 * without a register number). The dunning machine merges default ← creditor ← debtor and still
 * clamps to the law, so a stored value can narrow what the law allows, never widen it.
 *
 * `simulated_clock` is one row: how far the demo clock is ahead of the system clock, so that
 * `collectkit-server simulate` and the running server agree on the simulated today.
 */
export const sql = /* sql */ `
CREATE TABLE creditor_business_rules (
  association_id uuid NOT NULL REFERENCES associations (id),
  creditor_id    uuid NOT NULL REFERENCES creditors (id),
  rules          jsonb NOT NULL,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (association_id, creditor_id)
);

CREATE TABLE debtor_rule_overrides (
  association_id uuid NOT NULL REFERENCES associations (id),
  creditor_id    uuid NOT NULL REFERENCES creditors (id),
  debtor_key     text NOT NULL,
  override       jsonb NOT NULL,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (association_id, creditor_id, debtor_key)
);

CREATE TABLE simulated_clock (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  offset_ms  bigint NOT NULL,
  updated_at timestamptz NOT NULL
);
`;
