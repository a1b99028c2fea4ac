import { createHash } from 'node:crypto';
import { debtorCountry, isLawCountry, lawFor, type Address, type CountryCode, type CurrencyCode, type IsoDate, type LawPack, type Money } from '@collectkit/sdk';
import type { CaseRow } from '../../store/cases.js';
import { caseInvoices } from '../../store/cases.js';
import { findCreditor } from '../../store/creditors.js';
import type { Queryable } from '../../store/database.js';
import { addDocumentToCase, insertDocument, listCaseDocuments, type DocumentRow } from '../../store/documents.js';
import { appendEvent } from '../../store/events.js';
import type { AgencyProfile } from '../notifications/agency-profile.js';
import { specifyCaseClaim } from '../notifications/case-claim.js';
import { feesOf } from '../scheduler/dunning-state.js';
import { caseEvents } from '../scheduler/scheduler-store.js';
import { buildClaimFile, claimFileProcedure, type ClaimFileDocument } from './claim-file.js';
import { renderClaimFilePdf } from './claim-file-pdf.js';

/**
 * Events:
 * - `legal.claim_file` { on, documentId, kind, authority, language, total: Money, by }: a claim file was
 *   generated and stored as the case document `documentId` (also `document.added`, as an upload).
 */

export interface StoredClaimFile {
  readonly document: DocumentRow;
  readonly file: ClaimFileDocument;
  readonly asOf: IsoDate;
}

const packs = new Map<CountryCode, LawPack>();
function lawOf(country: CountryCode): LawPack {
  let pack = packs.get(country);
  // As the scheduler: past the last published rate the last one is carried forward (marked provisional).
  if (!pack) packs.set(country, (pack = lawFor(country, { carryForwardLastRate: true })));
  return pack;
}

/** The documentIds of the claim files a case's events name, so that a new file does not list an old one as attached. */
export function claimFileDocumentIds(events: readonly { type: string; data: Record<string, unknown> }[]): Set<string> {
  return new Set(events.filter((e) => e.type === 'legal.claim_file').map((e) => String(e.data.documentId)));
}

/**
 * Computes the claim as of `today`, renders the claim file and stores it as a case document, in the
 * caller's transaction (the case row locked by the caller). Null where the debtor's country has no
 * claim file (NO, FI, others): nothing is written.
 */
export async function generateClaimFile(
  tx: Queryable,
  row: CaseRow,
  options: { agency: AgencyProfile; now: Date; today: IsoDate; by: string; law?: LawPack },
): Promise<StoredClaimFile | null> {
  const country = debtorCountry(row.debtor);
  const procedure = claimFileProcedure(country);
  if (!procedure || !isLawCountry(country)) return null;
  const law = options.law ?? lawOf(country);
  const currency = row.currency as CurrencyCode;
  const { today, now } = options;

  const invoices = await caseInvoices(tx, row.association_id, row.id);
  const events = await caseEvents(tx, row.association_id, row.id);
  const specification = await specifyCaseClaim(tx, row, { fees: feesOf(events), interestUntil: today, law, invoices });
  const creditor = await findCreditor(tx, row.association_id, row.creditor_id);
  const company = (creditor?.company ?? { name: '' }) as { name: string; country?: string; nationalId?: string; address?: Address };
  const previous = claimFileDocumentIds(events);
  const attachments = (await listCaseDocuments(tx, row.association_id, row.id)).filter((d) => !previous.has(d.id));
  const notice = events.filter((e) => e.type === 'notice.sent').at(-1);

  const file = buildClaimFile({
    procedure,
    caseNumber: row.number,
    asOf: today,
    creditor: { name: company.name, country: company.country, nationalId: company.nationalId, address: company.address },
    agency: options.agency,
    debtor: row.debtor,
    invoices: invoices.map((i) => ({ number: i.number, issueDate: i.issue_date, dueDate: i.due_date, amount: { amount: i.amount, currency } })),
    specification,
    law,
    notice: notice ? { sentOn: notice.data.on as IsoDate, payBy: notice.data.payBy as IsoDate } : null,
    remindersSentOn: events.filter((e) => e.type === 'reminder.sent').map((e) => e.data.on as IsoDate),
    attachments,
  });
  const content = await renderClaimFilePdf(file, { createdAt: now, author: options.agency.name });
  const sha256 = createHash('sha256').update(content).digest('hex');
  const document = await insertDocument(tx, {
    associationId: row.association_id,
    creditorId: row.creditor_id,
    caseId: row.id,
    // DocumentKind has no 'legal' kind (migration 0004's CHECK); the filename and the legal.claim_file event say what it is.
    kind: 'other',
    filename: `${procedure.kind}-${row.number}-${today}.pdf`,
    mediaType: 'application/pdf',
    sha256,
    content,
    uploadedBy: options.by,
    now,
  });
  await addDocumentToCase(tx, row.association_id, row.id, document.id, now);
  const event = (type: string, data: Record<string, unknown>) => appendEvent(tx, { associationId: row.association_id, caseId: row.id, type, data, at: now });
  await event('document.added', { documentId: document.id, kind: document.kind, filename: document.filename, mediaType: document.media_type, size: document.size, sha256 });
  await event('legal.claim_file', {
    on: today,
    documentId: document.id,
    kind: procedure.kind,
    authority: procedure.authority,
    language: procedure.language,
    total: file.total satisfies Money,
    by: options.by,
  });
  return { document, file, asOf: today };
}
