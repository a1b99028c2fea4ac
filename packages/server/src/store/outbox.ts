import type { Queryable } from './database.js';

export interface OutgoingEmail {
  associationId: string;
  recipient: string;
  subject: string;
  body: string;
  at: Date;
}

/**
 * E-mails are written to the outbox in the same transaction as the change that causes them, so a
 * rolled-back request sends nothing; a sender (or the dev mailbox) reads the outbox afterwards.
 */
export async function enqueueEmail(db: Queryable, email: OutgoingEmail): Promise<void> {
  await db.query(
    'INSERT INTO outbox_emails (association_id, recipient, subject, body, created_at) VALUES ($1, $2, $3, $4, $5)',
    [email.associationId, email.recipient, email.subject, email.body, email.at],
  );
}

export interface OutboxEmailRow {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: Date;
}

export async function listOutbox(db: Queryable, associationId: string): Promise<OutboxEmailRow[]> {
  return db.query<OutboxEmailRow>(
    'SELECT id::text, recipient, subject, body, created_at FROM outbox_emails WHERE association_id = $1 ORDER BY outbox_emails.id',
    [associationId],
  );
}
