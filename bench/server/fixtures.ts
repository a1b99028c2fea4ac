/**
 * What the benchmark sends: the same worked example as the server's case tests
 * (packages/server/src/http/case-test-fixtures.ts, testing/fixtures.ts), copied because the
 * server's testing folder is not part of its package exports.
 *
 * A Danish garage enrols (CVR 13748136 passes the modulus-11 check of RULES.md §8; IBAN
 * DK50 0040 0440 1162 43 is the Danish banks' published example, mod 97 = 1) and submits one
 * invoice of DKK 10,000.00 (1,000,000 øre), issued 1 January 2026, due 15 January 2026, to a
 * Danish company. The server's clock stands still at BENCH_INSTANT.
 */

/** Tuesday 3 March 2026, 09:00 in Copenhagen: the server tests' TEST_START. */
export const BENCH_INSTANT = new Date('2026-03-03T08:00:00.000Z');

export const BENCH_PASSWORD = 'korrekt hest batteri hæfteklamme';

export function garageEnrolment(): Record<string, unknown> {
  return {
    company: { name: 'Jensens Autoværksted ApS', country: 'DK', nationalId: '13748136' },
    address: { lines: ['Værkstedsvej 12'], postalCode: '8000', city: 'Aarhus C', country: 'DK' },
    contact: { name: 'Mette Jensen', email: `mette+bench-${Date.now()}@jensens-auto.example`, phone: '+45 12 34 56 78' },
    payoutAccount: { kind: 'iban', iban: 'DK50 0040 0440 1162 43' },
    accountingSystem: 'e-conomic',
    membershipNumber: 'DAF-10452',
    consents: { terms: true, dataProcessing: true },
  };
}

/** The body of `POST /v1/cases` as a member sends it (the creditor is the member's own). */
export const CASE_BODY = JSON.stringify({
  debtor: {
    type: 'business',
    name: 'Hansen Biler A/S',
    country: 'DK',
    address: { lines: ['Industrivej 4'], postalCode: '7100', city: 'Vejle', country: 'DK' },
  },
  invoices: [{ number: 'F-1001', issueDate: '2026-01-01', dueDate: '2026-01-15', amount: { amount: 1_000_000, currency: 'DKK' } }],
});
