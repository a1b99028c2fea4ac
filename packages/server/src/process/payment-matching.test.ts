import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createPaymentReference, type Debtor } from '@collectkit/sdk';
import { matchReference, referenceCandidates, type MatchableCase } from './payment-matching.js';

const debtorIn = (country: string): Debtor => ({ type: 'business', name: `Debtor ${country}`, country, address: { lines: ['Street 1'], postalCode: '1000', city: 'City', country } }) as Debtor;
const aCase = (id: string, number: string, country: string): MatchableCase => ({ id, number, debtor: debtorIn(country) });

// Case 2026-000123 has the base 2026000123 (payment-instructions.ts): OCR/KID 20260001233, viite 20260001230,
// RF46 2026 0001 23, FIK +71<000020260001233+12345678<. Case 2026-000124: OCR 20260001241, viite 20260001243.
const se = aCase('cs_se', '2026-000123', 'SE');
const dk = aCase('cs_dk', '2026-000123', 'DK');
const fi124 = aCase('cs_fi', '2026-000124', 'FI');

describe('matching a payment reference to its case', () => {
  it('reads a reference the way banks report it: spaces, leading zeros, +71 lines, lower-case rf', () => {
    for (const raw of ['20260001233', '2026 0001 233', '00000000000020260001233']) {
      const match = matchReference(raw, 'SE', [se]);
      assert.deepEqual(match, { matched: true, case: se, kind: 'ocr' }, raw);
    }
    for (const raw of ['+71<000020260001233+12345678<', '+71 000020260001233', '000020260001233', '20260001233']) {
      const match = matchReference(raw, 'DK', [dk]);
      assert.deepEqual(match, { matched: true, case: dk, kind: 'fik71' }, raw);
    }
    // RF is accepted on any account and for any case (the fallback when the agency has no domestic account).
    for (const raw of ['RF46 2026 0001 23', 'rf462026000123', 'RF4602026000123']) assert.equal(matchReference(raw, 'DK', [se]).matched, true, raw);
    // A reference inside remittance text is found word by word.
    assert.deepEqual(matchReference('Faktura F-1, OCR 20260001233, tack', 'SE', [se]), { matched: true, case: se, kind: 'ocr' });
    assert.deepEqual(matchReference('2 02600 01230', 'FI', [aCase('cs_fi123', '2026-000123', 'FI')]), { matched: true, case: aCase('cs_fi123', '2026-000123', 'FI'), kind: 'fi' });
  });

  it('never matches a reference whose check digit fails', () => {
    assert.deepEqual(matchReference('20260001234', 'SE', [se]), { matched: false, reason: 'invalid_reference' });
    assert.deepEqual(matchReference('RF47 2026 0001 23', 'SE', [se]), { matched: false, reason: 'invalid_reference' });
    assert.deepEqual(matchReference('+71<000020260001234+12345678<', 'DK', [dk]), { matched: false, reason: 'invalid_reference' });
    assert.deepEqual(matchReference('Faktura 2026-000123', 'SE', [se]), { matched: false, reason: 'invalid_reference' });
    assert.deepEqual(matchReference('Faktura 2026-000123 OCR 20260001234', 'SE', [se]), { matched: false, reason: 'invalid_reference' });
    assert.deepEqual(matchReference('', 'SE', [se]), { matched: false, reason: 'no_reference' });
    assert.deepEqual(matchReference(null, 'SE', [se]), { matched: false, reason: 'no_reference' });
  });

  it("accepts a case only for its own country's kind or RF", () => {
    // 20260001233 is a valid OCR and KID of 2026-000123; a Danish case is given FIK or RF, and a FIK id is 15 digits
    // padded — the same Luhn digits — so it matches the DK case as FIK. A Finnish case 2026-000123 (viite 20260001230) does not match it.
    assert.deepEqual(matchReference('20260001233', null, [aCase('cs_fi123', '2026-000123', 'FI')]), { matched: false, reason: 'unknown_case' });
    assert.deepEqual(matchReference('20260001233', 'SE', []), { matched: false, reason: 'unknown_case' });
  });

  it("uses the receiving account's scheme: a mistyped OCR that happens to be another case's viitenumero matches only when the account is unknown", () => {
    // 20260001233 with its tenth digit 3 → 4 fails Luhn, but is the valid viitenumero of 2026-000124.
    assert.deepEqual(matchReference('20260001243', 'SE', [se, fi124]), { matched: false, reason: 'invalid_reference' });
    assert.equal(matchReference('20260001243', null, [se, fi124]).matched, true); // why the importer passes the account's country
  });

  it('never matches another case when one digit of a reference is changed (any case, every digit, the account of its scheme)', () => {
    const schemes = [
      { country: 'SE', kind: 'ocr' },
      { country: 'DK', kind: 'fik71' },
      { country: 'NO', kind: 'kid-mod10' },
      { country: 'FI', kind: 'fi' },
      { country: 'DE', kind: 'rf' },
    ] as const;
    fc.assert(
      fc.property(
        // Numbers close together, so that a changed digit often lands on another case's number.
        fc.uniqueArray(fc.oneof(fc.integer({ min: 100, max: 140 }), fc.integer({ min: 1, max: 999_999 })), { minLength: 2, maxLength: 40 }),
        fc.array(fc.constantFrom(...schemes), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 0, max: 39 }),
        fc.boolean(),
        (serials, countries, pick, asRf) => {
          const cases = serials.map((serial, i) => aCase(`cs_${i}`, `2026-${String(serial).padStart(6, '0')}`, countries[i]!.country));
          const index = pick % cases.length;
          const target = cases[index]!;
          const kind = asRf ? 'rf' : countries[index]!.kind;
          const reference = createPaymentReference(kind, target.number.replace(/\D/g, ''), kind === 'fik71' ? { creditorNumber: '12345678' } : {});
          // The account the debtor was told to pay into: their country's for the domestic scheme.
          const account = countries[index]!.country;
          assert.deepEqual(matchReference(reference, account, cases), { matched: true, case: target, kind });
          [...reference].forEach((char, at) => {
            if (!/\d/.test(char)) return;
            for (let delta = 1; delta <= 9; delta++) {
              const changed = reference.slice(0, at) + String((Number(char) + delta) % 10) + reference.slice(at + 1);
              const match = matchReference(changed, account, cases);
              if (!match.matched) continue;
              // Only a changed digit of a FIK line's creditor number keeps the payment id: still (rightly) the same case.
              assert.ok(match.case.id === target.id && kind === 'fik71' && at > reference.indexOf('+', 1), `${reference} → ${changed} matched ${match.case.number}`);
            }
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads every kind of a digit string, one candidate per kind whose check digit holds', () => {
    assert.deepEqual(
      referenceCandidates('20260001233', ['fik71', 'ocr', 'kid-mod10', 'fi', 'rf']).map((c) => `${c.kind}:${c.base}`),
      ['fik71:2026000123', 'ocr:2026000123', 'kid-mod10:2026000123'],
    );
    assert.deepEqual(referenceCandidates('20260001230', ['fik71', 'ocr', 'kid-mod10', 'fi', 'rf']).map((c) => `${c.kind}:${c.base}`), ['fi:2026000123']);
  });
});
