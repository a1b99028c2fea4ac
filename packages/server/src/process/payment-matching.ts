import { debtorCountry, normalizePaymentReference, paymentReferenceKindFor, type Debtor, type PaymentReferenceKind } from '@collectkit/sdk';

/**
 * Which case a payment reference, as a bank reports it, belongs to.
 *
 * Every reference a case is given is derived from its number (payment-instructions.ts: the digits
 * of 2026-000123 are the base 2026000123) in the kind of the debtor's country — FIK +71 (DK), OCR
 * (SE), KID MOD10 (NO), viitenumero (FI) — or in ISO 11649 RF where the agency has no account for
 * that scheme. So the matcher needs no table of issued references: it reads the reference in each
 * kind whose check digit holds, takes its base, and accepts a case whose number has that base and
 * which could have been given a reference of that kind (its country's kind, or RF). This also
 * covers cases whose letters went out before the import existed, and an agency that adds a domestic
 * account later (old RF and new domestic references both keep matching).
 *
 * Check digits decide: a reference whose check digit fails in every kind matches nothing. The
 * kinds' check digits differ (Luhn, weights 7-3-1, MOD 97), so a mistyped OCR number can happen to
 * be a valid viitenumero of another case; the scheme of the account the money arrived on rules
 * that out (BgMax is Bankgirot, so OCR; a camt.054 names its account's IBAN), and only when the
 * account is unknown are all kinds tried.
 */

/** The kinds payment-instructions.ts gives cases; the others (ocr-length, kid-mod11) are never issued, so never matched. */
export const ISSUED_REFERENCE_KINDS = ['fik71', 'ocr', 'kid-mod10', 'fi', 'rf'] as const satisfies readonly PaymentReferenceKind[];
export type IssuedReferenceKind = (typeof ISSUED_REFERENCE_KINDS)[number];

export interface ReferenceCandidate {
  kind: IssuedReferenceKind;
  /** The reference's base without leading zeros (the digits of a case number for the references we issue). */
  base: string;
}

/** The kinds a payment into an account of `country` can carry: the domestic one and RF; every kind when the account is unknown. */
export function referenceKindsForAccount(country: string | null): readonly IssuedReferenceKind[] {
  if (country === null) return ISSUED_REFERENCE_KINDS;
  const domestic = paymentReferenceKindFor(country);
  return domestic === 'rf' ? ['rf'] : [domestic as IssuedReferenceKind, 'rf'];
}

/** The kinds of reference the case can have been given: its debtor's country's, or RF. */
export function referenceKindsOfCase(debtor: Debtor): readonly IssuedReferenceKind[] {
  const domestic = paymentReferenceKindFor(debtorCountry(debtor));
  return domestic === 'rf' ? ['rf'] : [domestic as IssuedReferenceKind, 'rf'];
}

/** The base of a case number: its digits without leading zeros (the SQL index in migration 0009 computes the same). */
export function caseNumberBase(number: string): string {
  return number.replace(/\D/g, '').replace(/^0+/, '');
}

const stripZeros = (digits: string) => digits.replace(/^0+/, '');

/** `+71<id+creditor<`, `+71 id`, `+71<id`: the FIK line or its start; the 15-digit payment id. */
const FIK_FORM = /^\+71<?(\d{1,15})(?:\+(\d{8})<?)?$/;

/**
 * The readings of `raw` (spaces, a `+71` prefix, leading zeros and lower-case `rf` allowed) in the
 * `kinds` whose check digit holds, one per kind. Empty: no reference of those kinds.
 */
export function referenceCandidates(raw: string, kinds: readonly IssuedReferenceKind[]): ReferenceCandidate[] {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  const out: ReferenceCandidate[] = [];
  if (compact.startsWith('RF')) {
    if (kinds.includes('rf') && normalizePaymentReference('rf', compact) !== null) out.push({ kind: 'rf', base: stripZeros(compact.slice(4)) });
    return out;
  }
  const fik = FIK_FORM.exec(compact);
  if (fik) {
    // Written as a FIK line: read as FIK only.
    const id = fik[1]!.padStart(15, '0');
    if (kinds.includes('fik71') && normalizePaymentReference('fik71', id) !== null) out.push({ kind: 'fik71', base: stripZeros(id.slice(0, 14)) });
    return out;
  }
  if (!/^\d+$/.test(compact)) return out;
  // Luhn, MOD10 KID and 7-3-1 sums are all unchanged by leading zeros, which some banks pad references with.
  const digits = stripZeros(compact);
  for (const kind of kinds) {
    if (kind === 'rf') continue;
    if (kind === 'fik71') {
      if (digits.length > 15) continue;
      const id = digits.padStart(15, '0');
      if (normalizePaymentReference('fik71', id) !== null) out.push({ kind, base: stripZeros(id.slice(0, 14)) });
      continue;
    }
    if (normalizePaymentReference(kind, digits) !== null) out.push({ kind, base: stripZeros(digits.slice(0, -1)) });
  }
  return out.filter((candidate) => candidate.base !== '');
}

/**
 * The readings of the whole text (a reference printed in groups), else of each word of it (a
 * reference inside remittance text: "Faktura 20260001233"). Every reading must still pass its check
 * digit and name exactly one case (`matchReference`), so the words of a text cannot pick a case by chance more
 * easily than a mistyped reference can.
 */
export function readingsOf(raw: string, kinds: readonly IssuedReferenceKind[]): ReferenceCandidate[] {
  const whole = referenceCandidates(raw, kinds);
  if (whole.length > 0) return whole;
  return raw.split(/[\s,;:/()]+/).filter((word) => word.length > 0 && word !== raw.trim()).flatMap((word) => referenceCandidates(word, kinds));
}

export type ReferenceMismatch = 'no_reference' | 'invalid_reference' | 'unknown_case' | 'ambiguous_reference';

export interface MatchableCase {
  id: string;
  number: string;
  debtor: Debtor;
}

export type ReferenceMatch<C extends MatchableCase> = { matched: true; case: C; kind: IssuedReferenceKind } | { matched: false; reason: ReferenceMismatch };

/**
 * Picks the case among `cases` (those of the association whose number has one of the candidates'
 * bases; see `findCasesByReferenceBase`). More than one case fitting is `ambiguous_reference`:
 * never guessed.
 */
export function matchReference<C extends MatchableCase>(raw: string | null, accountCountry: string | null, cases: readonly C[]): ReferenceMatch<C> {
  if (raw === null || raw.trim() === '') return { matched: false, reason: 'no_reference' };
  const candidates = readingsOf(raw, referenceKindsForAccount(accountCountry));
  if (candidates.length === 0) return { matched: false, reason: 'invalid_reference' };
  const found = new Map<string, { case: C; kind: IssuedReferenceKind }>();
  for (const row of cases) {
    const base = caseNumberBase(row.number);
    const allowed = referenceKindsOfCase(row.debtor);
    const fit = candidates.find((candidate) => candidate.base === base && allowed.includes(candidate.kind));
    if (fit) found.set(row.id, { case: row, kind: fit.kind });
  }
  if (found.size === 0) return { matched: false, reason: 'unknown_case' };
  if (found.size > 1) return { matched: false, reason: 'ambiguous_reference' };
  const [only] = found.values();
  return { matched: true, ...only! };
}
