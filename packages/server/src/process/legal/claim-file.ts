import { addDays, formatMoney, type Address, type Debtor, type IsoDate, type LawPack, type LegalEstimate, type Money } from '@collectkit/sdk';
import type { AgencyProfile } from '../notifications/agency-profile.js';
import { CATALOGUES } from '../notifications/catalogue/index.js';
import type { ClaimSpecification } from '../notifications/claim-specification.js';
import { formatDate, formatRate } from '../notifications/compose.js';
import { legalCostItems } from './legal-costs.js';
import { CLAIM_FILE_TEXT, COMPANY_ID_NAMES } from './claim-file-text.js';

/**
 * The claim file of the legal step (issue 5 §3): what the court or enforcement authority needs to
 * issue a payment order, for the countries Collectkit knows the procedure of —
 * - DK: betalingspåkrav (retsplejeloven § 477 ff.), filed at minretssag.dk, in Danish;
 * - SE: ansökan om betalningsföreläggande to Kronofogden (lag (1990:746) om betalningsföreläggande och
 *   handräckning), in Swedish.
 * NO and FI: none (no procedure in RULES.md); the legal step there is prepared by hand.
 *
 * The claim per invoice, fees and interest come from the same claim specification as the debtor's
 * letters (notifications/claim-specification.ts specifyClaim), so the file and the letters agree to
 * the øre. Application costs come from the legal estimate's items (legal-costs.ts): an amount
 * RULES.md does not give is printed as "to be determined", never as a figure.
 */

export type ClaimFileKind = 'betalingspaakrav' | 'betalningsforelaggande';

export interface ClaimFileProcedure {
  readonly kind: ClaimFileKind;
  readonly authority: NonNullable<LegalEstimate['authority']>;
  readonly language: 'da' | 'sv';
}

/** The procedure for a debtor in `country`, or null where Collectkit prepares no claim file. */
export function claimFileProcedure(country: string): ClaimFileProcedure | null {
  if (country === 'DK') return { kind: 'betalingspaakrav', authority: 'fogedret', language: 'da' };
  if (country === 'SE') return { kind: 'betalningsforelaggande', authority: 'kronofogden', language: 'sv' };
  return null;
}

export interface ClaimFileInput {
  readonly procedure: ClaimFileProcedure;
  readonly caseNumber: string;
  /** The day the claim is computed for (interest runs up to, not including, it). */
  readonly asOf: IsoDate;
  readonly creditor: { readonly name: string; readonly country?: string | undefined; readonly nationalId?: string | undefined; readonly address?: Address | undefined };
  readonly agency: AgencyProfile;
  readonly debtor: Debtor;
  readonly invoices: readonly { readonly number: string; readonly issueDate: IsoDate; readonly dueDate: IsoDate; readonly amount: Money }[];
  /** specifyClaim of the case as of `asOf`, with its fees and payments. */
  readonly specification: ClaimSpecification;
  readonly law: LawPack;
  /** When the pre-collection notice went out (`notice.sent` { on, payBy }), or null. */
  readonly notice: { readonly sentOn: IsoDate; readonly payBy: IsoDate } | null;
  readonly remindersSentOn: readonly IsoDate[];
  /** The case's documents, attached to the filing. */
  readonly attachments: readonly { readonly filename: string }[];
}

export interface ClaimFileRow {
  readonly label: string;
  readonly amount: string;
  readonly bold?: boolean;
  /** A line under the row, e.g. the fee's legal basis. */
  readonly note?: string;
}

export interface ClaimFileSection {
  readonly heading: string;
  readonly lines: readonly string[];
  readonly rows: readonly ClaimFileRow[];
}

/** The claim file worded and formatted: what the PDF lays out, section by section. */
export interface ClaimFileDocument {
  readonly procedure: ClaimFileProcedure;
  readonly title: string;
  readonly subtitle: string;
  readonly header: readonly { readonly label: string; readonly value: string }[];
  readonly sections: readonly ClaimFileSection[];
  readonly footer: string;
  /** The claim as of `asOf` (principal + fees + interest − payments). */
  readonly total: Money;
}

