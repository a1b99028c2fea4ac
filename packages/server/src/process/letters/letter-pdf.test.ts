import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, formatMoney, isValidPaymentReference, type Language } from '@collectkit/sdk';
import { specifyClaim } from '../notifications/claim-specification.js';
import { composeMessage } from '../notifications/compose.js';
import { AGENCY_WITH_FI, debtorIn, exampleInput } from '../notifications/notification-fixtures.js';
import { ADDRESS_WINDOW, pdfText, renderLetterPdf, renderStoredLetter, storedLetter, type StoredLetter } from './letter-pdf.js';
import { readPdfText } from './pdf-text.js';

const A4_HEIGHT = 841.89;
const createdAt = new Date('2026-02-01T08:00:00Z');

async function letterText(input: ReturnType<typeof exampleInput>) {
  const message = composeMessage(input);
  const pdf = await renderLetterPdf({ message, agency: input.agency, recipient: input.debtor, createdAt });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  return { message, ...(await readPdfText(pdf)) };
}

describe('letter PDF', () => {
  it('DK inkassovarsel: specification, total, deadline and FIK +71 reference read back from the PDF', async () => {
    const { text, items, message } = await letterText(exampleInput('pre_collection_notice', 'DK'));
    assert.match(text, /^Inkassovarsel $/m);
    assert.match(text, /Faktura F-1001, forfald 15\. januar 2026 +10\.000,00 kr\./);
    assert.match(text, /Rykkergebyr \(22\. januar 2026\) +100,00 kr\./);
    // 1,000,000 øre × 9.75 % × 16 / 365 = 4,273.97 → DKK 42.74 (renteloven § 5, 2026 H1, RULES.md §4)
    assert.match(text, /Morarente 9,75 % p\.a\., 16\. januar 2026 til 31\. januar 2026 · F-1001 +42,74 kr\./);
    assert.match(text, /I alt at betale +10\.142,74 kr\./);
    assert.match(text, /Betales senest +11\. februar 2026/);
    const reference = /Betalingsreference \(FIK\) +(\S+)/.exec(text)?.[1];
    assert.equal(reference, message.payment.reference);
    assert.ok(isValidPaymentReference('fik71', reference), 'a valid FIK +71 line');
    assert.match(text, /Kreditornr\. +12345678/);
    assert.match(text, /Sagsnummer: +2026-000123/);
    assert.match(text, /Dato: +1\. februar 2026/);
    assert.match(text, /Collectkit Demo Inkasso ApS/);

    // The address block sits in the envelope window: 20 mm from the left, below 45 mm from the top.
    const name = items.find((i) => i.text === 'Hansen Transport A/S' && i.y > A4_HEIGHT / 2)!;
    const topFromPageTop = A4_HEIGHT - name.y;
    assert.ok(Math.abs(name.x - ADDRESS_WINDOW.left) < 1, `x ${name.x}`);
    assert.ok(topFromPageTop > ADDRESS_WINDOW.top + ADDRESS_WINDOW.returnLine && topFromPageTop < ADDRESS_WINDOW.top + ADDRESS_WINDOW.height, `y ${topFromPageTop}`);
    const city = items.find((i) => i.text === '5000 Odense C')!;
    assert.ok(A4_HEIGHT - city.y < ADDRESS_WINDOW.top + ADDRESS_WINDOW.height);
  });

  it('SE påminnelse in Swedish with an OCR reference and the Bankgiro', async () => {
    const { text } = await letterText(exampleInput('reminder', 'SE'));
    assert.match(text, /^Påminnelse $/m);
    // räntelagen 6 §: reference 2.00 (2026 H1, RULES.md §4 M) + 8 = 10 %; 1,000,000 × 10 % × 16 / 365 = 4,383.56 → 43,84
    assert.match(text, /Dröjsmålsränta 10,00 % per år, 16 januari 2026–31 januari 2026 · F-1001 +43,84 kr/);
    assert.match(text, /Att betala +10 043,84 kr/);
    assert.match(text, /Betala senast +11 februari 2026/);
    const ocr = /Betalningsreferens \(OCR\) +(\d+)/.exec(text)?.[1];
    assert.ok(ocr && isValidPaymentReference('ocr', ocr) && ocr.startsWith('2026000123'));
    assert.match(text, /Bankgiro +5050-1055/);
  });

  it('NO purring with KID; FI maksumuistutus with viitenumero; a German debtor in English with RF and the IBAN', async () => {
    const no = (await letterText(exampleInput('reminder', 'NO'))).text;
    // forsinkelsesrenteloven § 3: 12.00 % (2026 H1, M); 1,000,000 × 12 % × 16 / 365 = 5,260.27 → 52,60
    assert.match(no, /Å betale +10 052,60 kr/);
    const kid = /Betalingsreferanse \(KID\) +(\d+)/.exec(no)?.[1];
    assert.ok(kid && isValidPaymentReference('kid-mod10', kid));

    const fi = (await letterText(exampleInput('reminder', 'FI'))).text;
    // korkolaki 4 a §: ECB 2.5 + 8 (B2B) = 10.5 % (2026 H1, H); 1,000,000 × 10.5 % × 16 / 365 = 4,602.74 → 46,03
    assert.match(fi, /Maksettava yhteensä +10 046,03 €/);
    assert.match(fi, /Eräpäivä +11\. helmikuuta 2026/);
    const viite = /Viitenumero \(viite\) +([\d ]+\d)/.exec(fi)?.[1];
    assert.ok(viite && isValidPaymentReference('fi', viite), viite);
    assert.match(fi, /IBAN +FI21 1234 5600 0007 85/);

    const de = (await letterText(exampleInput('reminder', 'DE', debtorIn('DE'), AGENCY_WITH_FI))).text;
    assert.match(de, /Total to pay +€10,000\.00/); // no statutory interest outside the law countries
    const rf = /Payment reference \(RF\) +(RF[\d ]+\d)/.exec(de)?.[1];
    assert.ok(rf && isValidPaymentReference('rf', rf), rf);
    assert.match(de, /IBAN +DK50 0040 0440 1162 43/);
    assert.match(de, /GERMANY/); // post abroad: the destination country last
  });

  it('a long specification flows onto a second page and still ends with the total and the reference', async () => {
    const base = exampleInput('collection_letter', 'DK');
    const invoices = Array.from({ length: 45 }, (_, i) => ({ number: `F-${2000 + i}`, dueDate: '2026-01-15', outstanding: { amount: 10_000 + i, currency: 'DKK' as const } }));
    const specification = specifyClaim({ currency: 'DKK', invoices, fees: [], country: 'DK', debtorType: 'business', interestUntil: null });
    const { text, pages, message } = await letterText({ ...base, specification });
    assert.ok(pages >= 2);
    // 45 × 10,000 øre + (0 + … + 44) = 450,000 + 990 = 450,990 øre
    assert.match(text, /I alt at betale +4\.509,90 kr\./);
    assert.ok(text.includes(message.payment.reference));
  });

  it('for any amounts, country, language and deadline: the PDF reads back the formatted total, a valid reference and the deadline', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('DK', 'SE', 'NO', 'FI', 'DE'),
        fc.constantFrom<Language>('da', 'sv', 'nb', 'fi', 'en'),
        fc.array(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 999_999 }),
        async (country, language, amounts, deadlineOffset, caseSerial) => {
          const currency = ({ DK: 'DKK', SE: 'SEK', NO: 'NOK' } as const)[country as 'DK'] ?? 'EUR';
          const base = exampleInput('collection_letter', country, { ...debtorIn(country), language });
          const specification = specifyClaim({
            currency,
            invoices: amounts.map((amount, i) => ({ number: `F-${i}`, dueDate: '2026-01-15', outstanding: { amount, currency } })),
            fees: [{ kind: 'collection_fee', on: '2026-02-01', amount: { amount: 70_000, currency } }],
            country,
            debtorType: 'business',
            interestUntil: '2026-02-01',
          });
          const input = { ...base, specification, deadline: addDays('2026-02-01', deadlineOffset), caseNumber: `2026-${String(caseSerial).padStart(6, '0')}` };
          const { text, message } = await letterText(input);
          const flat = text.replace(/\s+/g, ' ');
          const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
          assert.ok(flat.includes(plain(formatMoney(specification.total, message.locale))), `total ${formatMoney(specification.total, message.locale)}`);
          assert.ok(flat.includes(plain(message.deadline!.value)), 'deadline');
          assert.ok(flat.includes(message.payment.printed), 'reference');
          assert.ok(isValidPaymentReference(message.payment.kind, message.payment.printed));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a letter stored as its text (the outbox letter_data) renders to the same bytes, whenever and however often', async () => {
    const kinds = ['reminder', 'pre_collection_notice', 'collection_letter', 'instalment_plan_confirmation', 'payment_receipt'] as const;
    for (const country of ['DK', 'SE', 'NO', 'FI', 'DE']) {
      for (const kind of kinds) {
        const input = exampleInput(kind, country, { ...debtorIn(country), name: 'Søren Ærø & Co <Øst>' });
        const message = composeMessage(input);
        const direct = await renderLetterPdf({ message, agency: input.agency, recipient: input.debtor, createdAt });
        // Through JSON, as the outbox keeps it: nothing the letter prints is lost, nothing else is kept.
        const stored = JSON.parse(JSON.stringify(storedLetter({ message, agency: input.agency, recipient: input.debtor, createdAt }))) as StoredLetter;
        assert.ok(!('catalogue' in stored.message) && !('bank' in stored.agency));
        assert.deepEqual(await renderStoredLetter(stored), direct, `${country} ${kind}`);
        assert.deepEqual(await renderStoredLetter(stored), direct, `${country} ${kind}, rendered again`);
      }
    }
  });

  it('maps characters the standard fonts cannot print to "?" instead of garbage', () => {
    assert.equal(pdfText('Łódź 1\u202f234\u00a0kr \u2212 5'), '?ód? 1\u00a0234\u00a0kr - 5');
    assert.equal(pdfText('Ærø Åland Öland €'), 'Ærø Åland Öland €');
  });
});
