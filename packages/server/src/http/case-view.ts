import type { Case, CaseSummary, Currency, Debtor } from '@collectkit/sdk';
import type { AuthContext } from '../auth/auth-context.js';
import type { CaseInvoiceRow, CaseRow, CaseScope } from '../store/cases.js';
import type { Queryable } from '../store/database.js';
import { findCase } from '../store/cases.js';
import { notFound } from './api-error.js';

/** What of the association's cases the caller can see: a member only its own creditor's. */
export function caseScopeOf(auth: AuthContext): CaseScope {
  return auth.kind === 'member' ? { associationId: auth.associationId, creditorId: auth.creditorId } : { associationId: auth.associationId };
}

/** The case in the caller's scope, or 404 (never 403: another tenant's id is an unknown id). */
export async function caseFor(db: Queryable, auth: AuthContext, id: string, options: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const found = await findCase(db, caseScopeOf(auth), id, options);
  if (!found) throw notFound('case');
  return found;
}

export function caseEtag(id: string, version: number): string {
  return `"${id}-${version}"`;
}

/** Whether `If-None-Match` names the current representation (`*`, a list, weak or strong). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** A consumer's personal id is stored for the case handler, never sent back (party.ts). */
function shownDebtor(debtor: Debtor): Debtor {
  if (debtor.type !== 'consumer' || debtor.personalId === undefined) return debtor;
  const { personalId: _hidden, ...shown } = debtor;
  return shown;
}

function summaryFields(row: CaseRow) {
  const currency = row.currency as Currency;
  return {
    id: row.id,
    number: row.number,
    reference: row.reference,
    stage: row.stage,
    creditorId: row.creditor_id,
    currency,
    totals: { principal: { amount: row.principal, currency }, outstanding: { amount: row.outstanding, currency } },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function caseSummary(row: CaseRow): CaseSummary {
  return { ...summaryFields(row), debtorName: row.debtor.name };
}

export function caseView(row: CaseRow, invoices: readonly CaseInvoiceRow[]): Case {
  const currency = row.currency as Currency;
  return {
    ...summaryFields(row),
    debtor: shownDebtor(row.debtor),
    invoices: invoices.map((invoice) => ({
      number: invoice.number,
      issueDate: invoice.issue_date,
      dueDate: invoice.due_date,
      amount: { amount: invoice.amount, currency },
      outstanding: { amount: invoice.outstanding, currency },
    })),
    documentIds: row.document_ids,
    quote: row.quote,
  };
}
