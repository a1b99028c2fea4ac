import {
  associationMemberPlan,
  isLawCountry,
  lawFor,
  quote,
  standardPlan,
  type Country,
  type CountryCode,
  type CreateCaseRequest,
  type CurrencyCode,
  type IsoDate,
  type LawPack,
  type Money,
  type PricingPlan,
  type Quote,
} from '@collectkit/sdk';
import type { Messages } from '../i18n/en.js';

/**
 * What the case form holds, how it is checked before anything is sent, how it becomes the
 * contract's `CreateCaseRequest` and the instant quote, and where a server issue's path lands on
 * the form. No DOM here.
 */

export const COUNTRIES: readonly Country[] = ['DK', 'SE', 'NO', 'FI'];
export const HOME_CURRENCY: Readonly<Record<Country, CurrencyCode>> = { DK: 'DKK', SE: 'SEK', NO: 'NOK', FI: 'EUR' };

export type DebtorType = 'business' | 'consumer';

export interface DebtorDraft {
  type: DebtorType;
  country: Country;
  name: string;
  /** A business's register number as its control normalised it; '' when not given. */
  nationalId: string;
  /** A person's identity number: stored for the case handler, never shown back. */
  personalId: string;
  addressLine: string;
  postalCode: string;
  city: string;
  email: string;
  phone: string;
}

export interface InvoiceDraft {
  /** Stable across removals, so that Lit keeps each row's controls. */
  readonly key: number;
  number: string;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  amount: Money | null;
}

export function emptyDebtor(country: Country): DebtorDraft {
  return { type: 'business', country, name: '', nationalId: '', personalId: '', addressLine: '', postalCode: '', city: '', email: '', phone: '' };
}

/** The debtor's text fields, by the name the form and the issue mapping use. */
export type DebtorTextField = 'debtor.name' | 'debtor.personalId' | 'debtor.address.line' | 'debtor.address.postalCode' | 'debtor.address.city' | 'debtor.email' | 'debtor.phone';
export type DebtorField = DebtorTextField | 'debtor.type' | 'debtor.country' | 'debtor.nationalId';
export type InvoiceField = `invoices.${number}.${'number' | 'issueDate' | 'dueDate' | 'amount'}`;
export type CaseField = DebtorField | InvoiceField | 'documents';

export const DEBTOR_TEXT: Readonly<Record<DebtorTextField, keyof DebtorDraft>> = {
  'debtor.name': 'name',
  'debtor.personalId': 'personalId',
  'debtor.address.line': 'addressLine',
  'debtor.address.postalCode': 'postalCode',
  'debtor.address.city': 'city',
  'debtor.email': 'email',
  'debtor.phone': 'phone',
};

/** The contract's phone pattern (sdk contract/party.ts). */
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;
/** Loose on purpose: the server's check (zod's) is the authority; this catches typos early. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The client-side error of a debtor text field, or '' when it is fine. */
export function debtorFieldError(debtor: DebtorDraft, field: DebtorTextField, t: Messages): string {
  const value = debtor[DEBTOR_TEXT[field]].trim();
  const optional = field === 'debtor.email' || field === 'debtor.phone' || field === 'debtor.personalId';
  if (!value) return optional ? '' : t.controls.required;
  if (field === 'debtor.email') return EMAIL.test(value) ? '' : t.case.errors.invalidEmail;
  if (field === 'debtor.phone') return PHONE.test(value) ? '' : t.case.errors.invalidPhone;
  return '';
}

/** The debtor fields asked for the debtor's type, in the order they are shown. */
export function debtorFields(debtor: DebtorDraft): DebtorField[] {
  return [
    'debtor.type',
    'debtor.country',
    'debtor.name',
    debtor.type === 'business' ? 'debtor.nationalId' : 'debtor.personalId',
    'debtor.address.line',
    'debtor.address.postalCode',
    'debtor.address.city',
    'debtor.email',
    'debtor.phone',
  ];
}

/** Whether an invoice row has everything the quote needs (amount and due date). */
export function isPriceable(invoice: InvoiceDraft): invoice is InvoiceDraft & { amount: Money; dueDate: IsoDate } {
  return invoice.amount !== null && invoice.amount.amount > 0 && invoice.dueDate !== null;
}

/** The request as the contract has it; optional fields left out when empty. */
export function caseRequest(debtor: DebtorDraft, invoices: readonly InvoiceDraft[], documentIds: readonly string[]): CreateCaseRequest {
  const text = (value: string) => value.trim();
  const address = { lines: [text(debtor.addressLine)], postalCode: text(debtor.postalCode), city: text(debtor.city), country: debtor.country };
  const contact = {
    address,
    ...(text(debtor.email) ? { email: text(debtor.email) } : {}),
    ...(text(debtor.phone) ? { phone: text(debtor.phone) } : {}),
  };
  const party: CreateCaseRequest['debtor'] =
    debtor.type === 'business'
      ? { type: 'business', name: text(debtor.name), country: debtor.country, ...(debtor.nationalId ? { nationalId: debtor.nationalId } : {}), ...contact }
      : { type: 'consumer', name: text(debtor.name), ...(text(debtor.personalId) ? { personalId: text(debtor.personalId) } : {}), ...contact };
  return {
    debtor: party,
    invoices: invoices.map((invoice) => ({
      number: text(invoice.number),
      issueDate: invoice.issueDate!,
      dueDate: invoice.dueDate!,
      amount: invoice.amount!,
    })),
    ...(documentIds.length > 0 ? { documentIds: [...documentIds] } : {}),
  };
}

