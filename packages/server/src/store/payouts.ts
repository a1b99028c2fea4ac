import { randomBytes } from 'node:crypto';
import type { IsoDate, PayoutStatement, QuoteLine } from '@collectkit/sdk';
import type { Queryable } from './database.js';

/** Payouts and the agency's invoices (migration 0004). Amounts: bigint in SQL, numbers here (< 2^53). */

export interface PayoutRow {
  id: string;
  case_id: string;
  creditor_id: string;
  currency: string;
  as_of: IsoDate;
  collected_costs: number;
  collected_interest: number;
  collected_principal: number;
  kept_by_agency: number;
  paid_to_creditor: number;
  statement: PayoutStatement;
  created_at: Date;
}

const PAYOUT_NUMERIC = ['collected_costs', 'collected_interest', 'collected_principal', 'kept_by_agency', 'paid_to_creditor'] as const;
const PAYOUT_COLUMNS = `id, case_id, creditor_id::text, currency, to_char(as_of, 'YYYY-MM-DD') AS as_of, statement, created_at,
  ${PAYOUT_NUMERIC.map((c) => `${c}::text AS ${c}`).join(', ')}`;

function numbers<T>(row: Record<string, unknown>, columns: readonly string[]): T {
  const out = { ...row };
  for (const column of columns) out[column] = Number(row[column]);
  return out as T;
}

function hexId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export async function insertPayout(
  db: Queryable,
  input: { associationId: string; caseId: string; creditorId: string; asOf: IsoDate; statement: PayoutStatement; now: Date },
): Promise<PayoutRow> {
  const { components, totals } = input.statement;
  const rows = await db.query(
    `INSERT INTO payouts (id, association_id, case_id, creditor_id, currency, as_of, collected_costs, collected_interest, collected_principal,
                          kept_by_agency, paid_to_creditor, statement, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13) RETURNING ${PAYOUT_COLUMNS}`,
    [
      hexId('po'), input.associationId, input.caseId, input.creditorId, input.statement.currency, input.asOf,
      components.costs.collected.amount, components.interest.collected.amount, components.principal.collected.amount,
      totals.keptByAgency.amount, totals.paidToCreditor.amount, JSON.stringify(input.statement), input.now,
    ],
  );
  return numbers<PayoutRow>(rows[0]!, PAYOUT_NUMERIC);
}

export async function listPayouts(db: Queryable, associationId: string, caseId: string): Promise<PayoutRow[]> {
  const rows = await db.query(`SELECT ${PAYOUT_COLUMNS} FROM payouts WHERE association_id = $1 AND case_id = $2 ORDER BY seq`, [associationId, caseId]);
  return rows.map((row) => numbers<PayoutRow>(row, PAYOUT_NUMERIC));
}

export interface AgencyInvoiceRow {
  id: string;
  number: string;
  creditor_id: string;
  case_id: string;
  payout_id: string;
  issued_on: IsoDate;
  currency: string;
  lines: QuoteLine[];
  vat: number;
  total: number;
  deducted_from_payout: number;
  due_from_creditor: number;
  seq: string;
}

const INVOICE_NUMERIC = ['vat', 'total', 'deducted_from_payout', 'due_from_creditor'] as const;
const INVOICE_COLUMNS = `id, number, creditor_id::text, case_id, payout_id, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, currency, lines,
  seq::text AS seq, ${INVOICE_NUMERIC.map((c) => `${c}::text AS ${c}`).join(', ')}`;

/** The next invoice number of the association in `year` (`2026-000001`); the counter row stays locked until commit, so numbers have no gaps. */
export async function nextAgencyInvoiceNumber(db: Queryable, associationId: string, year: number): Promise<string> {
  const rows = await db.query<{ last_number: number }>(
    `INSERT INTO agency_invoice_counters (association_id, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (association_id, year) DO UPDATE SET last_number = agency_invoice_counters.last_number + 1
     RETURNING last_number`,
    [associationId, year],
  );
  return `${year}-${String(rows[0]!.last_number).padStart(6, '0')}`;
}

export function newAgencyInvoiceId(): string {
  return hexId('inv');
}

export async function insertAgencyInvoice(
  db: Queryable,
  input: Omit<AgencyInvoiceRow, 'seq'> & { associationId: string; pdf: Buffer; now: Date },
): Promise<AgencyInvoiceRow> {
  const rows = await db.query(
    `INSERT INTO agency_invoices (id, association_id, creditor_id, case_id, payout_id, number, issued_on, currency, lines, vat, total,
                                  deducted_from_payout, due_from_creditor, pdf, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $15) RETURNING ${INVOICE_COLUMNS}`,
    [
      input.id, input.associationId, input.creditor_id, input.case_id, input.payout_id, input.number, input.issued_on, input.currency,
      JSON.stringify(input.lines), input.vat, input.total, input.deducted_from_payout, input.due_from_creditor, input.pdf, input.now,
    ],
  );
  return numbers<AgencyInvoiceRow>(rows[0]!, INVOICE_NUMERIC);
}

/** Newest first; `creditorId` narrows to one creditor (always set for members). */
export async function listAgencyInvoices(
  db: Queryable,
  associationId: string,
  filter: { creditorId?: string | undefined; beforeSeq: string | null; limit: number },
): Promise<AgencyInvoiceRow[]> {
  const rows = await db.query(
    `SELECT ${INVOICE_COLUMNS} FROM agency_invoices
      WHERE association_id = $1 AND ($2::uuid IS NULL OR creditor_id = $2::uuid) AND ($3::bigint IS NULL OR seq < $3::bigint)
      ORDER BY seq DESC LIMIT $4`,
    [associationId, filter.creditorId ?? null, filter.beforeSeq, filter.limit],
  );
  return rows.map((row) => numbers<AgencyInvoiceRow>(row, INVOICE_NUMERIC));
}

export async function invoicesOfPayouts(db: Queryable, associationId: string, payoutIds: readonly string[]): Promise<AgencyInvoiceRow[]> {
  const rows = await db.query(`SELECT ${INVOICE_COLUMNS} FROM agency_invoices WHERE association_id = $1 AND payout_id = ANY ($2::text[])`, [associationId, [...payoutIds]]);
  return rows.map((row) => numbers<AgencyInvoiceRow>(row, INVOICE_NUMERIC));
}

/** The invoice's PDF if it is in scope (a member: only its own creditor's). */
export async function agencyInvoicePdf(db: Queryable, associationId: string, creditorId: string | undefined, id: string): Promise<{ number: string; pdf: Uint8Array } | undefined> {
  const rows = await db.query<{ number: string; pdf: Uint8Array }>(
    `SELECT number, pdf FROM agency_invoices WHERE association_id = $1 AND id = $2 AND ($3::uuid IS NULL OR creditor_id = $3::uuid)`,
    [associationId, id, creditorId ?? null],
  );
  return rows[0];
}
