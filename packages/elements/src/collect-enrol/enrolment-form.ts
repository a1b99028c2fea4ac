import { isValidBankgiro, isValidDanishBankAccount, isValidIban, type EnrolmentRequest } from '@collectkit/sdk';
import type { Messages } from '../i18n/en.js';

/**
 * What the enrolment form holds, how it is checked before anything is sent, how it becomes the
 * contract's `EnrolmentRequest`, and where a server issue's path lands on the form. No DOM here.
 */

export type PayoutKind = 'iban' | 'dk_account' | 'se_bankgiro';
export type AccountingSystemId = 'e-conomic' | 'dinero' | 'billy' | 'visma-net' | 'fortnox' | 'other';
export const ACCOUNTING_SYSTEMS: readonly AccountingSystemId[] = ['e-conomic', 'dinero', 'billy', 'visma-net', 'fortnox', 'other'];
export const PAYOUT_KINDS: readonly PayoutKind[] = ['iban', 'dk_account', 'se_bankgiro'];

/** The text fields, by their path in the request (so a server issue's path names one directly). */
export type TextField =
  | 'company.name'
  | 'company.country'
  | 'company.nationalId'
  | 'membershipNumber'
  | 'accountingSystem'
  | 'address.line'
  | 'address.postalCode'
  | 'address.city'
  | 'contact.name'
  | 'contact.email'
  | 'contact.phone'
  | 'payoutAccount.kind'
  | 'payoutAccount.iban'
  | 'payoutAccount.registrationNumber'
  | 'payoutAccount.accountNumber'
  | 'payoutAccount.bankgiro';
export type ConsentField = 'consents.terms' | 'consents.dataProcessing' | 'consents.marketing';
export type FormField = TextField | ConsentField;

/** The draft: everything typed before the agreement exists. Kept in sessionStorage; holds no secret. */
export interface EnrolmentDraft {
  values: Record<TextField, string>;
  consents: Record<ConsentField, boolean>;
}

export function emptyDraft(country = 'DK'): EnrolmentDraft {
  return {
    values: {
      'company.name': '',
      'company.country': country,
      'company.nationalId': '',
      membershipNumber: '',
      accountingSystem: 'e-conomic',
      'address.line': '',
      'address.postalCode': '',
      'address.city': '',
      'contact.name': '',
      'contact.email': '',
      'contact.phone': '',
      'payoutAccount.kind': country === 'SE' ? 'se_bankgiro' : country === 'DK' ? 'dk_account' : 'iban',
      'payoutAccount.iban': '',
      'payoutAccount.registrationNumber': '',
      'payoutAccount.accountNumber': '',
      'payoutAccount.bankgiro': '',
    },
    consents: { 'consents.terms': false, 'consents.dataProcessing': false, 'consents.marketing': false },
  };
}

/** The form steps before the agreement, and the fields each one asks. */
export const FORM_STEPS: readonly (readonly FormField[])[] = [
  ['company.name', 'company.country', 'company.nationalId', 'membershipNumber', 'accountingSystem'],
  ['address.line', 'address.postalCode', 'address.city', 'contact.name', 'contact.email', 'contact.phone'],
  [
    'payoutAccount.kind',
    'payoutAccount.iban',
    'payoutAccount.registrationNumber',
    'payoutAccount.accountNumber',
    'payoutAccount.bankgiro',
    'consents.terms',
    'consents.dataProcessing',
    'consents.marketing',
  ],
];

export function stepOfField(field: FormField): number {
  return FORM_STEPS.findIndex((fields) => fields.includes(field));
}

/** The contract's phone pattern (sdk contract/api/enrolment.ts). */
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;
/** A deliberately loose check: the server's (zod's) is the authority; this catches typos early. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether `field` is asked at all with the payout kind chosen. */
export function isAsked(draft: EnrolmentDraft, field: FormField): boolean {
  const kind = draft.values['payoutAccount.kind'];
  switch (field) {
    case 'payoutAccount.iban':
      return kind === 'iban';
    case 'payoutAccount.registrationNumber':
    case 'payoutAccount.accountNumber':
      return kind === 'dk_account';
    case 'payoutAccount.bankgiro':
      return kind === 'se_bankgiro';
    default:
      return true;
  }
}

/**
 * The error for `field` as the draft stands, or '' when it is fine. The national id is checked by
 * its own control (collect-national-id-input) as it is typed; here only whether it is there.
 */
