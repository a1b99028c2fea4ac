import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';

export type CreditorStatus = 'pending_signature' | 'pending_password' | 'active';

export interface CreditorRow {
  id: string;
  association_id: string;
  status: CreditorStatus;
  company: { name: string; country: string; nationalId: string };
  contact: { name: string; email: string; phone?: string; language?: string };
  enrolment_token_hash: string | null;
  enrolment_token_expires_at: Date | null;
}

export interface AgreementRow {
  creditor_id: string;
  pricing_plan_id: string;
  sha256: string;
  signed_at: Date | null;
  signed_name: string | null;
}

export interface NewCreditor {
  associationId: string;
  company: unknown;
  address: unknown;
  contact: unknown;
  bankAccount: unknown;
  accountingSystem: string;
  membershipNumber: string | null;
  consents: unknown;
  enrolmentTokenHash: string;
  enrolmentTokenExpiresAt: Date;
  now: Date;
}

export async function createCreditor(db: Queryable, input: NewCreditor): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO creditors (id, association_id, status, company, contact, bank_account, accounting_system, membership_number,
                            consents, enrolment_token_hash, enrolment_token_expires_at, created_at)
     VALUES ($1, $2, 'pending_signature', $3::jsonb, $4::jsonb, $5::jsonb, $6, $7, $8::jsonb, $9, $10, $11)`,
    [
      id,
      input.associationId,
      JSON.stringify({ ...(input.company as object), address: input.address }),
      JSON.stringify(input.contact),
      JSON.stringify(input.bankAccount),
      input.accountingSystem,
      input.membershipNumber,
      JSON.stringify(input.consents),
      input.enrolmentTokenHash,
      input.enrolmentTokenExpiresAt,
      input.now,
    ],
  );
  return id;
}

/** Scoped by association: another tenant's id finds nothing. `forUpdate` serialises concurrent steps. */
export async function findCreditor(db: Queryable, associationId: string, id: string, forUpdate = false): Promise<CreditorRow | undefined> {
  const rows = await db.query<CreditorRow>(
    `SELECT id, association_id, status, company, contact, enrolment_token_hash, enrolment_token_expires_at
       FROM creditors WHERE association_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [associationId, id],
  );
  return rows[0];
}

export async function setCreditorStatus(db: Queryable, associationId: string, id: string, status: CreditorStatus): Promise<void> {
  await db.query('UPDATE creditors SET status = $3 WHERE association_id = $1 AND id = $2', [associationId, id, status]);
}

/** Once the account exists the enrolment token has done its job. */
export async function clearEnrolmentToken(db: Queryable, associationId: string, id: string): Promise<void> {
  await db.query(
    'UPDATE creditors SET enrolment_token_hash = NULL, enrolment_token_expires_at = NULL WHERE association_id = $1 AND id = $2',
    [associationId, id],
  );
}

export async function createAgreement(
  db: Queryable,
  input: { associationId: string; creditorId: string; pricingPlanId: string; pdf: Buffer; sha256: string; now: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO agreements (id, association_id, creditor_id, pricing_plan_id, pdf, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [randomUUID(), input.associationId, input.creditorId, input.pricingPlanId, input.pdf, input.sha256, input.now],
  );
}

export async function findAgreement(db: Queryable, associationId: string, creditorId: string): Promise<AgreementRow | undefined> {
  const rows = await db.query<AgreementRow>(
    'SELECT creditor_id, pricing_plan_id, sha256, signed_at, signed_name FROM agreements WHERE association_id = $1 AND creditor_id = $2',
    [associationId, creditorId],
  );
  return rows[0];
}

export async function agreementPdf(db: Queryable, associationId: string, creditorId: string): Promise<Buffer | undefined> {
  const rows = await db.query<{ pdf: Uint8Array }>('SELECT pdf FROM agreements WHERE association_id = $1 AND creditor_id = $2', [associationId, creditorId]);
  // pg gives a Buffer, PGlite a Uint8Array.
  return rows[0] && Buffer.from(rows[0].pdf);
}

export async function signAgreement(
  db: Queryable,
  input: { associationId: string; creditorId: string; name: string; at: Date; ip: string },
): Promise<void> {
  await db.query(
    `UPDATE agreements SET signed_name = $3, signed_consent = true, signed_at = $4, signed_ip = $5
      WHERE association_id = $1 AND creditor_id = $2 AND signed_at IS NULL`,
    [input.associationId, input.creditorId, input.name, input.at, input.ip],
  );
}
