import { randomBytes } from 'node:crypto';
import type { CaseStage, Debtor, Quote } from '@collectkit/sdk';
import { noteCaseWrite } from './case-version-cache.js';
import type { Queryable } from './database.js';

/**
 * Queries of the `cases` and `case_invoices` tables (migration 0002). Every query is scoped by a
 * `CaseScope`: the association always, and the creditor for a member, so that a guessed id of
 * another tenant's case is simply not found.
 *
 * Writers: lock the case first (`lockCase`, or `updateCase` which bumps the version), THEN append
 * the case event, in the same transaction. Then event ids of one case grow in commit order.
 */

export interface CaseScope {
  associationId: string;
  /** Set for members: only their creditor's cases exist for them. */
  creditorId?: string | undefined;
}

export interface CaseRow {
  id: string;
  association_id: string;
  creditor_id: string;
  number: string;
  reference: string | null;
  stage: CaseStage;
  debtor: Debtor;
  currency: string;
  /** Minor units, as a JS number (bigint in SQL, cast to int8 → text → number here; < 2^53). */
  principal: number;
  outstanding: number;
  quote: Quote;
  document_ids: string[];
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface CaseInvoiceRow {
  position: number;
  number: string;
  issue_date: string;
  due_date: string;
  amount: number;
  outstanding: number;
}

const CASE_COLUMNS = `id, association_id::text, creditor_id::text, number, reference, stage, debtor, currency,
  principal::text AS principal, outstanding::text AS outstanding, quote, document_ids, created_at, updated_at, version`;

type RawCaseRow = Omit<CaseRow, 'principal' | 'outstanding'> & { principal: string; outstanding: string };

function toCase(row: RawCaseRow): CaseRow {
  return { ...row, principal: Number(row.principal), outstanding: Number(row.outstanding) };
}

/** `cs_` + 12 random bytes as hex (96 bits): unguessable, URL-safe. */
export function newCaseId(): string {
  return `cs_${randomBytes(12).toString('hex')}`;
}

/**
 * Reserves the association's next `count` case numbers of `year` (e.g. `2026-000123` is number 123)
 * and returns the last, in ONE statement that must run on its own (autocommit), NOT inside the
 * creating transaction: the counter row's lock is then held for that statement and its commit
 * only, instead of for the whole creation (≈ 10 round trips), which made the creations of one
 * association run one at a time (issue 3 §9). case-number-batcher.ts takes one reservation for all
 * the creations waiting at once.
 *
 * The price: a creation that fails or rolls back after taking its number leaves a gap. Case
 * numbers are human references, unique per association (UNIQUE (association_id, number)), and
 * need not be gapless; migration 0002's "no gaps" no longer holds. (The agency's invoice numbers
 * must be gapless and are counted elsewhere, inside their transaction.)
 */
export async function reserveCaseNumbers(db: Queryable, associationId: string, year: number, count: number): Promise<number> {
  const rows = await db.query<{ last_number: number }>(
    `INSERT INTO case_number_counters (association_id, year, last_number) VALUES ($1, $2, $3)
     ON CONFLICT (association_id, year) DO UPDATE SET last_number = case_number_counters.last_number + $3
     RETURNING last_number`,
    [associationId, year, count],
  );
  return rows[0]!.last_number;
}

/** `2026-000123`: the year and the association's number in it, six digits at least. */
export function formatCaseNumber(year: number, number: number): string {
  return `${year}-${String(number).padStart(6, '0')}`;
}

/** The next case number of the association in `year`; see `reserveCaseNumbers` for where to call it. */
export async function nextCaseNumber(db: Queryable, associationId: string, year: number): Promise<string> {
  return formatCaseNumber(year, await reserveCaseNumbers(db, associationId, year, 1));
}

/** What creating a case needs to know of its association and creditor, in one lookup. */
export interface CaseCreationParties {
  /** Undefined when the association does not exist. */
  pricingPlanId: string | undefined;
  /** Undefined when the creditor is not in the association. */
  creditor: { status: string; country: string } | undefined;
}

export async function findCaseCreationParties(db: Queryable, associationId: string, creditorId: string): Promise<CaseCreationParties> {
  const rows = await db.query<{ pricing_plan_id: string; status: string | null; country: string | null }>(
    `SELECT a.pricing_plan_id, c.status, c.company->>'country' AS country
       FROM associations a LEFT JOIN creditors c ON c.association_id = a.id AND c.id = $2
      WHERE a.id = $1`,
    [associationId, creditorId],
  );
  const row = rows[0];
  return {
    pricingPlanId: row?.pricing_plan_id,
    creditor: row && row.status !== null ? { status: row.status, country: row.country ?? '' } : undefined,
  };
}

export interface NewCase {
  id: string;
  associationId: string;
  creditorId: string;
  number: string;
  reference: string | null;
  stage: CaseStage;
  debtor: Debtor;
  currency: string;
  principal: number;
  quote: Quote;
  documentIds: readonly string[];
  now: Date;
}

export interface NewCaseInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  outstanding: number;
}