export function fieldError(draft: EnrolmentDraft, field: FormField, t: Messages): string {
  if (!isAsked(draft, field)) return '';
  const e = t.enrol.errors;
  if (field.startsWith('consents.')) {
    return field !== 'consents.marketing' && !draft.consents[field as ConsentField] ? e.consentRequired : '';
  }
  const value = draft.values[field as TextField].trim();
  const optional = field === 'membershipNumber' || field === 'contact.phone';
  if (!value) return optional ? '' : t.controls.required;
  switch (field) {
    case 'contact.email':
      return EMAIL.test(value) ? '' : e.invalidEmail;
    case 'contact.phone':
      return PHONE.test(value) ? '' : e.invalidPhone;
    case 'payoutAccount.iban':
      return isValidIban(value) ? '' : e.invalidIban;
    case 'payoutAccount.registrationNumber':
      return /^\d{4}$/.test(value.replace(/\s/g, '')) ? '' : e.invalidDanishAccount;
    case 'payoutAccount.accountNumber':
      return isValidDanishBankAccount(draft.values['payoutAccount.registrationNumber'], value) ? '' : e.invalidDanishAccount;
    case 'payoutAccount.bankgiro':
      return isValidBankgiro(value) ? '' : e.invalidBankgiro;
    default:
      return '';
  }
}

/** The request as the contract has it; optional fields left out when empty. */
export function enrolmentRequest(draft: EnrolmentDraft, language: EnrolmentRequest['contact']['language']): EnrolmentRequest {
  const v = (field: TextField) => draft.values[field].trim();
  const kind = v('payoutAccount.kind') as PayoutKind;
  const payoutAccount: EnrolmentRequest['payoutAccount'] =
    kind === 'iban'
      ? { kind, iban: v('payoutAccount.iban') }
      : kind === 'dk_account'
        ? { kind, registrationNumber: v('payoutAccount.registrationNumber'), accountNumber: v('payoutAccount.accountNumber') }
        : { kind: 'se_bankgiro', bankgiro: v('payoutAccount.bankgiro') };
  const country = v('company.country');
  return {
    company: { name: v('company.name'), country, nationalId: v('company.nationalId') },
    address: { lines: [v('address.line')], postalCode: v('address.postalCode'), city: v('address.city'), country },
    contact: {
      name: v('contact.name'),
      email: v('contact.email'),
      ...(v('contact.phone') ? { phone: v('contact.phone') } : {}),
      ...(language ? { language } : {}),
    },
    payoutAccount,
    accountingSystem: v('accountingSystem') as AccountingSystemId,
    ...(v('membershipNumber') ? { membershipNumber: v('membershipNumber') } : {}),
    consents: { terms: true, dataProcessing: true, marketing: draft.consents['consents.marketing'] },
  };
}

const ALL_FIELDS: readonly FormField[] = FORM_STEPS.flat();

/**
 * The form field a server issue's dotted path lands on: `address.lines.0` → `address.line`,
 * `address.country` → `company.country` (one country is asked for both), `payoutAccount` → the
 * first field of the chosen kind. Undefined when the path names nothing on the form.
 */
export function fieldOfIssuePath(path: string, draft: EnrolmentDraft): FormField | undefined {
  if (path.startsWith('address.lines')) return 'address.line';
  if (path === 'address.country') return 'company.country';
  if ((ALL_FIELDS as readonly string[]).includes(path)) return path as FormField;
  if (path.startsWith('payoutAccount')) {
    return ALL_FIELDS.find((f) => f.startsWith('payoutAccount.') && f !== 'payoutAccount.kind' && isAsked(draft, f));
  }
  return undefined;
}

/** Reads a stored draft, keeping only known fields of the right type (the storage is the page's). */
export function parseDraft(json: string | null): { draft: EnrolmentDraft; step: number } | null {
  if (!json) return null;
  try {
    const stored = JSON.parse(json) as { values?: Record<string, unknown>; consents?: Record<string, unknown>; step?: unknown };
    const draft = emptyDraft();
    for (const field of Object.keys(draft.values) as TextField[]) {
      const value = stored.values?.[field];
      if (typeof value === 'string' && value.length <= 300) draft.values[field] = value;
    }
    for (const field of Object.keys(draft.consents) as ConsentField[]) {
      draft.consents[field] = stored.consents?.[field] === true;
    }
    const step = typeof stored.step === 'number' && Number.isInteger(stored.step) ? Math.min(Math.max(stored.step, 0), 2) : 0;
    return { draft, step };
  } catch {
    return null;
  }
}
