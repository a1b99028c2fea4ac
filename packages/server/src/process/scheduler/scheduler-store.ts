import type { CaseStage, IsoDate } from '@collectkit/sdk';
import type { Queryable } from '../../store/database.js';
import type { CaseRow } from '../../store/cases.js';
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
  return (await claimDueCaseHeads(tx, today, limit)).map((c) => c.id);
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

/** What the batch needs of a claimed case to decide whether it only waits (and what rulesFor reads). */
export type ClaimedCase = Pick<CaseRow, 'id' | 'association_id' | 'creditor_id' | 'stage' | 'debtor' | 'currency' | 'outstanding'>;

/**
 * claimDueCases, returning what the batch decides on: not the quote and documents, read again for a
 * case that is due. Ordered by the partial index cases_dunning_due alone (no `, id` tie-break, which
 * made every claim sort all due cases: quadratic over a run), so a claim reads about `limit` index
 * entries: never-scheduled cases first, then the longest overdue; cases already looked at today are
 * past today in the index and never reached while due ones remain.
 */
export async function claimDueCaseHeads(tx: Queryable, today: IsoDate, limit: number): Promise<ClaimedCase[]> {
  const rows = await tx.query<Omit<ClaimedCase, 'outstanding'> & { outstanding: string }>(
    `SELECT id, association_id::text, creditor_id::text, stage, debtor, currency, outstanding::text AS outstanding FROM cases
     WHERE stage IN ('submitted', 'reminder', 'notice', 'collection', 'instalment_plan', 'legal', 'surveillance')
       AND (dunning_next_on IS NULL OR dunning_next_on <= $1::date)
     ORDER BY dunning_next_on NULLS FIRST
     LIMIT $2
     FOR UPDATE SKIP LOCKED`,
    [today, limit],
  );
  return rows.map((row) => ({ ...row, outstanding: Number(row.outstanding) }));
}

/** The pairs (case, its association) as two arrays, for the unnest that scopes each read to the case's association. */
function scoped(cases: readonly { id: string; association_id: string }[]): [string[], string[]] {
  return [cases.map((c) => c.id), cases.map((c) => c.association_id)];
}

/**
 * Each case's first due date (dunning-state.ts firstDueDate, in SQL): the earliest due date of its
 * unpaid invoices, or of all once all are paid. A case without invoices is absent.
 */
export async function firstDueDatesOfCases(tx: Queryable, cases: readonly { id: string; association_id: string }[]): Promise<Map<string, IsoDate>> {
  if (cases.length === 0) return new Map();
  const rows = await tx.query<{ case_id: string; due_date: IsoDate }>(
    `SELECT c.id AS case_id, to_char(coalesce(min(i.due_date) FILTER (WHERE i.outstanding > 0), min(i.due_date)), 'YYYY-MM-DD') AS due_date
       FROM unnest($1::text[], $2::uuid[]) AS c(id, association_id)
       JOIN case_invoices i ON i.case_id = c.id AND i.association_id = c.association_id
      GROUP BY c.id`,
    scoped(cases),
  );
  return new Map(rows.map((r) => [r.case_id, r.due_date]));
}

/** The events of the given cases, each case's in id order (as caseEvents). */
export async function eventsOfCases(tx: Queryable, cases: readonly { id: string; association_id: string }[]): Promise<Map<string, DunningEvent[]>> {
  const byCase = new Map<string, DunningEvent[]>(cases.map((c) => [c.id, []]));
  if (cases.length === 0) return byCase;
  const rows = await tx.query<{ case_id: string; type: string; data: Record<string, unknown> }>(
    `SELECT e.case_id, e.type, e.data
       FROM unnest($1::text[], $2::uuid[]) AS c(id, association_id)
       JOIN events e ON e.case_id = c.id AND e.association_id = c.association_id
      ORDER BY e.case_id, e.id`,
    scoped(cases),
  );
  for (const { case_id: caseId, type, data } of rows) byCase.get(caseId)!.push({ type, data });
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
