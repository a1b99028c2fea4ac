import { randomBytes } from 'node:crypto';
import type { IsoDate } from '@collectkit/sdk';
import type { Queryable } from './database.js';

/**
 * Imported bank files and their credit entries (migration 0009). Every query is scoped by the
 * association: another tenant's unmatched payment is simply not found.
 */

export type BankPaymentStatus = 'registered' | 'unmatched' | 'assigned' | 'refunded' | 'returned';

export interface BankPaymentRow {
  id: string;
  import_id: string;
  bank_reference: string;
  currency: string;
  amount: number;
  received_on: IsoDate;
  reference: string | null;
  payer_name: string | null;
  remittance_text: string | null;
  status: BankPaymentStatus;
  reason: string | null;
  case_id: string | null;
  payment_id: string | null;
  note: string | null;
  resolved_at: Date | null;
  seq: number;
  created_at: Date;
}

const COLUMNS = `id, import_id, bank_reference, currency, amount::text AS amount, to_char(received_on, 'YYYY-MM-DD') AS received_on, reference,
  payer_name, remittance_text, status, reason, case_id, payment_id, note, resolved_at, seq::text AS seq, created_at`;

function toRow(row: Record<string, unknown>): BankPaymentRow {
  return { ...(row as unknown as BankPaymentRow), amount: Number(row.amount), seq: Number(row.seq) };
}

export function newPaymentImportId(): string {
  return `pim_${randomBytes(12).toString('hex')}`;
}

/** `bkp_` + 12 random bytes as hex. */
export function newBankPaymentId(): string {
  return `bkp_${randomBytes(12).toString('hex')}`;
}

/**
 * Imports of one association run one after the other (a transaction-scoped advisory lock), so two
 * uploads of overlapping files cannot both find an entry new and register it twice; the unique
 * (association_id, bank_reference) would catch it anyway, failing the second import whole.
 */
export async function lockPaymentImports(db: Queryable, associationId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('collectkit:payment-import:' || $1))`, [associationId]);
}

export async function insertPaymentImport(
  db: Queryable,
  input: { id: string; associationId: string; format: string; filename: string | null; sha256: string; importedBy: string | null; now: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO payment_imports (id, association_id, format, filename, sha256, entries, registered, unmatched, duplicates, imported_by, created_at)
     VALUES ($1, $2, $3, $4, $5, 0, 0, 0, 0, $6, $7)`,
    [input.id, input.associationId, input.format, input.filename, input.sha256, input.importedBy, input.now],
  );
}

export async function setPaymentImportTotals(db: Queryable, id: string, totals: { entries: number; registered: number; unmatched: number; duplicates: number }): Promise<void> {
  await db.query('UPDATE payment_imports SET entries = $2, registered = $3, unmatched = $4, duplicates = $5 WHERE id = $1', [id, totals.entries, totals.registered, totals.unmatched, totals.duplicates]);
}

/** Which of `references` the association has already imported. */
export async function importedBankReferences(db: Queryable, associationId: string, references: readonly string[]): Promise<Set<string>> {
  if (references.length === 0) return new Set();
  const rows = await db.query<{ bank_reference: string }>('SELECT bank_reference FROM bank_payments WHERE association_id = $1 AND bank_reference = ANY($2::text[])', [associationId, references]);
  return new Set(rows.map((row) => row.bank_reference));
}

export interface NewBankPayment {
  associationId: string;
  importId: string;
  bankReference: string;
  currency: string;
  amount: number;
  receivedOn: IsoDate;
  reference: string | null;
  payerName: string | null;
  remittanceText: string | null;
  status: 'registered' | 'unmatched';
  reason: string | null;
  caseId: string | null;
  paymentId: string | null;
  now: Date;
}

export async function insertBankPayment(db: Queryable, input: NewBankPayment): Promise<BankPaymentRow> {
  const rows = await db.query(
    `INSERT INTO bank_payments (id, association_id, import_id, bank_reference, currency, amount, received_on, reference, payer_name, remittance_text,
                                status, reason, case_id, payment_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${COLUMNS}`,
    [
      newBankPaymentId(), input.associationId, input.importId, input.bankReference, input.currency, input.amount, input.receivedOn, input.reference,
      input.payerName, input.remittanceText, input.status, input.reason, input.caseId, input.paymentId, input.now,
    ],
  );
  return toRow(rows[0]!);
}

/** The ids of the association's cases whose number has one of `bases` as its digits (the index of migration 0009). */
export async function caseIdsByReferenceBase(db: Queryable, associationId: string, bases: readonly string[]): Promise<string[]> {
  if (bases.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM cases WHERE association_id = $1 AND ltrim(regexp_replace(number, '[^0-9]', '', 'g'), '0') = ANY($2::text[]) ORDER BY id`,
    [associationId, bases],
  );
  return rows.map((row) => row.id);
}

export async function findBankPayment(db: Queryable, associationId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<BankPaymentRow | undefined> {
  const rows = await db.query(`SELECT ${COLUMNS} FROM bank_payments WHERE association_id = $1 AND id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`, [associationId, id]);
  return rows[0] ? toRow(rows[0]) : undefined;
}

/** Oldest first, after the cursor (`seq`). */
export async function listBankPayments(db: Queryable, associationId: string, statuses: readonly BankPaymentStatus[], after: number, limit: number): Promise<BankPaymentRow[]> {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM bank_payments WHERE association_id = $1 AND status = ANY($2::text[]) AND seq > $3 ORDER BY seq LIMIT $4`,
    [associationId, statuses, after, limit],
  );
  return rows.map(toRow);
}

export async function resolveBankPayment(
  db: Queryable,
  associationId: string,
  id: string,
  change: { status: 'assigned' | 'refunded' | 'returned'; caseId?: string; paymentId?: string; note?: string; resolvedBy: string | null; now: Date },
): Promise<BankPaymentRow> {
  const rows = await db.query(
    `UPDATE bank_payments SET status = $3, case_id = COALESCE($4, case_id), payment_id = $5, note = $6, resolved_by = $7, resolved_at = $8
      WHERE association_id = $1 AND id = $2 AND status = 'unmatched' RETURNING ${COLUMNS}`,
    [associationId, id, change.status, change.caseId ?? null, change.paymentId ?? null, change.note ?? null, change.resolvedBy, change.now],
  );
  if (!rows[0]) throw new Error(`bank payment ${id} is not unmatched`);
  return toRow(rows[0]);
}