const SDK_PLANS: readonly PricingPlan[] = [associationMemberPlan, standardPlan];

/**
 * The plan the server prices the case with: the association's (`/v1/me` names it). Unknown ids
 * (an operator-made plan the sdk does not ship) fall back to the member plan, and the review says
 * the price is confirmed on submission.
 */
export function planOf(pricingPlanId: string | undefined): PricingPlan {
  return SDK_PLANS.find((plan) => plan.id === pricingPlanId) ?? associationMemberPlan;
}

/** Law packs as the server builds them for a case (http/case-quote.ts): the last known interest rate carried forward. */
const packs = new Map<CountryCode, LawPack>();
function carriedForwardLaw(country: CountryCode): LawPack {
  let pack = packs.get(country);
  if (!pack) packs.set(country, (pack = lawFor(country, { carryForwardLastRate: true })));
  return pack;
}

export interface InstantQuote {
  readonly quote: Quote;
  readonly plan: PricingPlan;
}

/**
 * The instant, non-binding quote of the invoices typed so far, computed exactly as the server's
 * `lockedQuote` does (http/case-quote.ts): the association's plan, `member: true` (every creditor
 * with an account enrolled through the association), the creditor's country, the carried-forward
 * law. Null until one invoice has an amount and a due date; rows still being typed are left out.
 */
export function instantQuote(
  context: { creditorCountry: string; pricingPlanId: string | undefined },
  debtor: DebtorDraft,
  invoices: readonly InvoiceDraft[],
  asOf: IsoDate,
): InstantQuote | null {
  const priced = invoices.filter(isPriceable);
  if (priced.length === 0 || !isLawCountry(context.creditorCountry)) return null;
  const currency = priced[0]!.amount.currency;
  const plan = planOf(context.pricingPlanId);
  const request = {
    creditorCountry: context.creditorCountry,
    member: true,
    debtor: debtor.type === 'business' ? { type: debtor.type, country: debtor.country } : { type: debtor.type, address: { country: debtor.country } },
    invoices: priced
      .filter((invoice) => invoice.amount.currency === currency)
      .map((invoice, index) => ({
        number: invoice.number.trim() || String(index + 1),
        // An issue date after the due date is an error the form reports; the quote does not need it.
        issueDate: invoice.issueDate && invoice.issueDate <= invoice.dueDate ? invoice.issueDate : invoice.dueDate,
        dueDate: invoice.dueDate,
        amount: invoice.amount,
      })),
  };
  return { quote: quote(request, plan, { asOf, law: carriedForwardLaw }), plan };
}

/**
 * The form field a server issue's dotted path lands on: `debtor.address.lines.0` →
 * `debtor.address.line`, `debtor.address.country` → `debtor.country`, `invoices.2.amount.currency`
 * → `invoices.2.amount`, `documentIds.0` → the documents. Undefined when it names nothing on the form.
 */
export function fieldOfIssuePath(path: string, invoiceCount: number): CaseField | undefined {
  if (path.startsWith('debtor.address.lines')) return 'debtor.address.line';
  if (path === 'debtor.address.postalCode') return 'debtor.address.postalCode';
  if (path === 'debtor.address.city') return 'debtor.address.city';
  if (path === 'debtor.address.country' || path === 'debtor.country') return 'debtor.country';
  const debtorField = (['debtor.name', 'debtor.nationalId', 'debtor.personalId', 'debtor.email', 'debtor.phone', 'debtor.type'] as const).find((f) => f === path);
  if (debtorField) return debtorField;
  if (path.startsWith('documentIds')) return 'documents';
  const invoice = /^invoices(?:\.(\d+)(?:\.(number|issueDate|dueDate|amount|outstanding))?)?/.exec(path);
  if (invoice) {
    const index = Math.min(Number(invoice[1] ?? 0), Math.max(invoiceCount - 1, 0));
    const part = invoice[2] === 'outstanding' || invoice[2] === undefined ? 'amount' : invoice[2];
    return `invoices.${index}.${part}` as InvoiceField;
  }
  return undefined;
}

/** The step of the form that asks `field`: 0 debtor, 1 invoices, 2 documents. */
export function stepOfField(field: CaseField): 0 | 1 | 2 {
  if (field === 'documents') return 2;
  return field.startsWith('invoices.') ? 1 : 0;
}
