import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';

export interface UserRow {
  id: string;
  association_id: string;
  creditor_id: string | null;
  role: 'member' | 'operator';
  email: string;
  password_hash: string;
}

const COLUMNS = 'id, association_id, creditor_id, role, email, password_hash';

export async function createUser(
  db: Queryable,
  input: { associationId: string; creditorId: string | null; role: 'member' | 'operator'; email: string; passwordHash: string; now: Date },
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO users (id, association_id, creditor_id, role, email, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, input.associationId, input.creditorId, input.role, input.email, input.passwordHash, input.now],
  );
  return id;
}

/** E-mail addresses are unique per association, compared case-insensitively. */
export async function findUserByEmail(db: Queryable, associationId: string, email: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE association_id = $1 AND lower(email) = lower($2)`, [associationId, email]);
  return rows[0];
}

export async function findUser(db: Queryable, associationId: string, userId: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE association_id = $1 AND id = $2`, [associationId, userId]);
  return rows[0];
}

export async function setPassword(db: Queryable, associationId: string, userId: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $3 WHERE association_id = $1 AND id = $2', [associationId, userId, passwordHash]);
}
