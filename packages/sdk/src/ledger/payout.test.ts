import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PricingPlan } from '../contract/pricing-plan.js';
import { isCollectkitInputError } from '../errors.js';
import type { CountryCode } from '../law/types.js';
import { associationMemberPlan } from '../pricing/plans/association-member.js';
import { standardPlan } from '../pricing/plans/standard.js';
import { payoutStatement } from './payout.js';

const sek = (major: number) => ({ amount: Math.round(major * 100), currency: 'SEK' as const });
const dkk = (major: number) => ({ amount: Math.round(major * 100), currency: 'DKK' as const });

/** A plan like the standard one but giving the debtor's interest to the creditor, with a 20 % member discount. */
const generousPlan: PricingPlan = {
  ...standardPlan,
  id: 'generous',
  debtorPaid: { costs: 'agency', interest: 'creditor' },
  memberDiscount: { percentOffAgencyFees: '20' },
};

describe('payoutStatement', () => {
  it('standard plan, Swedish creditor and debtor: commission 10.5 % + VAT 25 % comes out of the principal', () => {
    // Collected SEK 20,000 principal, 300 interest, 240 costs (reminder 60 + inkassokrav 180).
    // Commission 10.5 % × 20,000 = 2,100.00; VAT 25 % × 2,100 = 525.00; fee 2,625.00.
    // Principal: kept 2,625.00, paid 17,375.00. Interest and costs are the agency's (RULES.md §7).
    const statement = payoutStatement({
      collected: { principal: sek(20_000), interest: sek(300), costs: sek(240) },
      plan: standardPlan,
      creditorCountry: 'SE',
      debtorCountry: 'SE',
      asOf: '2025-06-30',
    });
    assert.deepEqual(statement.agencyFees.lines, [
      { code: 'commission', amount: sek(2_100), percent: '10.5' },
      { code: 'vat', amount: sek(525), percent: '25' },
    ]);
    assert.deepEqual(statement.components, {
      principal: { collected: sek(20_000), keptByAgency: sek(2_625), paidToCreditor: sek(17_375) },
      interest: { collected: sek(300), keptByAgency: sek(300), paidToCreditor: sek(0) },
      costs: { collected: sek(240), keptByAgency: sek(240), paidToCreditor: sek(0) },
    });
    assert.deepEqual(statement.totals, { collected: sek(20_540), keptByAgency: sek(3_165), paidToCreditor: sek(17_375) });
    assert.deepEqual(statement.invoicedToCreditor, sek(0));
  });

  it('association plan, amicable phase: the principal is paid in full, the agency keeps fees and interest', () => {
    // DKK 10,000 principal + 1,610 costs (compensation 310 + collection fee 1,300) + DKK 150 interest.
    const statement = payoutStatement({
      collected: { principal: dkk(10_000), interest: dkk(150), costs: dkk(1_610) },
      plan: associationMemberPlan,
      creditorCountry: 'DK',
      debtorCountry: 'DK',
      asOf: '2025-06-30',
    });
    assert.equal(statement.agencyFees.commission.waived, true);
    assert.deepEqual(statement.agencyFees.total, dkk(0));
    assert.deepEqual(statement.components.principal, { collected: dkk(10_000), keptByAgency: dkk(0), paidToCreditor: dkk(10_000) });
    assert.deepEqual(statement.totals.keptByAgency, dkk(1_760));
  });

  it('association plan, legal phase: 10 % commission + 25 % Danish VAT', () => {
    // 10 % × 10,000 = 1,000; VAT 250; principal paid 10,000 − 1,250 = 8,750.
    const statement = payoutStatement({
      collected: { principal: dkk(10_000), interest: dkk(0), costs: dkk(0) },
      plan: associationMemberPlan,
      creditorCountry: 'DK',
      debtorCountry: 'DK',
      asOf: '2025-06-30',
      phase: 'legal',
    });
    assert.deepEqual(statement.components.principal.paidToCreditor, dkk(8_750));
  });

  it('applies the band by claim size, the age surcharge and the member discount', () => {
    // German debtor: Europe I, claim SEK 30,000 > 26,500 → 13.5 %; oldest invoice 200 > 180 days → +4 = 17.5 %.
    // Collected 10,000: commission 1,750.00; member discount 20 % = −350.00; net 1,400.00; VAT 350.00; fee 1,750.00.
    // Interest goes to the creditor under this plan: paid 10,000 − 1,750 + 500 = 8,750.
    const statement = payoutStatement({
      collected: { principal: sek(10_000), interest: sek(500), costs: sek(0) },
      plan: generousPlan,
      creditorCountry: 'SE',
      debtorCountry: 'DE',
      asOf: '2025-06-30',
      member: true,
      claimPrincipal: sek(30_000),
      oldestInvoiceDaysOverdue: 200,
    });
    assert.deepEqual(statement.agencyFees.commission, { percent: '17.5', basePercent: '13.5', surchargePoints: '4', waived: false });
    assert.deepEqual(statement.agencyFees.lines, [
      { code: 'commission', amount: sek(1_750), percent: '17.5' },
      { code: 'discount', amount: sek(-350), percent: '20' },
      { code: 'vat', amount: sek(350), percent: '25' },
    ]);
    assert.deepEqual(statement.totals.paidToCreditor, sek(8_750));
  });

  it('Finnish VAT is 24 % until 31 Aug 2024 and 25.5 % from 1 Sep 2024 (a dated table)', () => {
    const fee = (asOf: string) =>
      payoutStatement({
        collected: { principal: sek(10_000), interest: sek(0), costs: sek(0) },
        plan: standardPlan,
        creditorCountry: 'FI',
        debtorCountry: 'FI',
        asOf,
      }).agencyFees.lines.find((line) => line.code === 'vat');
    // Commission 10.5 % × 10,000 = 1,050.00; × 24 % = 252.00; × 25.5 % = 267.75.
    assert.deepEqual(fee('2024-08-31'), { code: 'vat', amount: sek(252), percent: '24' });
    assert.deepEqual(fee('2024-09-01'), { code: 'vat', amount: sek(267.75), percent: '25.5' });
  });

  it('never deducts more than was collected for the creditor: the excess is invoiced', () => {
    // A locked rate of 90 %: commission 900.00 + VAT 225.00 = 1,125.00 on SEK 1,000 collected.
    // All 1,000.00 is deducted, 125.00 is invoiced to the creditor, nothing is paid out (never negative).
    const statement = payoutStatement({
      collected: { principal: sek(1_000), interest: sek(40), costs: sek(0) },
      plan: standardPlan,
      creditorCountry: 'SE',
      debtorCountry: 'SE',
      asOf: '2025-06-30',
      commissionPercent: '90',
    });
    assert.deepEqual(statement.agencyFees.total, sek(1_125));
    assert.deepEqual(statement.deductedFromCollection, sek(1_000));
    assert.deepEqual(statement.invoicedToCreditor, sek(125));
    assert.deepEqual(statement.totals.paidToCreditor, sek(0));
  });

  it('rejects bad input, naming the field', () => {
    const base = {
      collected: { principal: sek(1), interest: sek(0), costs: sek(0) },
      plan: standardPlan,
      creditorCountry: 'SE' as CountryCode,
      debtorCountry: 'SE',
      asOf: '2025-06-30',
    };
    const rejects = (input: object, field: string) =>
      assert.throws(() => payoutStatement({ ...base, ...input }), (e) => isCollectkitInputError(e) && e.field === field, field);
    rejects({ collected: { ...base.collected, costs: dkk(1) } }, 'collected.costs.currency');
    rejects({ collected: { ...base.collected, interest: sek(-1) } }, 'collected.interest.amount');
    rejects({ asOf: '2025-02-30' }, 'asOf');
    rejects({ creditorCountry: 'DE' }, 'creditorCountry');
    rejects({ debtorCountry: 'sweden' }, 'debtorCountry');
    rejects({ phase: 'court' }, 'phase');
    rejects({ commissionPercent: '-1' }, 'commissionPercent');
    rejects({ discountCode: 'NOPE' }, 'discountCode');
    rejects({ plan: { ...standardPlan, currencies: [] } }, 'plan.currencies');
    // The standard plan has no DKK prices: a DKK claim in a banded region cannot be priced.
    rejects({ collected: { principal: dkk(1), interest: dkk(0), costs: dkk(0) }, debtorCountry: 'DE' }, 'plan.commission.byRegion.europe_1.0.upTo');
  });

  const amount = fc.integer({ min: 0, max: 10 ** 12 });
  it('collected = kept + paid per component, for any amounts and plans', () => {
    const plans = fc.constantFrom(standardPlan, associationMemberPlan, generousPlan, { ...generousPlan, debtorPaid: { costs: 'creditor', interest: 'creditor' } } as PricingPlan);
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        plans,
        fc.constantFrom('amicable', 'legal', 'surveillance' as const),
        fc.constantFrom<CountryCode>('DK', 'SE', 'NO', 'FI'),
        fc.constantFrom('SE', 'DE', 'PL', 'US', 'BR', 'JP', 'CN', 'ZA'),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toString()), { nil: undefined }),
        (principal, interest, costs, plan, phase, creditorCountry, debtorCountry, member, commissionPercent) => {
          const statement = payoutStatement({
            collected: { principal: sek(principal / 100), interest: sek(interest / 100), costs: sek(costs / 100) },
            plan,
            creditorCountry,
            debtorCountry,
            asOf: '2025-06-30',
            phase,
            member,
            ...(commissionPercent !== undefined ? { commissionPercent } : {}),
          });
          for (const c of Object.values(statement.components)) {
            assert.equal(c.keptByAgency.amount + c.paidToCreditor.amount, c.collected.amount);
            assert.ok(c.keptByAgency.amount >= 0 && c.paidToCreditor.amount >= 0);
          }
          const t = statement.totals;
          assert.equal(t.keptByAgency.amount + t.paidToCreditor.amount, t.collected.amount);
          assert.equal(statement.deductedFromCollection.amount + statement.invoicedToCreditor.amount, statement.agencyFees.total.amount);
          assert.equal(statement.agencyFees.lines.reduce((s, l) => s + l.amount.amount, 0), statement.agencyFees.total.amount);
        },
      ),
      { numRuns: 500 },
    );
  });
});
