import { randomUUID } from 'node:crypto';
import type { Country } from '@collectkit/sdk';
import { newToken, tokenDisplayPrefix, tokenHash } from '../auth/tokens.js';
import type { Queryable } from './database.js';

export interface NewAssociation {
  name: string;
  country: Country;
  allowedOrigins: string[];
  pricingPlanId: string;
}

export interface AssociationRow {
  id: string;
  name: string;
  country: Country;
  allowed_origins: string[];
  pricing_plan_id: string;
}

export interface CreatedAssociation {
  associationId: string;
  /** Shown once: only their hashes are stored. */
  publishableKey: string;
  secretKey: string;
}

/** Creates an association with one publishable and one secret key. */
export async function createAssociation(db: Queryable, input: NewAssociation, now: Date): Promise<CreatedAssociation> {
  const associationId = randomUUID();
  await db.query(
    `INSERT INTO associations (id, name, country, allowed_origins, pricing_plan_id, created_at)
     VALUES ($1, $2, $3, $4::text[], $5, $6)`,
    [associationId, input.name, input.country, input.allowedOrigins, input.pricingPlanId, now],
  );
  const publishableKey = newToken('pk');
  const secretKey = newToken('sk');
  for (const [kind, key] of [['publishable', publishableKey], ['secret', secretKey]] as const) {
    await db.query(
      `INSERT INTO api_keys (id, association_id, kind, prefix, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [randomUUID(), associationId, kind, tokenDisplayPrefix(key), tokenHash(key), now],
    );
  }
  return { associationId, publishableKey, secretKey };
}

export async function findAssociation(db: Queryable, associationId: string): Promise<AssociationRow | undefined> {
  const rows = await db.query<AssociationRow>(
    'SELECT id, name, country, allowed_origins, pricing_plan_id FROM associations WHERE id = $1',
    [associationId],
  );
  return rows[0];
}

/** Whether any association lists the origin: decides CORS preflights, which carry no key. */
export async function isOriginAllowedAnywhere(db: Queryable, origin: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM associations WHERE $1 = ANY (allowed_origins) LIMIT 1', [origin]);
  return rows.length > 0;
}
