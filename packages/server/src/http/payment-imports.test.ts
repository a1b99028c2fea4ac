import { it } from 'node:test';
import assert from 'node:assert/strict';
import { PaymentImportSchema, PayoutSchema, UnmatchedPaymentListSchema, createClient, createPaymentReference, type PaymentImport } from '@collectkit/sdk';
import { describeEachDatabase, type TestServer } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { bgmax, camt054, camt054Accounts } from '../process/bank-files/bank-file-fixtures.js';
import { caseBody, createdCase, invoice, operatorToken } from './case-test-fixtures.js';

/**
 * The worked example: one association with a Swedish case (SEK 10,000.00, OCR reference) and a
 * Danish case (DKK 10,000.00, FIK +71), both invoices due 15 January 2026; the test clock stands at
 * 3 March 2026. A camt.054 brings four credits: SEK 5,000.00 on the Swedish OCR, DKK 10,122.88 on
 * the Danish FIK (exactly what is owed on 3 March: 10,000.00 + 46 days of interest at 9.75 %,
 * renteloven § 5, = 122.88; see payouts.test.ts), a valid OCR of no case, and EUR quoting the Swedish OCR.
 */

const swedishDebtor = { type: 'business', name: 'Svensson Bil AB', country: 'SE', address: { lines: ['Storgatan 1'], postalCode: '11122', city: 'Stockholm', country: 'SE' } };
const FIK_CREDITOR = '12345678';

async function importFile(s: TestServer, bearer: string, content: string | Uint8Array, filename = 'bank.xml') {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), filename);
  const response = await fetch(`${s.url}/v1/payments/imports`, { method: 'POST', headers: { authorization: `Bearer ${bearer}` }, body: form });
  return { status: response.status, json: (await response.json()) as any };
}

async function imported(s: TestServer, bearer: string, content: string, filename?: string): Promise<PaymentImport> {
  const response = await importFile(s, bearer, content, filename);
  assert.equal(response.status, 200, JSON.stringify(response.json));
  return PaymentImportSchema.parse(response.json);
}

async function scene(s: TestServer) {
  const association = await s.association();
  const member = await enrolActiveMember(s.url, association.secretKey);
  const operator = await operatorToken(s, association);
  const seCase = await createdCase(s.url, member.token, caseBody({ debtor: swedishDebtor, invoices: [invoice('F-1', 1_000_000, 'SEK')] }));
  const dkCase = await createdCase(s.url, member.token);
  const base = (c: { number: string }) => c.number.replace(/\D/g, '');
  return {
    association,
    member,
    operator,
    seCase,
    dkCase,
    ocr: createPaymentReference('ocr', base(seCase)),
    fik: createPaymentReference('fik71', base(dkCase), { creditorNumber: FIK_CREDITOR }),
  };
}

const counts = async (s: TestServer) => ({
  imports: await s.count('payment_imports'),
  bank: await s.count('bank_payments'),
  payments: await s.count('case_payments'),
  events: await s.count('events'),
});

const caseOf = async (s: TestServer, bearer: string, id: string) => (await call(s.url, 'GET', `/v1/cases/${id}`, { bearer })).json;

