import { it } from 'node:test';
import assert from 'node:assert/strict';
import { associationMemberPlan, quote } from '@collectkit/sdk';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';

const ORIGIN = 'https://a.example';

/** DKK 12,500.00 invoiced to a Copenhagen company, due 1 January 2026. */
const request = {
  creditorCountry: 'DK',
  debtor: {
    type: 'business',
    name: 'Kunde A/S',
    country: 'DK',
    address: { lines: ['Nørregade 1'], postalCode: '2100', city: 'København Ø', country: 'DK' },
  },
  invoices: [{ number: 'F-1001', issueDate: '2025-12-01', dueDate: '2026-01-01', amount: { amount: 1_250_000, currency: 'DKK' } }],
};

describeEachDatabase('quotes', (server) => {
  it("quotes with the association's plan as of today on the server clock", async () => {
    const { url, clock } = server();
    const a = await server().association({ pricingPlanId: 'association-member', allowedOrigins: [ORIGIN] });
    const response = await call(url, 'POST', '/v1/quotes', { bearer: a.publishableKey, headers: { origin: ORIGIN }, body: request });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.equal(response.json.planId, 'association-member');
    // TEST_START is 08:00 UTC on 3 March 2026 = 09:00 in Copenhagen.
    assert.equal(response.json.asOf, '2026-03-03');
    assert.deepEqual(response.json.principal, { amount: 1_250_000, currency: 'DKK' });
    // The association-member plan waives commission in the amicable phase (RULES.md §7, Collectia's member terms).
    assert.equal(response.json.commission.waived, true);
    // Exactly what the SDK computes in the widget: one implementation. (Through JSON, because the
    // SDK yields -0 for some zero discount lines, which JSON writes as 0.)
    assert.deepEqual(response.json, JSON.parse(JSON.stringify(quote(request, associationMemberPlan, { asOf: '2026-03-03' }))));

    clock.advance({ days: 30 });
    const later = await call(url, 'POST', '/v1/quotes', { bearer: a.secretKey, body: request });
    assert.equal(later.json.asOf, '2026-04-02');
  });

  it("answers 400 naming the field when the plan has no prices in the claim's currency", async () => {
    const { url } = server();
    // The standard plan (Atradius' Swedish list) prices in SEK only.
    const a = await server().association({ pricingPlanId: 'standard' });
    const response = await call(url, 'POST', '/v1/quotes', { bearer: a.secretKey, body: request });
    assert.equal(response.status, 400, JSON.stringify(response.json));
    assert.equal(response.json.error.issues[0].path, 'invoices.0.amount.currency');
  });

  it('validates the request with the contract, naming the field', async () => {
    const { url } = server();
    const a = await server().association();
    const badDate = { ...request, invoices: [{ ...request.invoices[0], dueDate: '2026-02-30' }] };
    const response = await call(url, 'POST', '/v1/quotes', { bearer: a.secretKey, body: badDate });
    assert.equal(response.status, 400);
    assert.deepEqual(response.json.error.issues.map((issue: { path: string }) => issue.path), ['invoices.0.dueDate']);
    assert.equal((await call(url, 'POST', '/v1/quotes', { body: request })).status, 401);
  });
});
