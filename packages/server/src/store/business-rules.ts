import { debtorKeyOf, resolveBusinessRules, type BusinessRules, type Debtor, type DebtorRuleOverride } from '@collectkit/sdk';
import type { Queryable } from './database.js';

/**
 * A creditor's business rules and its per-debtor overrides (migration 0006). Only what differs from
 * the sdk's DEFAULT_BUSINESS_RULES is stored, so a creditor that never changed a rule follows the
 * defaults as they improve. Every query is scoped by the association (the tenant).
 */

export interface StoredRules<T> {
  readonly value: T;
  readonly updatedAt: Date;
}

export async function findCreditorRules(db: Queryable, associationId: string, creditorId: string): Promise<StoredRules<Partial<BusinessRules>> | null> {
  const rows = await db.query<{ rules: Partial<BusinessRules>; updated_at: Date }>(
    'SELECT rules, updated_at FROM creditor_business_rules WHERE association_id = $1 AND creditor_id = $2',
    [associationId, creditorId],
  );
  return rows[0] ? { value: rows[0].rules, updatedAt: rows[0].updated_at } : null;
}

export async function saveCreditorRules(db: Queryable, associationId: string, creditorId: string, rules: Partial<BusinessRules>, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO creditor_business_rules (association_id, creditor_id, rules, updated_at) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (association_id, creditor_id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = EXCLUDED.updated_at`,
    [associationId, creditorId, JSON.stringify(rules), at],
  );
}

export async function findDebtorOverride(db: Queryable, associationId: string, creditorId: string, debtorKey: string): Promise<StoredRules<DebtorRuleOverride> | null> {
  const rows = await db.query<{ override: DebtorRuleOverride; updated_at: Date }>(
    'SELECT override, updated_at FROM debtor_rule_overrides WHERE association_id = $1 AND creditor_id = $2 AND debtor_key = $3',
    [associationId, creditorId, debtorKey],
  );
  return rows[0] ? { value: rows[0].override, updatedAt: rows[0].updated_at } : null;
}

export async function saveDebtorOverride(db: Queryable, associationId: string, creditorId: string, debtorKey: string, override: DebtorRuleOverride, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO debtor_rule_overrides (association_id, creditor_id, debtor_key, override, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (association_id, creditor_id, debtor_key) DO UPDATE SET override = EXCLUDED.override, updated_at = EXCLUDED.updated_at`,
    [associationId, creditorId, debtorKey, JSON.stringify(override), at],
  );
}

export async function deleteDebtorOverride(db: Queryable, associationId: string, creditorId: string, debtorKey: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM debtor_rule_overrides WHERE association_id = $1 AND creditor_id = $2 AND debtor_key = $3 RETURNING 1', [associationId, creditorId, debtorKey]);
  return rows.length > 0;
}

/**
 * The rules the dunning scheduler applies to a case (its `rulesFor`): the sdk's defaults, then the
 * creditor's stored rules, then the override stored for the case's debtor. Both reads in one query.
 */
export async function storedRulesFor(db: Queryable, row: { association_id: string; creditor_id: string; debtor: Debtor }): Promise<BusinessRules & { excluded: boolean }> {
  const key = debtorKeyOf(row.debtor);
  const rows = await db.query<{ rules: Partial<BusinessRules> | null; override: DebtorRuleOverride | null }>(
    `SELECT (SELECT rules FROM creditor_business_rules WHERE association_id = $1 AND creditor_id = $2) AS rules,
            (SELECT override FROM debtor_rule_overrides WHERE association_id = $1 AND creditor_id = $2 AND debtor_key = $3) AS override`,
    [row.association_id, row.creditor_id, key],
  );
  return resolveBusinessRules(rows[0]?.rules ?? {}, rows[0]?.override ?? {});
}
