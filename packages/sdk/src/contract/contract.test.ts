import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { isCollectkitInputError } from '../errors.js';
import { ClaimSchema, InvoiceSchema } from './claim.js';
import { FieldIssueSchema, parseInput, toFieldIssues } from './issues.js';
import { IsoDateSchema, MoneySchema, PercentSchema, SignedMoneySchema } from './money.js';
import { AddressSchema, CompanySchema, DebtorSchema } from './party.js';
import { debtorCountry } from '../law/jurisdiction.js';
import { PricingPlanSchema } from './pricing-plan.js';
import { QuoteRequestSchema, QuoteSchema } from './quote.js';
import { associationMemberPlan } from '../pricing/plans/association-member.js';
import { standardPlan } from '../pricing/plans/standard.js';

/** The field paths a bad value is reported at, in the 400 shape. */
function pathsOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  assert.equal(result.success, false, 'expected the value to be rejected');
  return toFieldIssues(result.error!).map((issue) => issue.path);
}

const dkk = (major: number) => ({ amount: major * 100, currency: 'DKK' as const });
const address = { lines: ['Vestergade 1'], postalCode: '8000', city: 'Aarhus C', country: 'DK' };
// 12345674: weights 2,7,6,5,4,3,2,1 → 2+14+18+20+20+18+14+4 = 110 = 10 × 11, a valid CVR by RULES.md §8.
const businessDebtor = { type: 'business', name: 'Værksted ApS', country: 'DK', nationalId: '12345674', address };
const invoice = { number: 'F-1001', issueDate: '2025-01-02', dueDate: '2025-01-16', amount: dkk(10_000) };

describe('MoneySchema', () => {
  it('takes integer minor units in a supported currency', () => {
    assert.deepEqual(MoneySchema.parse({ amount: 125000, currency: 'DKK' }), { amount: 125000, currency: 'DKK' });
  });
  it('rejects fractions of a minor unit, negatives, unknown currencies, unsafe integers', () => {
    assert.deepEqual(pathsOf(MoneySchema, { amount: 12.5, currency: 'DKK' }), ['amount']);
    assert.deepEqual(pathsOf(MoneySchema, { amount: -1, currency: 'DKK' }), ['amount']);
    assert.deepEqual(pathsOf(MoneySchema, { amount: 1, currency: 'USD' }), ['currency']);
    assert.deepEqual(pathsOf(MoneySchema, { amount: 2 ** 53, currency: 'EUR' }), ['amount']);
  });
  it('SignedMoneySchema allows negatives', () => {
    assert.equal(SignedMoneySchema.parse({ amount: -500, currency: 'SEK' }).amount, -500);
  });
});

describe('IsoDateSchema and PercentSchema', () => {
  it('accepts calendar dates only', () => {
    assert.equal(IsoDateSchema.parse('2024-02-29'), '2024-02-29');
    for (const bad of ['2025-02-29', '2025-2-1', '2025-13-01', '20250101', '']) assert.equal(IsoDateSchema.safeParse(bad).success, false, bad);
  });
  it('takes percentages as decimal strings from 0 to 100', () => {
    assert.equal(PercentSchema.parse('10.5'), '10.5');
    for (const bad of ['-1', '100.01', '10,5', '1e2']) assert.equal(PercentSchema.safeParse(bad).success, false, bad);
  });
});

describe('AddressSchema, CompanySchema, DebtorSchema', () => {
  it('reports each bad address field at its path', () => {
    assert.deepEqual(pathsOf(AddressSchema, { lines: [], postalCode: ' ', city: 'Aarhus', country: 'dk' }), [
      'lines',
      'postalCode',
      'country',
    ]);
  });
  it('checks the national id by the rules of its country, on path nationalId', () => {
    assert.equal(CompanySchema.safeParse({ name: 'A/S', country: 'DK', nationalId: '12345674' }).success, true);
    const result = CompanySchema.safeParse({ name: 'A/S', country: 'DK', nationalId: '12345675' });
    assert.equal(result.success, false);
    assert.deepEqual(toFieldIssues(result.error!), [{ path: 'nationalId', message: 'not a valid Danish CVR number (check the digits)' }]);
    // A German company's Handelsregister number is kept as given: no check digits known.
    assert.equal(CompanySchema.safeParse({ name: 'GmbH', country: 'DE', nationalId: 'HRB 12345' }).success, true);
  });
  it('is a union on type: business (company fields) or consumer (name, personal id)', () => {
    assert.equal(DebtorSchema.parse(businessDebtor).type, 'business');
    assert.equal(DebtorSchema.parse({ type: 'consumer', name: 'Ole Hansen', address, language: 'da' }).type, 'consumer');
    assert.deepEqual(pathsOf(DebtorSchema, { ...businessDebtor, nationalId: '12345675' }), ['nationalId']);
    assert.deepEqual(pathsOf(DebtorSchema, { type: 'consumer', name: 'Ole', address, email: 'not-mail', phone: 'x', language: 'de' }), [
      'email',
      'phone',
      'language',
    ]);
    assert.deepEqual(pathsOf(DebtorSchema, { ...businessDebtor, type: 'public' }), ['type']);
  });
  it("takes a company's country of registration and a person's address as the debtor's jurisdiction", () => {
    assert.equal(debtorCountry(DebtorSchema.parse({ ...businessDebtor, country: 'SE', nationalId: undefined })), 'SE');
    assert.equal(debtorCountry(DebtorSchema.parse({ type: 'consumer', name: 'Ole', address })), 'DK');
  });
});

