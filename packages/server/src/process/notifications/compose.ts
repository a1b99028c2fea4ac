import { debtorCountry, formatMoney, isLawCountry, type Debtor, type IsoDate, type Language, type Money } from '@collectkit/sdk';
import type { AgencyProfile } from './agency-profile.js';
import { CATALOGUES, type MessageCatalogue, type MessageFacts } from './catalogue/index.js';
import type { ClaimSpecification } from './claim-specification.js';
import { LEGAL_TERMS, languageOfCountry, type NotificationKind } from './kinds.js';
import { paymentInstructionsFor, REFERENCE_KIND_NAMES, type PaymentInstructions } from './payment-instructions.js';

/** Everything a notification says, before it becomes an e-mail, an SMS or a letter. */
export interface NotificationInput {
  readonly kind: NotificationKind;
  /** The letter's date (the server clock's today). */
  readonly date: IsoDate;
  readonly agency: AgencyProfile;
  readonly creditorName: string;
  readonly debtor: Debtor;
  readonly caseNumber: string;
  readonly specification: ClaimSpecification;
  /** Pay by; null where the message sets no deadline (a receipt of a full payment). */
  readonly deadline: IsoDate | null;
  /** reminder: 1, 2, 3 … */
  readonly reminderNumber?: number;
  /** instalment_plan_confirmation: the agreed schedule. */
  readonly instalments?: readonly { readonly dueOn: IsoDate; readonly amount: Money }[];
  /** payment_receipt: the payment; what is still owed is `specification.total`. */
  readonly payment?: { readonly paidOn: IsoDate; readonly amount: Money };
}

export interface LabelledAmount {
  readonly label: string;
  readonly amount: string;
}

/** A notification worded in the debtor's language, every amount and date formatted. */
export interface ComposedMessage {
  readonly kind: NotificationKind;
  readonly language: Language;
  readonly locale: string;
  /** The debtor's jurisdiction (ISO 3166 alpha-2). */
  readonly country: string;
  readonly title: string;
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  readonly closing: string;
  readonly contact: string;
  readonly facts: MessageFacts;
  readonly catalogue: MessageCatalogue;
  /** Case number, date, creditor. */
  readonly header: readonly { readonly label: string; readonly value: string }[];
  readonly specification: { readonly title: string; readonly lines: readonly LabelledAmount[]; readonly total: LabelledAmount };
  readonly instalments: readonly { readonly label: string; readonly dueOn: string; readonly amount: string }[];
  readonly payment: PaymentInstructions & { readonly referenceLabel: string };
  readonly deadline: { readonly label: string; readonly value: string } | null;
  readonly sms: string;
}

/** The debtor's chosen language, else the language of their country, else English. */
export function debtorLanguage(debtor: Debtor): Language {
  return debtor.language ?? languageOfCountry(debtorCountry(debtor));
}

/** Dates as the language writes them; ISO dates are calendar days, so they are formatted in UTC. */
export function formatDate(date: IsoDate, locale: string, style: 'long' | 'short' = 'long'): string {
  return formatter(dateFormats, `${locale}|${style}`, () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' })).format(new Date(`${date}T00:00:00Z`));
}

/**
 * Intl formatters kept per locale and style: building one costs ~0.1 ms, and a letter formats a
 * dozen dates and rates (issue 5 §9). They hold no state between calls, so sharing them changes no output.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const rateFormats = new Map<string, Intl.NumberFormat>();
function formatter<F>(cache: Map<string, F>, key: string, create: () => F): F {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = create()));
  return f;
}

/** A decimal-string rate ("9.75") in the locale's notation ("9,75"), formatted from the string, never a float. */
export function formatRate(ratePercent: string, locale: string): string {
  return formatter(rateFormats, locale, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 })).format(ratePercent as unknown as number);
}

