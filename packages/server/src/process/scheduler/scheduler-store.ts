import type { CaseStage, IsoDate } from '@collectkit/sdk';
import type { Queryable } from '../../store/database.js';
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