function invoicesJson(invoices: readonly NewCaseInvoice[]): string {
  return JSON.stringify(invoices.map((invoice) => ({
    number: invoice.number,
    issue_date: invoice.issueDate,
    due_date: invoice.dueDate,
    amount: invoice.amount,
    outstanding: invoice.outstanding,
  })));
}

/**
 * A new case and its invoices (positions from 0) in ONE statement: the invoices' insert is a
 * data-modifying CTE beside the case's, and their foreign key to the case is checked at the end of
 * the statement, when the case row exists.
 */
export async function insertCaseWithInvoices(db: Queryable, input: NewCase, invoices: readonly NewCaseInvoice[]): Promise<CaseRow> {
  const rows = await db.query<RawCaseRow>(
    `WITH inserted AS (
       INSERT INTO cases (id, association_id, creditor_id, number, reference, stage, debtor, currency, principal, outstanding,
                          quote, document_ids, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $9, $10::jsonb, $11::text[], $12, $12, 1)
       RETURNING ${CASE_COLUMNS}
     ), invoices AS (
       INSERT INTO case_invoices (case_id, association_id, position, number, issue_date, due_date, amount, outstanding, created_at)
       SELECT $1, $2, i.ord - 1, i.number, i.issue_date::date, i.due_date::date, i.amount, i.outstanding, $12
       FROM ROWS FROM (jsonb_to_recordset($13::jsonb) AS (number text, issue_date text, due_date text, amount bigint, outstanding bigint))
              WITH ORDINALITY AS i(number, issue_date, due_date, amount, outstanding, ord)
     )
     SELECT * FROM inserted`,
    [
      input.id,
      input.associationId,
      input.creditorId,
      input.number,
      input.reference,
      input.stage,
      JSON.stringify(input.debtor),
      input.currency,
      input.principal,
      JSON.stringify(input.quote),
      [...input.documentIds],
      input.now,
      invoicesJson(invoices),
    ],
  );
  return toCase(rows[0]!);
}

/** The invoices as `caseInvoices` would read them back after `insertCaseWithInvoices` (positions from 0). */
export function newCaseInvoiceRows(invoices: readonly NewCaseInvoice[]): CaseInvoiceRow[] {
  return invoices.map((invoice, position) => ({
    position,
    number: invoice.number,
    issue_date: invoice.issueDate,
    due_date: invoice.dueDate,
    amount: invoice.amount,
    outstanding: invoice.outstanding,
  }));
}

/** Appends invoices after the ones the case has, in one statement. */
export async function insertCaseInvoices(
  db: Queryable,
  associationId: string,
  caseId: string,
  invoices: readonly NewCaseInvoice[],
  now: Date,
): Promise<void> {
  if (invoices.length === 0) return;
  await db.query(
    `INSERT INTO case_invoices (case_id, association_id, position, number, issue_date, due_date, amount, outstanding, created_at)
     SELECT $1, $2, base.n + i.ord - 1, i.number, i.issue_date::date, i.due_date::date, i.amount, i.outstanding, $3
     FROM (SELECT count(*)::int AS n FROM case_invoices WHERE case_id = $1) AS base,
          ROWS FROM (jsonb_to_recordset($4::jsonb) AS (number text, issue_date text, due_date text, amount bigint, outstanding bigint))
            WITH ORDINALITY AS i(number, issue_date, due_date, amount, outstanding, ord)`,
    [
      caseId,
      associationId,
      now,
      invoicesJson(invoices),
    ],
  );
}

function scopeClause(scope: CaseScope, firstParam: number): { sql: string; params: unknown[] } {
  return scope.creditorId === undefined
    ? { sql: `association_id = $${firstParam}`, params: [scope.associationId] }
    : { sql: `association_id = $${firstParam} AND creditor_id = $${firstParam + 1}`, params: [scope.associationId, scope.creditorId] };
}

/** The case if it exists in the scope; `forUpdate` locks its row to the end of the transaction. */
export async function findCase(db: Queryable, scope: CaseScope, id: string, options: { forUpdate?: boolean } = {}): Promise<CaseRow | undefined> {
  const where = scopeClause(scope, 2);
  const rows = await db.query<RawCaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1 AND ${where.sql}${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [id, ...where.params],
  );
  return rows[0] ? toCase(rows[0]) : undefined;
}