/** The title in the debtor's language, with the legal term of their country in brackets where the words differ. */
export function titleFor(kind: NotificationKind, language: Language, country: string): string {
  const own = CATALOGUES[language].titles[kind];
  const legal = isLawCountry(country) ? LEGAL_TERMS[country][kind] : undefined;
  if (!legal || languageOfCountry(country) === language || own.toLowerCase() === legal.toLowerCase()) return own;
  return `${own} (${legal})`;
}

export function composeMessage(input: NotificationInput): ComposedMessage {
  const language = debtorLanguage(input.debtor);
  const catalogue = CATALOGUES[language];
  const { locale, labels } = catalogue;
  const country = debtorCountry(input.debtor);
  const money = (m: Money) => formatMoney(m, locale);
  const date = (d: IsoDate) => formatDate(d, locale);
  const spec = input.specification;
  const payment = paymentInstructionsFor(country, input.caseNumber, input.agency, catalogue);
  const title = titleFor(input.kind, language, country);
  const instalments = input.instalments ?? [];
  const first = instalments[0];

  const facts: MessageFacts = {
    debtorName: input.debtor.name,
    creditorName: input.creditorName,
    agencyName: input.agency.name,
    caseNumber: input.caseNumber,
    total: money(spec.total),
    deadline: input.deadline ? date(input.deadline) : '',
    deadlineShort: input.deadline ? formatDate(input.deadline, locale, 'short') : '',
    reference: payment.printed,
    title,
    reminderNumber: input.reminderNumber ?? 1,
    instalmentCount: instalments.length,
    firstInstalmentOn: first ? date(first.dueOn) : '',
    firstInstalmentAmount: first ? money(first.amount) : '',
    paidAmount: input.payment ? money(input.payment.amount) : '',
    paidOn: input.payment ? date(input.payment.paidOn) : '',
    remaining: money(spec.total),
    settled: spec.total.amount === 0,
  };

  const lines: LabelledAmount[] = [
    ...spec.invoices.map((i) => ({ label: labels.invoice(i.number, date(i.dueDate)), amount: money(i.outstanding) })),
    ...spec.fees.map((f) => ({ label: `${catalogue.feeNames[f.kind]} (${date(f.on)})${f.invoice !== undefined ? ` · ${f.invoice}` : ''}`, amount: money(f.amount) })),
    ...spec.interest.map((i) => ({
      label: `${labels.interest(formatRate(i.ratePercent, locale), date(i.from), date(i.through))}${i.provisional ? ` (${labels.provisionalRate})` : ''} · ${i.invoiceNumber}`,
      amount: money(i.amount),
    })),
    ...spec.payments.map((p) => ({ label: labels.paymentReceived(date(p.receivedOn)), amount: money({ amount: -p.amount.amount, currency: p.amount.currency }) })),
  ];

  return {
    kind: input.kind,
    language,
    locale,
    country,
    title,
    greeting: catalogue.greeting(input.debtor.name),
    paragraphs: catalogue.paragraphs[input.kind](facts),
    closing: catalogue.closing,
    contact: catalogue.contact(input.agency.name, input.agency.email),
    facts,
    catalogue,
    header: [
      { label: labels.caseNumber, value: input.caseNumber },
      { label: labels.date, value: date(input.date) },
      { label: labels.creditor, value: input.creditorName },
    ],
    specification: {
      title: input.kind === 'payment_receipt' ? labels.remaining : labels.specification,
      lines,
      total: { label: input.kind === 'payment_receipt' ? labels.remaining : labels.total, amount: money(spec.total) },
    },
    instalments: instalments.map((i, index) => ({ label: labels.instalment(index + 1), dueOn: date(i.dueOn), amount: money(i.amount) })),
    payment: { ...payment, referenceLabel: `${labels.reference} (${REFERENCE_KIND_NAMES[payment.kind]})` },
    deadline: input.deadline && !(input.kind === 'payment_receipt' && facts.settled) ? { label: labels.payBy, value: date(input.deadline) } : null,
    sms: catalogue.sms[input.kind](facts),
  };
}
