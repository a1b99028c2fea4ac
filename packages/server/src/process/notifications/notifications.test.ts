import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatMoney, isValidPaymentReference, lawFor } from '@collectkit/sdk';
import { DEMO_AGENCY_PROFILE } from './agency-profile.js';
import { CATALOGUES } from './catalogue/index.js';
import { specifyClaim } from './claim-specification.js';
import { composeMessage, titleFor } from './compose.js';
import { FEE_KINDS, LANGUAGES, NOTIFICATION_KINDS } from './kinds.js';
import { AGENCY_WITH_FI, debtorIn, exampleInput } from './notification-fixtures.js';
import { escapeHtml, renderEmail } from './render-email.js';
import { measureSms, renderSms } from './render-sms.js';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('claim specification', () => {
  it('DK worked example: DKK 10,000 due 15 Jan 2026, reminder fee DKK 100, 16 days of interest at 9.75 %', () => {
    const spec = exampleInput('pre_collection_notice').specification;
    // renteloven § 5, 2026 H1: 9.75 % (RULES.md §4, L). 1,000,000 øre × 9.75 % × 16 / 365 = 4,273.97 → 4,274 øre.
    assert.deepEqual(spec.interest, [
      { invoiceNumber: 'F-1001', from: '2026-01-16', through: '2026-01-31', ratePercent: '9.75', amount: { amount: 4274, currency: 'DKK' }, provisional: false },
    ]);
    assert.deepEqual(spec.total, { amount: 1_000_000 + 10_000 + 4274, currency: 'DKK' });
  });

  it('splits interest at 1 July and lists each rate period', () => {
    const spec = specifyClaim({
      currency: 'DKK',
      invoices: [{ number: 'A', dueDate: '2025-06-20', outstanding: { amount: 100_000, currency: 'DKK' } }],
      fees: [],
      country: 'DK',
      debtorType: 'business',
      interestUntil: '2025-07-11',
    });
    // 2025 H1 10.75 % for 21–30 June (10 days), 2025 H2 9.75 % for 1–10 July (10 days): RULES.md §4 (M).
    assert.deepEqual(spec.interest.map((i) => [i.from, i.through, i.ratePercent, i.amount.amount]), [
      ['2025-06-21', '2025-06-30', '10.75', 295], // 100,000 × 10.75 % × 10 / 365 = 294.52
      ['2025-07-01', '2025-07-10', '9.75', 267], // 100,000 × 9.75 % × 10 / 365 = 267.12
    ]);
  });

  it('a part payment is subtracted, and interest after it runs only on the principal still unpaid', () => {
    // DKK 10,000 due 2026-01-15; DKK 2,500 received 2026-02-01, of which DKK 2,400 went to principal (the rest to costs).
    const spec = specifyClaim({
      currency: 'DKK',
      invoices: [{ number: 'F-1001', dueDate: '2026-01-15', outstanding: { amount: 1_000_000, currency: 'DKK' } }],
      fees: [{ kind: 'reminder_fee', on: '2026-01-22', amount: { amount: 10_000, currency: 'DKK' } }],
      payments: [{ receivedOn: '2026-02-01', amount: { amount: 250_000, currency: 'DKK' }, appliedToPrincipal: { amount: 240_000, currency: 'DKK' } }],
      country: 'DK',
      debtorType: 'business',
      interestUntil: '2026-02-11',
    });
    assert.deepEqual(spec.interest.map((i) => [i.from, i.through, i.amount.amount]), [
      ['2026-01-16', '2026-01-31', 4274], // 1,000,000 × 9.75 % × 16 / 365 = 4,273.97
      ['2026-02-01', '2026-02-10', 2030], // 760,000 × 9.75 % × 10 / 365 = 2,030.14
    ]);
    // 10,000.00 + 100.00 + 42.74 + 20.30 − 2,500.00 = 7,663.04
    assert.deepEqual(spec.total, { amount: 766_304, currency: 'DKK' });
    const message = composeMessage({ ...exampleInput('reminder'), specification: spec });
    assert.deepEqual(nbsp(message.specification.lines.at(-1)!.label + ' ' + message.specification.lines.at(-1)!.amount).replace(/\u2212/g, '-'), 'Indbetalt 1. februar 2026 -2.500,00 kr.');
  });

  it('marks an interest rate carried forward past the published table as provisional', () => {
    const spec = specifyClaim({
      currency: 'DKK',
      invoices: [{ number: 'F-9', dueDate: '2026-06-15', outstanding: { amount: 1_000_000, currency: 'DKK' } }],
      fees: [],
      country: 'DK',
      debtorType: 'business',
      interestUntil: '2026-07-11',
      law: lawFor('DK', { carryForwardLastRate: true }),
    });
    // RULES.md §4 gives DK rates to 2026 H1 only: July's is the last one carried forward.
    assert.deepEqual(spec.interest.map((i) => [i.from, i.provisional]), [['2026-06-16', false], ['2026-07-01', true]]);
    const line = composeMessage({ ...exampleInput('reminder'), specification: spec }).specification.lines.at(-1)!.label;
    assert.match(line, /\(foreløbig sats\) · F-9$/);
  });

  it('no statutory interest outside the law countries, and the total is always the exact sum of its lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.constantFrom(...FEE_KINDS), fc.integer({ min: 0, max: 1_000_000 })), { maxLength: 4 }),
        fc.constantFrom('DK', 'SE', 'NO', 'FI', 'DE'),
        fc.integer({ min: 0, max: 170 }),
        (amounts, fees, country, days) => {
          const currency = ({ DK: 'DKK', SE: 'SEK', NO: 'NOK' } as const)[country as 'DK'] ?? 'EUR';
          const until = new Date(Date.UTC(2026, 0, 1 + days)).toISOString().slice(0, 10);
          const spec = specifyClaim({
            currency,
            invoices: amounts.map((amount, i) => ({ number: `I${i}`, dueDate: '2025-12-31', outstanding: { amount, currency } })),
            fees: fees.map(([kind, amount]) => ({ kind, on: '2026-01-10', amount: { amount, currency } })),
            country,
            debtorType: 'business',
            interestUntil: until,
          });
          const lines = [...spec.invoices.map((i) => i.outstanding), ...spec.fees.map((f) => f.amount), ...spec.interest.map((i) => i.amount)];
          assert.equal(spec.total.amount, lines.reduce((sum, m) => sum + m.amount, 0));
          if (country === 'DE') assert.equal(spec.interest.length, 0);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('message templates', () => {
  it('title: the legal term of the debtor\'s country, added in brackets when the letter is in another language', () => {
    assert.equal(titleFor('pre_collection_notice', 'da', 'DK'), 'Inkassovarsel');
    assert.equal(titleFor('pre_collection_notice', 'en', 'DK'), 'Pre-collection notice (inkassovarsel)');
    assert.equal(titleFor('pre_collection_notice', 'sv', 'SE'), 'Inkassokrav');
    assert.equal(titleFor('pre_collection_notice', 'da', 'SE'), 'Inkassovarsel (inkassokrav)');
    assert.equal(titleFor('pre_collection_notice', 'nb', 'DK'), 'Inkassovarsel'); // same word, said once
    assert.equal(titleFor('reminder', 'nb', 'NO'), 'Purring');
    assert.equal(titleFor('reminder', 'fi', 'FI'), 'Maksumuistutus');
    assert.equal(titleFor('pre_collection_notice', 'fi', 'FI'), 'Perintäkirje');
    assert.equal(titleFor('reminder', 'en', 'SE'), 'Payment reminder (påminnelse)');
    assert.equal(titleFor('reminder', 'en', 'DE'), 'Payment reminder');
  });

  it('writes to the debtor in their language, else their country\'s; amounts by formatMoney in that language', () => {
    const da = composeMessage(exampleInput('reminder', 'DK'));
    assert.equal(da.language, 'da');
    assert.equal(nbsp(da.facts.total), '10.142,74 kr.');
    assert.equal(da.facts.deadline, '11. februar 2026');
    const en = composeMessage(exampleInput('reminder', 'DK', debtorIn('DK', { language: 'en' })));
    assert.equal(en.language, 'en');
    assert.equal(nbsp(en.facts.total), 'DKK 10,142.74');
    assert.equal(en.facts.deadline, '11 February 2026');
    assert.equal(composeMessage(exampleInput('reminder', 'DE')).language, 'en');
  });

  it('the payment reference is the debtor country\'s, built from the case number digits, and valid by the sdk', () => {
    const reference = (country: string, agency = AGENCY_WITH_FI) => composeMessage(exampleInput('reminder', country, debtorIn(country), agency)).payment;
    const dk = reference('DK');
    assert.equal(dk.kind, 'fik71');
    assert.match(dk.reference, /^\+71<00002026000123\d\+12345678<$/);
    assert.ok(isValidPaymentReference('fik71', dk.reference));
    const se = reference('SE');
    assert.equal(se.kind, 'ocr');
    assert.match(se.reference, /^2026000123\d$/);
    assert.ok(isValidPaymentReference('ocr', se.reference));
    assert.equal(reference('NO').kind, 'kid-mod10');
    assert.ok(isValidPaymentReference('kid-mod10', reference('NO').reference));
    assert.equal(reference('FI').kind, 'fi');
    assert.ok(isValidPaymentReference('fi', reference('FI').reference));
    assert.equal(reference('DE').kind, 'rf');
    assert.ok(isValidPaymentReference('rf', reference('DE').reference));
    // No Finnish account: a viitenumero would not reach the agency, so the RF form is used with the IBAN.
    const fiWithoutAccount = reference('FI', DEMO_AGENCY_PROFILE);
    assert.equal(fiWithoutAccount.kind, 'rf');
    assert.deepEqual(fiWithoutAccount.account.map((a) => a.label), ['IBAN', 'BIC']);
  });

  for (const language of LANGUAGES) {
    it(`${language}: every kind renders to e-mail, SMS and text, with no empty or unfilled placeholder`, () => {
      const catalogue = CATALOGUES[language];
      for (const kind of NOTIFICATION_KINDS) {
        const message = composeMessage(exampleInput(kind, 'DK', debtorIn('DK', { language })));
        const email = renderEmail(message);
        assert.ok(email.subject.startsWith(message.title) && email.subject.endsWith('2026-000123'));
        for (const text of [email.text, email.html, message.sms]) {
          assert.doesNotMatch(text, /undefined|NaN|\[object|\$\{/);
        }
        assert.ok(email.text.includes(message.facts.total), `${kind}: the total is in the text`);
        assert.ok(message.paragraphs.length >= 2);
        assert.ok(email.text.includes(catalogue.closing));
        const sms = renderSms(message);
        assert.equal(sms.encoding, 'gsm7', `${language} ${kind}: Nordic letters are GSM-7`);
        assert.ok(sms.length <= 160, `${language} ${kind}: ${sms.length} > 160: ${sms.text}`);
        assert.equal(sms.note, null);
      }
    });
  }

  it('English letters are different text from the Danish ones (real translations, not copies)', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const texts = LANGUAGES.map((language) => composeMessage(exampleInput(kind, 'DK', debtorIn('DK', { language }))).paragraphs.join(' '));
      assert.equal(new Set(texts).size, LANGUAGES.length, kind);
    }
  });

  it('escapes every interpolated value in the HTML part', () => {
    const debtor = debtorIn('DK', { name: 'Evil <script>alert("x")</script> & Co' });
    const input = { ...exampleInput('reminder', 'DK', debtor), creditorName: '<img src=x onerror=alert(1)>' };
    const { html, text } = renderEmail(composeMessage(input));
    assert.ok(!html.includes('<script>') && !html.includes('<img'));
    assert.ok(html.includes('Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(text.includes('<script>'), 'the text part is plain text, not escaped');
    assert.equal(escapeHtml(`'"&<>`), '&#39;&quot;&amp;&lt;&gt;');
  });

  it('a receipt of a full payment says so and sets no deadline', () => {
    const base = exampleInput('payment_receipt');
    const zero = { ...base.specification, invoices: [], fees: [], interest: [], total: { amount: 0, currency: 'DKK' as const } };
    const message = composeMessage({ ...base, specification: zero });
    assert.equal(message.deadline, null);
    assert.match(message.paragraphs[1]!, /betalt fuldt ud/);
  });
});

describe('SMS measuring (GSM 03.38)', () => {
  it('counts Nordic letters as one septet, the euro sign as two, and falls back to UCS-2 outside the alphabet', () => {
    assert.deepEqual(measureSms('æøå ÆØÅ äö ÄÖ'), { encoding: 'gsm7', length: 13, segments: 1 });
    assert.deepEqual(measureSms('10 €'), { encoding: 'gsm7', length: 5, segments: 1 });
    assert.deepEqual(measureSms('x'.repeat(161)), { encoding: 'gsm7', length: 161, segments: 2 });
    assert.deepEqual(measureSms('Łukasz'), { encoding: 'ucs2', length: 6, segments: 1 });
    assert.deepEqual(measureSms('Ł'.repeat(71)), { encoding: 'ucs2', length: 71, segments: 2 });
  });

  it('notes an SMS that does not fit in one message', () => {
    const long = { ...exampleInput('reminder'), agency: { ...DEMO_AGENCY_PROFILE, name: 'Et meget langt inkassobureaunavn med rigtig mange ord i navnet ApS' } };
    const sms = renderSms(composeMessage(long));
    assert.ok(sms.length > 160);
    assert.equal(sms.note, `${sms.length} GSM-7 characters: sent as 2 concatenated parts`);
    const polish = renderSms(composeMessage({ ...exampleInput('reminder'), agency: { ...DEMO_AGENCY_PROFILE, name: 'Łódź Windykacja' } }));
    assert.equal(polish.encoding, 'ucs2');
    assert.match(polish.note!, /not GSM-7/);
    // Intl's no-break spaces become plain spaces: an SMS with U+00A0 would be sent as UCS-2.
    assert.ok(!/\u00a0/.test(renderSms(composeMessage(exampleInput('reminder', 'SE'))).text));
    assert.equal(formatMoney({ amount: 100, currency: 'SEK' }, 'sv-SE').includes('\u00a0'), true);
  });
});