/** Locks the case row for a writer about to append a case event; undefined when not in scope. */
export function lockCase(db: Queryable, scope: CaseScope, id: string): Promise<CaseRow | undefined> {
  return findCase(db, scope, id, { forUpdate: true });
}

/** Just the version, for the ETag check of a conditional GET (one index lookup); the polling path uses case-version-cache.ts. */
export async function caseVersion(db: Queryable, scope: CaseScope, id: string): Promise<number | undefined> {
  const where = scopeClause(scope, 2);
  const rows = await db.query<{ version: number }>(`SELECT version FROM cases WHERE id = $1 AND ${where.sql}`, [id, ...where.params]);
  return rows[0]?.version;
}

export async function caseInvoices(db: Queryable, associationId: string, caseId: string): Promise<CaseInvoiceRow[]> {
  const rows = await db.query<Omit<CaseInvoiceRow, 'amount' | 'outstanding'> & { amount: string; outstanding: string }>(
    `SELECT position, number, to_char(issue_date, 'YYYY-MM-DD') AS issue_date, to_char(due_date, 'YYYY-MM-DD') AS due_date,
            amount::text AS amount, outstanding::text AS outstanding
     FROM case_invoices WHERE association_id = $1 AND case_id = $2 ORDER BY position`,
    [associationId, caseId],
  );
  return rows.map((row) => ({ ...row, amount: Number(row.amount), outstanding: Number(row.outstanding) }));
}

export interface CaseChanges {
  stage?: CaseStage;
  /** Added to principal and outstanding (invoices added). */
  addPrincipal?: number;
  /** Subtracted from outstanding (a payment). */
  reduceOutstanding?: number;
  quote?: Quote;
}

/**
 * Applies a change that an event in the same transaction explains, and bumps the version (the
 * ETag). Returns the updated row; undefined when the case is not in the scope.
 */
export async function updateCase(db: Queryable, scope: CaseScope, id: string, changes: CaseChanges, now: Date): Promise<CaseRow | undefined> {
  // Before the write: a poll from now on reads the database until the change is settled (case-version-cache.ts).
  noteCaseWrite(id);
  const where = scopeClause(scope, 7);
  const rows = await db.query<RawCaseRow>(
    `UPDATE cases SET
       stage = COALESCE($2, stage),
       principal = principal + $3,
       outstanding = outstanding + $3 - $4,
       quote = COALESCE($5::jsonb, quote),
       updated_at = $6,
       version = version + 1
     WHERE id = $1 AND ${where.sql}
     RETURNING ${CASE_COLUMNS}`,
    [id, changes.stage ?? null, changes.addPrincipal ?? 0, changes.reduceOutstanding ?? 0, changes.quote ? JSON.stringify(changes.quote) : null, now, ...where.params],
  );
  return rows[0] ? toCase(rows[0]) : undefined;
}

export interface CaseListFilters {
  stage?: CaseStage | undefined;
  /** Part of the debtor's name, case-insensitive. */
  q?: string | undefined;
  /** Inclusive lower and exclusive upper bound of created_at. */
  createdFrom?: Date | undefined;
  createdBefore?: Date | undefined;
  /** Resume after this (created_at, id), newest first. */
  after?: { createdAt: Date; id: string } | undefined;
  limit: number;
}

/** Newest first by (created_at, id); fetches `limit + 1` so the caller knows whether a next page exists. */
export async function listCases(db: Queryable, scope: CaseScope, filters: CaseListFilters): Promise<CaseRow[]> {
  const where = scopeClause(scope, 1);
  const conditions = [where.sql];
  const params: unknown[] = [...where.params];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filters.stage) add((p) => `stage = ${p}`, filters.stage);
  if (filters.q) add((p) => `debtor->>'name' ILIKE '%' || ${p} || '%' ESCAPE '\\'`, filters.q.replace(/[\\%_]/g, (c) => `\\${c}`));
  if (filters.createdFrom) add((p) => `created_at >= ${p}`, filters.createdFrom);
  if (filters.createdBefore) add((p) => `created_at < ${p}`, filters.createdBefore);
  if (filters.after) {
    params.push(filters.after.createdAt, filters.after.id);
    conditions.push(`(created_at, id) < ($${params.length - 1}, $${params.length})`);
  }
  params.push(filters.limit + 1);
  const rows = await db.query<RawCaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases WHERE ${conditions.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toCase);
}
