import type { Queryable } from './database.js';

export interface NewEvent {
  associationId: string;
  /** Null for events outside a case (enrolment, account). */
  caseId?: string | null;
  type: string;
  data?: Record<string, unknown>;
  at: Date;
}

/**
 * The PostgreSQL channel on which a case's id is announced when an event of it commits, so that
 * every server instance on the database wakes its long-polls (http/case-event-listener.ts).
 */
export const CASE_EVENTS_CHANNEL = 'collectkit_case_events';

/**
 * Appends to the event log (DESIGN.md §3.5): the only write the table allows. Returns the id as text (bigserial).
 *
 * Each case event is announced on CASE_EVENTS_CHANNEL by a trigger on the table (migration 0011), so
 * every writer (HTTP commands, the dunning scheduler, payment imports, the limitation job, simulation)
 * reaches the other instances without a round trip of its own. Inside the caller's transaction the
 * notice goes out only on commit (a rolled-back command wakes nobody), and several events of one case
 * in one transaction make one notice.
 */
export async function appendEvent(db: Queryable, event: NewEvent): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO events (association_id, case_id, type, data, created_at) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id::text`,
    [event.associationId, event.caseId ?? null, event.type, JSON.stringify(event.data ?? {}), event.at],
  );
  return rows[0]!.id;
}