export function buildClaimFile(input: ClaimFileInput): ClaimFileDocument {
  const { procedure, specification: spec, law, debtor } = input;
  const text = CLAIM_FILE_TEXT[procedure.language];
  const catalogue = CATALOGUES[procedure.language];
  const locale = catalogue.locale;
  const money = (m: Money) => formatMoney(m, locale);
  const date = (d: IsoDate) => formatDate(d, locale);
  const address = (a: Address) => [...a.lines, `${a.postalCode} ${a.city}`, a.country].join(', ');

  const companyId = (country: string | undefined) => (country !== undefined ? COMPANY_ID_NAMES[country] : undefined) ?? text.companyId;
  const applicant: string[] = [input.creditor.name];
  if (input.creditor.nationalId) applicant.push(`${companyId(input.creditor.country)}: ${input.creditor.nationalId}`);
  if (input.creditor.address) applicant.push(address(input.creditor.address));

  const agency = input.agency;
  const representative = [agency.name, ...(agency.companyId ? [agency.companyId] : []), address(agency.address), [agency.email, agency.phone].filter(Boolean).join(' · ')];

  // A business's register number is printed; a consumer's personal id is never shown (party.ts) and is given at filing.
  const respondent = [
    debtor.name,
    debtor.type === 'business'
      ? `${companyId(debtor.country)}: ${debtor.nationalId ?? text.unknownId}`
      : `${text.personalId}: ${debtor.personalId ? text.personalIdAtFiling : text.unknownId}`,
    address(debtor.address),
  ];

  const outstandingOf = new Map(spec.invoices.map((i) => [i.number, i.outstanding]));
  const claimRows: ClaimFileRow[] = input.invoices.map((i) => ({
    label: text.invoiceRow(i.number, date(i.issueDate), date(i.dueDate)),
    amount: money(outstandingOf.get(i.number) ?? i.amount),
  }));
  claimRows.push({ label: text.principalTotal, amount: money(spec.principal), bold: true });

  // The rate in force on the day of the file, with its basis (DK renteloven § 5, SE räntelagen 6 §: RULES.md §4).
  const firstDue = [...input.invoices].map((i) => i.dueDate).sort()[0] ?? input.asOf;
  const rate = law.interestRate(input.asOf, debtor.type, firstDue);
  const interestLines = [
    text.interestBasis(rate.source.citation, formatRate(rate.ratePercent, locale), formatRate(rate.referencePercent, locale), formatRate(rate.marginPercent, locale)),
    // Interest from the day after the due date, as the letters count it (specifyClaim).
    ...spec.invoices.filter((i) => i.outstanding.amount > 0).map((i) => text.interestFrom(i.number, date(addDays(i.dueDate, 1)), money(i.outstanding))),
  ];
  const interestRows: ClaimFileRow[] = spec.interest.map((i) => ({
    label: text.interestAccrued(formatRate(i.ratePercent, locale), date(i.from), date(i.through), i.invoiceNumber),
    amount: money(i.amount),
  }));
  interestRows.push({ label: text.interestAccruedTotal, amount: money(spec.interestTotal), bold: true });

  const feeRows: ClaimFileRow[] = spec.fees.map((f) => ({
    label: `${catalogue.feeNames[f.kind]} (${date(f.on)})${f.invoice !== undefined ? ` · ${f.invoice}` : ''}`,
    amount: money(f.amount),
    note: `${text.basis}: ${text.feeBasis[f.kind] ?? text.noBasis}`,
  }));

  // The costs of the application itself: the estimate's items, less enforcement (a later step).
  const applicationRows: ClaimFileRow[] = legalCostItems(input.law.country)
    .items.filter((item) => item.kind !== 'enforcement_fee')
    .map((item) => ({
      label: text.applicationCost[item.kind] ?? item.description,
      amount: item.amount === null ? text.toBeDetermined : `${item.basis === 'maximum' ? `${text.atMost} ` : ''}${money(item.amount)}`,
    }));

  const noticeLines = [
    input.notice ? text.noticeSent(date(input.notice.sentOn), date(input.notice.payBy)) : text.noticeMissing,
    ...(input.remindersSentOn.length > 0 ? [text.remindersSent(input.remindersSentOn.map(date).join(', '))] : []),
  ];

  const paymentRows: ClaimFileRow[] = spec.payments.map((p) => ({ label: text.paymentRow(date(p.receivedOn)), amount: money({ amount: -p.amount.amount, currency: p.amount.currency }) }));

  const attachments = [...input.attachments.map((a, index) => `${index + 1}. ${a.filename}`)];
  if (input.notice || input.remindersSentOn.length > 0) attachments.push(`${attachments.length + 1}. ${text.attachmentLetters}`);

  return {
    procedure,
    title: text.title,
    subtitle: text.subtitle,
    header: [
      { label: text.caseNumber, value: input.caseNumber },
      { label: text.date, value: date(input.asOf) },
    ],
    sections: [
      { heading: text.applicant, lines: applicant, rows: [] },
      { heading: text.representative, lines: representative, rows: [] },
      { heading: text.respondent, lines: respondent, rows: [] },
      { heading: text.claim, lines: [], rows: claimRows },
      { heading: text.interest, lines: interestLines, rows: interestRows },
      { heading: text.costs, lines: [], rows: feeRows },
      { heading: text.payments, lines: paymentRows.length === 0 ? [text.noPayments] : [], rows: paymentRows },
      { heading: text.total, lines: [text.totalNote], rows: [{ label: text.total, amount: money(spec.total), bold: true }] },
      { heading: text.applicationCosts, lines: [], rows: applicationRows },
      { heading: text.notice, lines: noticeLines, rows: [] },
      { heading: text.attachments, lines: attachments.length > 0 ? attachments : [text.noAttachments], rows: [] },
    ],
    footer: text.footer(agency.name),
    total: spec.total,
  };
}
