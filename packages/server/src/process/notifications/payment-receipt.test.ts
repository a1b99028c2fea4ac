import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../testing/harness.js';
import { call } from '../../testing/http-client.js';
import { enrolActiveMember } from '../../testing/members.js';
import { caseBody, createdCase, danishDebtor, operatorToken } from '../../http/case-test-fixtures.js';
import { readPdfText } from '../letters/pdf-text.js';
import { letterPdfOf } from '../letters/queued-letters.js';

interface OutboxRow {
  kind: string;
  channel: string;
  recipient: string;
  text_body: string;
  id: string;
}

describeEachDatabase('payment receipt', (server) => {
  it("registering a payment queues the debtor's receipt in the creditor's channels, with what is still owed; a refused payment queues none", async () => {
    const s = server();
    s.clock.set(new Date('2026-03-03T08:00:00Z'));
    const association = await s.association();
    const member = await enrolActiveMember(s.url, association.secretKey);
    const operator = await operatorToken(s, association);
    await call(s.url, 'PUT', `/v1/creditors/${member.creditorId}/business-rules`, { bearer: member.token, body: { channels: ['letter', 'email', 'sms'] } });
    // DKK 10,000.00 due 2026-01-15 (case-test-fixtures.ts).
    const created = await createdCase(s.url, member.token, caseBody({ debtor: { ...danishDebtor(), email: 'bogholderi@hansen-biler.example', phone: '+45 12 34 56 78' } }));
    const outbox = () => s.db.query<OutboxRow>('SELECT id::text, kind, channel, recipient, text_body FROM notifications WHERE case_id = $1 ORDER BY id', [created.id]);

    const refused = await call(s.url, 'POST', `/v1/cases/${created.id}/payments`, { bearer: operator, body: { amount: { amount: 100, currency: 'SEK' }, receivedOn: '2026-03-02', method: 'bank_transfer' } });
    assert.equal(refused.status, 400);
    assert.deepEqual(await outbox(), []);

    const paid = await call(s.url, 'POST', `/v1/cases/${created.id}/payments`, { bearer: operator, body: { amount: { amount: 400_000, currency: 'DKK' }, receivedOn: '2026-03-02', method: 'bank_transfer' } });
    assert.equal(paid.status, 201, JSON.stringify(paid.json));
    const rows = await outbox();
    assert.deepEqual(rows.map((r) => `${r.kind}/${r.channel}/${r.recipient.split('\n')[0]}`), [
      'payment_receipt/letter/Hansen Biler A/S',
      'payment_receipt/email/bogholderi@hansen-biler.example',
      'payment_receipt/sms/+45 12 34 56 78',
    ]);
    // What is still owed on the receipt is the ledger's balance after the payment, to the øre.
    const after = paid.json.balanceAfter;
    const owed = after.costs.amount + after.interest.amount + after.principal.amount;
    const kroner = new Intl.NumberFormat('da-DK', { style: 'currency', currency: 'DKK' }).format(owed / 100);
    const spaces = (t: string) => t.replace(/[\s\u00a0\u202f]/g, ' ');
    const sms = spaces(rows[2]!.text_body);
    assert.match(sms, /Modtaget 4\.000,00 kr\./);
    assert.ok(sms.includes(`Restgæld ${spaces(kroner)}`), `${sms} mentions ${kroner}`);
    // The rest is asked for within 10 days of the receipt (agency practice): 2026-03-03 + 10.
    assert.match(spaces(rows[0]!.text_body), /Betal venligst resten senest 13\. marts 2026/);
    const { text } = await readPdfText((await letterPdfOf(s.db, rows[0]!.id))!);
    assert.match(text, /Kvittering for betaling/);
    assert.match(text, /4\.000,00 kr\./);

    // Paying the rest settles the case: the second receipt says so, and each payment has its own.
    const rest = await call(s.url, 'POST', `/v1/cases/${created.id}/payments`, { bearer: operator, body: { amount: { amount: owed, currency: 'DKK' }, receivedOn: '2026-03-02', method: 'bank_transfer' } });
    assert.equal(rest.status, 201, JSON.stringify(rest.json));
    assert.equal(rest.json.caseStage, 'paid');
    const all = await outbox();
    assert.equal(all.length, 6);
    assert.match(all[5]!.text_body, /Betalt fuldt ud, tak\./);
  });
});
