import { randomBytes } from 'node:crypto';
import type { Queryable } from './database.js';

/** Messages between the creditor and the case handler (migration 0002), oldest first. */
export interface CaseMessageRow {
  id: string;
  author_role: 'creditor' | 'operator';
  body: string;
  created_at: Date;
}

export interface NewCaseMessage {
  associationId: string;
  caseId: string;
  authorRole: 'creditor' | 'operator';
  authorUserId: string | null;
  body: string;
  now: Date;
}

export async function insertCaseMessage(db: Queryable, message: NewCaseMessage): Promise<CaseMessageRow> {
  const rows = await db.query<CaseMessageRow>(
    `INSERT INTO case_messages (id, association_id, case_id, author_role, author_user_id, body, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, author_role, body, created_at`,
    [`msg_${randomBytes(12).toString('hex')}`, message.associationId, message.caseId, message.authorRole, message.authorUserId, message.body, message.now],
  );
  return rows[0]!;
}

/** Oldest first by (created_at, id), after a position; fetches `limit + 1` to tell whether more follow. */
export async function listCaseMessages(
  db: Queryable,
  associationId: string,
  caseId: string,
  options: { after?: { createdAt: Date; id: string } | undefined; limit: number },
): Promise<CaseMessageRow[]> {
  const params: unknown[] = [associationId, caseId, options.limit + 1];
  let position = '';
  if (options.after) {
    params.push(options.after.createdAt, options.after.id);
    position = ' AND (created_at, id) > ($4, $5)';
  }
  return db.query<CaseMessageRow>(
    `SELECT id, author_role, body, created_at FROM case_messages
     WHERE association_id = $1 AND case_id = $2${position} ORDER BY created_at, id LIMIT $3`,
    params,
  );
}