describe('InvoiceSchema and ClaimSchema', () => {
  it('rejects a due date before the issue date, on dueDate', () => {
    assert.deepEqual(pathsOf(InvoiceSchema, { ...invoice, dueDate: '2025-01-01' }), ['dueDate']);
  });
  it('rejects an outstanding amount above the invoice amount or in another currency', () => {
    assert.deepEqual(pathsOf(InvoiceSchema, { ...invoice, outstanding: dkk(10_001) }), ['outstanding.amount']);
    assert.deepEqual(pathsOf(InvoiceSchema, { ...invoice, outstanding: { amount: 1, currency: 'SEK' } }), ['outstanding.currency']);
    assert.equal(InvoiceSchema.safeParse({ ...invoice, outstanding: dkk(2_500) }).success, true);
  });
  it('needs at least one invoice, all in one currency (the issue on the offending invoice)', () => {
    assert.deepEqual(pathsOf(ClaimSchema, { debtor: businessDebtor, invoices: [] }), ['invoices']);
    const mixed = [invoice, invoice, { ...invoice, amount: { amount: 100, currency: 'EUR' } }];
    assert.deepEqual(pathsOf(ClaimSchema, { debtor: businessDebtor, invoices: mixed }), ['invoices.2.amount.currency']);
  });
  it('reports every bad field of a request at once, each at its path', () => {
    const request = {
      creditorCountry: 'DE',
      debtor: { ...businessDebtor, address: { ...address, city: '' } },
      invoices: [invoice, { ...invoice, number: '', issueDate: '2025-02-30', amount: { amount: -5, currency: 'DKK' } }],
    };
    assert.deepEqual(pathsOf(QuoteRequestSchema, request).sort(), [
      'creditorCountry',
      'debtor.address.city',
      'invoices.1.amount.amount',
      'invoices.1.issueDate',
      'invoices.1.number',
    ]);
  });
});

describe('parseInput', () => {
  it('throws a CollectkitInputError naming the first bad field', () => {
    const attempt = () => parseInput(ClaimSchema, { debtor: businessDebtor, invoices: [invoice, { ...invoice, amount: { amount: 5, currency: 'EUR' } }] });
    assert.throws(attempt, (error) => isCollectkitInputError(error) && error.field === 'invoices.1.amount.currency' && error.code === 'currency_mismatch');
    assert.throws(
      () => parseInput(InvoiceSchema, { ...invoice, dueDate: '2025-02-30' }, 'invoices.0'),
      (error) => isCollectkitInputError(error) && error.field === 'invoices.0.dueDate' && error.code === 'invalid_date',
    );
  });
});

describe('PricingPlanSchema', () => {
  it('accepts the shipped plans', () => {
    assert.equal(PricingPlanSchema.parse(standardPlan).id, 'standard');
    assert.equal(PricingPlanSchema.parse(associationMemberPlan).id, 'association-member');
  });
  it('requires an amount in every currency the plan lists, and rising bands ending in upTo null', () => {
    const plan = structuredClone(standardPlan) as unknown as Record<string, any>;
    plan['currencies'] = ['SEK', 'DKK'];
    const paths = pathsOf(PricingPlanSchema, plan);
    assert.ok(paths.includes('registrationFee.nordics.DKK'), paths.join());
    assert.ok(paths.includes('commission.byRegion.europe_1.0.upTo.DKK'), paths.join());

    const bands = structuredClone(standardPlan) as unknown as Record<string, any>;
    bands['commission']['byRegion']['rest'] = [{ upTo: null, percent: '30' }, { upTo: { SEK: 1 }, percent: '20' }];
    assert.deepEqual(pathsOf(PricingPlanSchema, bands), ['commission.byRegion.rest.0.upTo', 'commission.byRegion.rest.1.upTo']);
  });
  it('rejects a missing region and a float rate', () => {
    const plan = structuredClone(standardPlan) as unknown as Record<string, any>;
    delete plan['registrationFee']['rest'];
    plan['commission']['byRegion']['nordics'] = [{ upTo: null, percent: 10.5 }];
    assert.deepEqual(pathsOf(PricingPlanSchema, plan), ['registrationFee.rest', 'commission.byRegion.nordics.0.percent']);
  });
});

describe('JSON Schema for the OpenAPI document', () => {
  it('every request and response schema converts with z.toJSONSchema', () => {
    for (const schema of [QuoteRequestSchema, QuoteSchema, PricingPlanSchema, ClaimSchema, FieldIssueSchema]) {
      assert.equal(typeof z.toJSONSchema(schema, { io: 'input' }), 'object');
    }
    const date = z.toJSONSchema(IsoDateSchema) as { format?: string };
    assert.equal(date.format, 'date');
  });
});
