import { randomBytes } from 'node:crypto';
import type { IsoDate, PaymentMethod } from '@collectkit/sdk';
import type { Queryable } from './database.js';

/**
 * Debtor payments with the allocation fixed at registration (migration 0004). Amounts are bigint
 * minor units in SQL, read as text and turned into numbers here (always below 2^53).
 */

export interface PaymentRow {
  id: string;
  case_id: string;
  currency: string;
  amount: number;
  received_on: IsoDate;
  reference: string | null;
  method: PaymentMethod;
  interest_accrued: number;
  applied_costs: number;
  applied_interest: number;
  applied_principal: number;
  after_costs: number;
  after_interest: number;
  after_principal: number;
  overpayment: number;
  created_at: Date;
}

const NUMERIC = ['amount', 'interest_accrued', 'applied_costs', 'applied_interest', 'applied_principal', 'after_costs', 'after_interest', 'after_principal', 'overpayment'] as const;

const COLUMNS = `id, case_id, currency, to_char(received_on, 'YYYY-MM-DD') AS received_on, reference, method, created_at,
  ${NUMERIC.map((column) => `${column}::text AS ${column}`).join(', ')}`;

function toPayment(row: Record<string, unknown>): PaymentRow {
  const out = { ...row } as Record<string, unknown>;
  for (const column of NUMERIC) out[column] = Number(row[column]);
  return out as unknown as PaymentRow;
}

/** `pay_` + 12 random bytes as hex. */
export function newPaymentId(): string {
  return `pay_${randomBytes(12).toString('hex')}`;
}

export type NewPayment = Omit<PaymentRow, 'id' | 'created_at'> & { associationId: string; registeredBy: string | null; now: Date };

export async function insertPayment(db: Queryable, input: NewPayment): Promise<PaymentRow> {
  const rows = await db.query(
    `INSERT INTO case_payments (id, association_id, case_id, currency, amount, received_on, reference, method, interest_accrued,
                                applied_costs, applied_interest, applied_principal, after_costs, after_interest, after_principal,
                                overpayment, registered_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING ${COLUMNS}`,
    [
      newPaymentId(), input.associationId, input.case_id, input.currency, input.amount, input.received_on, input.reference, input.method,
      input.interest_accrued, input.applied_costs, input.applied_interest, input.applied_principal, input.after_costs,
      input.after_interest, input.after_principal, input.overpayment, input.registeredBy, input.now,
    ],
  );
  return toPayment(rows[0]!);
}

/** The case's payments in the order they were applied (registration order, which is date order). */
export async function listPayments(db: Queryable, associationId: string, caseId: string): Promise<PaymentRow[]> {
  const rows = await db.query(`SELECT ${COLUMNS} FROM case_payments WHERE association_id = $1 AND case_id = $2 ORDER BY seq`, [associationId, caseId]);
  return rows.map(toPayment);
}

export interface CollectedTotals {
  costs: number;
  interest: number;
  principal: number;
  overpayment: number;
}

/** What the debtor's payments settled of each component so far, and what they paid beyond the claim. */
export function collectedOf(payments: readonly PaymentRow[]): CollectedTotals {
  return payments.reduce(
    (sum, p) => ({
      costs: sum.costs + p.applied_costs,
      interest: sum.interest + p.applied_interest,
      principal: sum.principal + p.applied_principal,
      overpayment: sum.overpayment + p.overpayment,
    }),
    { costs: 0, interest: 0, principal: 0, overpayment: 0 },
  );
}

/**
 * The statutory costs the case has accrued: `fee.added` events with `data.amount` as Money in the
 * case's currency (reminder and collection fees, written by the dunning process). Costs in another
 * currency are a bug in their writer, and fail loudly here rather than being summed.
 */
export async function caseCosts(db: Queryable, associationId: string, caseId: string, currency: string): Promise<number> {
  const rows = await db.query<{ data: { amount?: { amount?: unknown; currency?: unknown } } }>(
    `SELECT data FROM events WHERE association_id = $1 AND case_id = $2 AND type = 'fee.added' ORDER BY id`,
    [associationId, caseId],
  );
  let total = 0;
  for (const { data } of rows) {
    const amount = data.amount?.amount;
    if (!Number.isSafeInteger(amount) || (amount as number) < 0 || data.amount?.currency !== currency) {
      throw new Error(`fee.added event of case ${caseId} without an amount in ${currency}: ${JSON.stringify(data)}`);
    }
    total += amount as number;
  }
  return total;
}
