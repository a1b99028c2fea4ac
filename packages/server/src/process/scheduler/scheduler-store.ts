import type { CaseStage, IsoDate } from '@collectkit/sdk';
import type { Queryable } from '../../store/database.js';
import type { CaseInvoiceRow, CaseRow } from '../../store/cases.js';
import type { DunningEvent } from './dunning-state.js';

/**
 * The scheduler's queries on cases (uses the column `cases.dunning_next_on` that migration 0005 adds;
 * the cases store itself is untouched).
 */

/** Stages the scheduler looks at; the partial index cases_dunning_due covers exactly these. */
export const SCHEDULED_STAGES: readonly CaseStage[] = ['submitted', 'reminder', 'notice', 'collection', 'instalment_plan', 'legal', 'surveillance'];

/**
 * Locks up to `limit` due cases for the caller's transaction. SKIP LOCKED: a case another
 * scheduler holds is passed over, not waited for, so two processes share the work and never take
 * the same case at once; the lock lasts until the transaction that applies the action commits.
 */
export async function claimDueCases(tx: Queryable, today: IsoDate, limit: number): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM cases
     WHERE stage IN ('submitted', 'reminder', 'notice', 'collection', 'instalment_plan', 'legal', 'surveillance')
       AND (dunning_next_on IS NULL OR dunning_next_on <= $1::date)
     ORDER BY dunning_next_on NULLS FIRST, id
     LIMIT $2
     FOR UPDATE SKIP LOCKED`,
    [today, limit],
  );
  return rows.map((r) => r.id);
}

export async function setDunningNextOn(tx: Queryable, caseId: string, on: IsoDate): Promise<void> {
  await tx.query('UPDATE cases SET dunning_next_on = $2::date WHERE id = $1', [caseId, on]);
}

export async function caseEvents(tx: Queryable, associationId: string, caseId: string): Promise<DunningEvent[]> {
  return tx.query<DunningEvent>('SELECT type, data FROM events WHERE association_id = $1 AND case_id = $2 ORDER BY id', [associationId, caseId]);
}

export async function creditorName(tx: Queryable, associationId: string, creditorId: string): Promise<string> {
  const rows = await tx.query<{ name: string }>(`SELECT company->>'name' AS name FROM creditors WHERE association_id = $1 AND id = $2`, [associationId, creditorId]);
  return rows[0]?.name ?? '';
}

/**
 * The batch reads of one scheduler transaction (issue 5 §9): a query per batch instead of one per
 * case. The rows are claimed (locked) first, and every writer of a case's events and invoices locks
 * the case row before writing (migration 0002), so what these read stays true until the commit.
 */

const CLAIMED_CASE_COLUMNS = `id, association_id::text, creditor_id::text, number, reference, stage, debtor, currency,
  principal::text AS principal, outstanding::text AS outstanding, quote, document_ids, created_at, updated_at, version`;

/** claimDueCases, returning the whole locked rows (the shape store/cases.ts findCase returns). */
export async function claimDueCaseRows(tx: Queryable, today: IsoDate, limit: number): Promise<CaseRow[]> {
  const rows = await tx.query<Omit<CaseRow, 'principal' | 'outstanding'> & { principal: string; outstanding: string }>(
    `SELECT ${CLAIMED_CASE_COLUMNS} FROM cases
     WHERE stage IN ('submitted', 'reminder', 'notice', 'collection', 'instalment_plan', 'legal', 'surveillance')
       AND (dunning_next_on IS NULL OR dunning_next_on <= $1::date)
     ORDER BY dunning_next_on NULLS FIRST, id
     LIMIT $2
     FOR UPDATE SKIP LOCKED`,
    [today, limit],
  );
  return rows.map((row) => ({ ...row, principal: Number(row.principal), outstanding: Number(row.outstanding) }));
}

/** The invoices of the given cases, each case's in position order (as store/cases.ts caseInvoices). */
export async function invoicesOfCases(tx: Queryable, cases: readonly { id: string; association_id: string }[]): Promise<Map<string, CaseInvoiceRow[]>> {
  const byCase = new Map<string, CaseInvoiceRow[]>(cases.map((c) => [c.id, []]));
  if (cases.length === 0) return byCase;
  const rows = await tx.query<{ case_id: string; association_id: string; position: number; number: string; issue_date: string; due_date: string; amount: string; outstanding: string }>(
    `SELECT case_id, association_id::text, position, number, to_char(issue_date, 'YYYY-MM-DD') AS issue_date, to_char(due_date, 'YYYY-MM-DD') AS due_date,
            amount::text AS amount, outstanding::text AS outstanding
     FROM case_invoices WHERE case_id = ANY($1::text[]) ORDER BY case_id, position`,
    [cases.map((c) => c.id)],
  );
  const associationOf = new Map(cases.map((c) => [c.id, c.association_id]));
  for (const { case_id: caseId, association_id: associationId, amount, outstanding, ...row } of rows) {
    // Scoped to the case's association, as the per-case read is.
    if (associationOf.get(caseId) !== associationId) continue;
    byCase.get(caseId)!.push({ ...row, amount: Number(amount), outstanding: Number(outstanding) });
  }
  return byCase;
}

/** The events of the given cases, each case's in id order (as caseEvents). */
export async function eventsOfCases(tx: Queryable, cases: readonly { id: string; association_id: string }[]): Promise<Map<string, DunningEvent[]>> {
  const byCase = new Map<string, DunningEvent[]>(cases.map((c) => [c.id, []]));
  if (cases.length === 0) return byCase;
  const rows = await tx.query<{ case_id: string; association_id: string; type: string; data: Record<string, unknown> }>(
    'SELECT case_id, association_id::text, type, data FROM events WHERE case_id = ANY($1::text[]) ORDER BY case_id, id',
    [cases.map((c) => c.id)],
  );
  const associationOf = new Map(cases.map((c) => [c.id, c.association_id]));
  for (const { case_id: caseId, association_id: associationId, type, data } of rows) {
    if (associationOf.get(caseId) !== associationId) continue;
    byCase.get(caseId)!.push({ type, data });
  }
  return byCase;
}

/** Stores the day to look again for many cases in one statement. */
export async function setDunningNextOnMany(tx: Queryable, next: ReadonlyMap<string, IsoDate>): Promise<void> {
  if (next.size === 0) return;
  await tx.query(
    `UPDATE cases SET dunning_next_on = u.next_on
       FROM unnest($1::text[], $2::date[]) AS u(id, next_on)
      WHERE cases.id = u.id`,
    [[...next.keys()], [...next.values()]],
  );
}