describeEachDatabase('bank-file payment imports', (server) => {
  it('camt.054: registers the SE (OCR) and DK (FIK) payments, keeps an unknown reference and a foreign currency as unmatched; re-import adds nothing; then payout', async () => {
    const s = server();
    const sc = await scene(s);
    // The bank prints the OCR grouped and the FIK as the full line with spaces.
    const fikLine = `+71 <${sc.fik.slice(4, 19)}+${FIK_CREDITOR}<`;
    const file = camt054Accounts([
      {
        iban: 'SE4550000000058398257466',
        entries: [
          { amount: '5000.00', currency: 'SEK', acctSvcrRef: 'SE-1', valueDate: '2026-03-02', structured: sc.ocr.replace(/(\d{4})/g, '$1 ') },
          { amount: '100.00', currency: 'SEK', acctSvcrRef: 'SE-2', structured: createPaymentReference('ocr', '2026999999') },
          { amount: '50.00', currency: 'EUR', acctSvcrRef: 'SE-3', structured: sc.ocr },
        ],
      },
      { iban: 'DK5000400440116243', entries: [{ amount: '10122.88', currency: 'DKK', acctSvcrRef: 'DK-1', valueDate: '2026-03-03', unstructured: fikLine }] },
    ]);
    // The agency's own endpoint hears of payments waiting for a human; a creditor's endpoint does not.
    const agencyHook = await call(s.url, 'POST', '/v1/webhook-endpoints', { bearer: sc.association.secretKey, body: { url: 'https://agency.example/hooks', eventTypes: ['payment.unmatched'] } });
    assert.equal(agencyHook.status, 201, JSON.stringify(agencyHook.json));
    const creditorHook = await call(s.url, 'POST', '/v1/webhook-endpoints', { bearer: sc.association.secretKey, body: { url: 'https://garage.example/hooks', eventTypes: ['payment.unmatched'], creditorId: sc.member.creditorId } });
    assert.equal(creditorHook.status, 201, JSON.stringify(creditorHook.json));
    const unmatchedHooks = async () =>
      (await s.db.query<{ endpoint_id: string; body: string }>(`SELECT endpoint_id::text, body FROM webhook_deliveries WHERE event_type = 'payment.unmatched' ORDER BY created_at`)).filter((d) =>
        [agencyHook.json.id, creditorHook.json.id].includes(d.endpoint_id),
      );
    const result = await imported(s, sc.operator, file);
    assert.equal(result.format, 'camt.054');
    assert.deepEqual(result.totals, { entries: 4, registered: 2, unmatched: 2, duplicates: 0, skipped: 0 });
    const hooks = await unmatchedHooks();
    assert.deepEqual(hooks.map((d) => d.endpoint_id), [agencyHook.json.id, agencyHook.json.id]);
    assert.deepEqual(hooks.map((d) => JSON.parse(d.body).data.reason).sort(), ['currency_mismatch', 'unknown_case']);
    assert.deepEqual(
      result.entries.map((e) => [e.bankReference.split(':').at(-1), e.outcome, e.caseId, e.reason, e.caseStage]),
      [
        ['SE-1', 'registered', sc.seCase.id, null, 'submitted'],
        ['SE-2', 'unmatched', null, 'unknown_case', null],
        ['SE-3', 'unmatched', sc.seCase.id, 'currency_mismatch', null],
        ['DK-1', 'registered', sc.dkCase.id, null, 'paid'],
      ],
    );

    // SE: interest from 16 Jan to 2 Mar (45 days) is taken first, so the principal falls by less than 5,000.00.
    const se = await caseOf(s, sc.member.token, sc.seCase.id);
    const sePayments = (await call(s.url, 'GET', `/v1/cases/${sc.seCase.id}/payments`, { bearer: sc.member.token })).json.data;
    assert.equal(sePayments.length, 1);
    assert.equal(sePayments[0].method, 'bank_transfer');
    assert.equal(sePayments[0].receivedOn, '2026-03-02');
    assert.equal(sePayments[0].applied.interest.amount + sePayments[0].applied.principal.amount, 500_000);
    assert.ok(sePayments[0].applied.interest.amount > 0);
    assert.deepEqual(se.totals.outstanding, { amount: 1_000_000 - sePayments[0].applied.principal.amount, currency: 'SEK' });
    // DK: exactly settled on 3 March, no overpayment, the case is paid.
    const dk = await caseOf(s, sc.member.token, sc.dkCase.id);
    assert.equal(dk.stage, 'paid');
    assert.deepEqual(dk.totals.outstanding, { amount: 0, currency: 'DKK' });
    const dkPayment = (await call(s.url, 'GET', `/v1/cases/${sc.dkCase.id}/payments`, { bearer: sc.member.token })).json.data[0];
    assert.deepEqual(dkPayment.applied, { costs: { amount: 0, currency: 'DKK' }, interest: { amount: 12_288, currency: 'DKK' }, principal: { amount: 1_000_000, currency: 'DKK' } });
    assert.deepEqual(dkPayment.overpayment, { amount: 0, currency: 'DKK' });
    const events = (await call(s.url, 'GET', `/v1/cases/${sc.dkCase.id}/events`, { bearer: sc.member.token })).json.data.map((e: { type: string }) => e.type);
    assert.deepEqual(events, ['case.created', 'payment.received', 'stage.changed']);

    // The same file again, and one overlapping it with one new entry: nothing registered twice.
    const before = await counts(s);
    const again = await imported(s, sc.operator, file);
    assert.deepEqual(again.totals, { entries: 4, registered: 0, unmatched: 0, duplicates: 4, skipped: 0 });
    assert.equal((await unmatchedHooks()).length, 2, "a duplicate is not announced again");
    assert.deepEqual({ ...(await counts(s)), imports: before.imports }, before);
    const overlap = await imported(s, sc.operator, camt054([{ amount: '5000.00', currency: 'SEK', acctSvcrRef: 'SE-1', structured: sc.ocr }, { amount: '1.00', currency: 'SEK', acctSvcrRef: 'SE-4', structured: '20260001234' }]));
    assert.deepEqual(overlap.entries.map((e) => [e.outcome, e.reason]), [['duplicate', null], ['unmatched', 'invalid_reference']]);

    // The unmatched list names the reasons; the paid case reaches the payout flow.
    const unmatched = UnmatchedPaymentListSchema.parse((await call(s.url, 'GET', '/v1/payments/unmatched', { bearer: sc.operator })).json);
    assert.deepEqual(unmatched.data.map((u) => [u.reason, u.amount.currency, u.status]), [['unknown_case', 'SEK', 'unmatched'], ['currency_mismatch', 'EUR', 'unmatched'], ['invalid_reference', 'SEK', 'unmatched']]);
    const payout = await call(s.url, 'POST', `/v1/cases/${sc.dkCase.id}/payouts`, { bearer: sc.operator });
    assert.equal(payout.status, 201, JSON.stringify(payout.json));
    assert.equal(PayoutSchema.parse(payout.json).statement.totals.collected.amount, 1_012_288);
    assert.equal((await caseOf(s, sc.member.token, sc.dkCase.id)).stage, 'paid_out');
  });

  it('a malformed file is a 400 naming the element or line, and writes nothing', async () => {
    const s = server();
    const sc = await scene(s);
    const before = await counts(s);
    const cases: [string, RegExp][] = [
      [camt054([{ amount: '5000.00', currency: 'SEK', acctSvcrRef: 'X-1', structured: sc.ocr }, { amount: '12,50', currency: 'SEK', acctSvcrRef: 'X-2', structured: sc.ocr }]), /Ntfctn\[1\]\/Ntry\[2\]\/Amt/],
      [camt054([{ amount: '5000.00', currency: 'SEK', acctSvcrRef: 'X-1', structured: sc.ocr }]).replace('</Ntfctn>', ''), /line \d+, column \d+: not well-formed XML/],
      [bgmax([{ reference: sc.ocr, amount: 100, serial: 1 }]).replace(/\r\n70.*\r\n$/, '\r\n'), /line 4: the file ends without the end record/],
      ['Hello, bank', /expected ISO 20022 camt\.054 XML or a Bankgirot BgMax/],
    ];
    for (const [content, message] of cases) {
      const response = await importFile(s, sc.operator, content);
      assert.equal(response.status, 400, JSON.stringify(response.json));
      assert.equal(response.json.error.issues[0].path, 'file');
      assert.match(response.json.error.issues[0].message, message);
    }
    assert.deepEqual(await counts(s), before);
    // Not multipart → 415; a member or a secret key may not import.
    const raw = await call(s.url, 'POST', '/v1/payments/imports', { bearer: sc.operator, rawBody: 'x', contentType: 'application/xml' });
    assert.equal(raw.status, 415);
    assert.equal((await importFile(s, sc.member.token, camt054([]))).status, 403);
    assert.equal((await importFile(s, sc.association.secretKey, camt054([]))).status, 403);
    assert.deepEqual(await counts(s), before);
  });

  it('BgMax: registers an OCR payment, keeps a bad check digit, no reference and several references as unmatched; re-import adds nothing', async () => {
    const s = server();
    const sc = await scene(s);
    const file = bgmax([
      { reference: sc.ocr, amount: 200_000, serial: 41, payerName: 'Svensson Bil AB' },
      { reference: `${sc.ocr.slice(0, -1)}${(Number(sc.ocr.at(-1)) + 1) % 10}`, amount: 300, serial: 42 },
      { reference: '', amount: 400, serial: 43, referenceCode: 0 },
      { reference: sc.ocr, amount: 500, serial: 44, extraReferences: [createPaymentReference('ocr', '2026999999')] },
    ]);
    const latin1 = Uint8Array.from(file, (char) => char.charCodeAt(0));
    const result = await imported(s, sc.operator, file, 'BGMAX.txt');
    assert.equal(result.format, 'bgmax');
    assert.deepEqual(result.entries.map((e) => [e.outcome, e.reason, e.amount.amount, e.receivedOn]), [
      ['registered', null, 200_000, '2026-03-02'],
      ['unmatched', 'invalid_reference', 300, '2026-03-02'],
      ['unmatched', 'no_reference', 400, '2026-03-02'],
      ['unmatched', 'several_references', 500, '2026-03-02'],
    ]);
    const payments = (await call(s.url, 'GET', `/v1/cases/${sc.seCase.id}/payments`, { bearer: sc.operator })).json.data;
    assert.deepEqual(payments.map((p: { amount: { amount: number }; reference: string }) => [p.amount.amount, p.reference]), [[200_000, sc.ocr]]);
    const before = await counts(s);
    const again = await importFile(s, sc.operator, latin1);
    assert.equal(again.status, 200);
    assert.deepEqual(again.json.totals, { entries: 4, registered: 0, unmatched: 0, duplicates: 4, skipped: 0 });
    assert.deepEqual({ ...(await counts(s)), imports: before.imports }, before);
  });

  it('assigns an unmatched payment to a case (allocated like any payment) or closes it as refunded; another association sees and touches none of it', async () => {
    const s = server();
    const sc = await scene(s);
    const result = await imported(s, sc.operator, camt054([
      { amount: '300.00', currency: 'SEK', acctSvcrRef: 'U-1', unstructured: 'Svensson Bil faktura F-1' },
      { amount: '20.00', currency: 'SEK', acctSvcrRef: 'U-2' },
    ]));
    const [first, second] = result.entries;
    assert.deepEqual([first!.reason, second!.reason], ['invalid_reference', 'no_reference']);

    const other = await s.association();
    const otherOperator = await operatorToken(s, other);
    const otherList = UnmatchedPaymentListSchema.parse((await call(s.url, 'GET', '/v1/payments/unmatched', { bearer: otherOperator })).json);
    assert.deepEqual(otherList.data, []);
    const before = await counts(s);
    const stolen = await call(s.url, 'POST', `/v1/payments/unmatched/${first!.unmatchedPaymentId}/assign`, { bearer: otherOperator, body: { caseId: sc.seCase.id } });
    assert.equal(stolen.status, 404);
    const closedByOther = await call(s.url, 'POST', `/v1/payments/unmatched/${second!.unmatchedPaymentId}/close`, { bearer: otherOperator, body: { resolution: 'refunded', note: 'x' } });
    assert.equal(closedByOther.status, 404);
    // Members do not see the agency's bank account.
    assert.equal((await call(s.url, 'GET', '/v1/payments/unmatched', { bearer: sc.member.token })).status, 403);
    // Assigning to a case in another currency is refused and writes nothing.
    const wrongCurrency = await call(s.url, 'POST', `/v1/payments/unmatched/${first!.unmatchedPaymentId}/assign`, { bearer: sc.operator, body: { caseId: sc.dkCase.id } });
    assert.equal(wrongCurrency.status, 400);
    assert.equal(wrongCurrency.json.error.issues[0].path, 'amount.currency');
    assert.deepEqual(await counts(s), before);

    const assigned = await call(s.url, 'POST', `/v1/payments/unmatched/${first!.unmatchedPaymentId}/assign`, { bearer: sc.operator, body: { caseId: sc.seCase.id } });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.json));
    assert.equal(assigned.json.unmatchedPayment.status, 'assigned');
    assert.equal(assigned.json.unmatchedPayment.paymentId, assigned.json.payment.id);
    assert.equal(assigned.json.payment.caseId, sc.seCase.id);
    assert.equal(assigned.json.payment.amount.amount, 30_000);
    assert.equal(assigned.json.payment.applied.interest.amount + assigned.json.payment.applied.principal.amount, 30_000);
    const se = await caseOf(s, sc.member.token, sc.seCase.id);
    assert.equal(se.totals.outstanding.amount, 1_000_000 - assigned.json.payment.applied.principal.amount);
    const again = await call(s.url, 'POST', `/v1/payments/unmatched/${first!.unmatchedPaymentId}/assign`, { bearer: sc.operator, body: { caseId: sc.seCase.id } });
    assert.equal(again.status, 409);

    const closed = await call(s.url, 'POST', `/v1/payments/unmatched/${second!.unmatchedPaymentId}/close`, { bearer: sc.operator, body: { resolution: 'refunded', note: 'Paid back to the payer on 3 March; no case.' } });
    assert.equal(closed.status, 200, JSON.stringify(closed.json));
    assert.equal(closed.json.status, 'refunded');
    const open = UnmatchedPaymentListSchema.parse((await call(s.url, 'GET', '/v1/payments/unmatched', { bearer: sc.operator })).json);
    assert.deepEqual(open.data, []);
    const refunded = UnmatchedPaymentListSchema.parse((await call(s.url, 'GET', '/v1/payments/unmatched?status=refunded', { bearer: sc.operator })).json);
    assert.deepEqual(refunded.data.map((u) => u.note), ['Paid back to the payer on 3 March; no case.']);
  });

  it('the sdk client imports a file and resolves unmatched payments', async () => {
    const s = server();
    const sc = await scene(s);
    const client = createClient({ apiBase: s.url, token: sc.operator });
    const result = await client.payments.import({ file: new Blob([camt054([{ amount: '10.00', currency: 'SEK', acctSvcrRef: 'C-1', structured: sc.ocr }, { amount: '7.00', currency: 'SEK', acctSvcrRef: 'C-2' }])]), filename: 'camt054.xml' });
    assert.deepEqual(result.totals, { entries: 2, registered: 1, unmatched: 1, duplicates: 0, skipped: 0 });
    const page = await client.payments.unmatched.list();
    assert.equal(page.data.length, 1);
    const assigned = await client.payments.unmatched.assign(page.data[0]!.id, sc.seCase.id);
    assert.equal(assigned.payment.caseId, sc.seCase.id);
    assert.equal((await client.payments.unmatched.list({ status: 'assigned' })).data.length, 1);
  });
});
