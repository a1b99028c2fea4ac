import type { Queryable } from './database.js';

export interface NewEvent {
  associationId: string;
  /** Null for events outside a case (enrolment, account). */
  caseId?: string | null;
  type: string;
  data?: Record<string, unknown>;
  at: Date;
}

/** Appends to the event log (DESIGN.md §3.5): the only write the table allows. Returns the id as text (bigserial). */
export async function appendEvent(db: Queryable, event: NewEvent): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO events (association_id, case_id, type, data, created_at) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id::text`,
    [event.associationId, event.caseId ?? null, event.type, JSON.stringify(event.data ?? {}), event.at],
  );
  return rows[0]!.id;
}
