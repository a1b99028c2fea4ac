import { z } from 'zod';
import { CurrencySchema, PercentSchema } from './money.js';
import { IsoCountrySchema } from './party.js';

/**
 * A pricing plan is data: an agency operator writes one as JSON, the server validates it with
 * `PricingPlanSchema`, and the same `quote()` and `payoutStatement()` run on it in the widget and on
 * the server. Amounts are integer minor units per currency (`{ "SEK": 73000 }` is SEK 730.00): a plan
 * prices only in the currencies it lists, and no exchange rate is ever applied.
 */

/** Debtor regions of agency price lists (Atradius' grouping, RULES.md §7); countries map to them in pricing/regions.ts. */
export const RegionSchema = z.enum(['nordics', 'europe_1', 'europe_2', 'americas_1', 'americas_2', 'apac_1', 'apac_2', 'rest']);
export type Region = z.infer<typeof RegionSchema>;

/** amicable = reminders, notice and extra-judicial collection; legal = court/enforcement; surveillance = long-term monitoring. */
export const CasePhaseSchema = z.enum(['amicable', 'legal', 'surveillance']);
export type CasePhase = z.infer<typeof CasePhaseSchema>;

/** Non-negative minor units per currency, e.g. `{ "SEK": 73000, "DKK": 50000 }`. */
export const AmountsByCurrencySchema = z.partialRecord(CurrencySchema, z.int().min(0));
export type AmountsByCurrency = z.infer<typeof AmountsByCurrencySchema>;

/** Commission rate for claims whose principal is at most `upTo` (null: no upper bound; the last band). */
export const CommissionBandSchema = z.object({
  upTo: AmountsByCurrencySchema.nullable(),
  percent: PercentSchema,
});
export type CommissionBand = z.infer<typeof CommissionBandSchema>;

export const WithdrawalFeeRuleSchema = z.object({
  /** Phases in which withdrawing the case costs the creditor this fee. */
  phases: z.array(CasePhaseSchema).min(1),
  fee: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), amounts: AmountsByCurrencySchema }),
    z.object({ kind: z.literal('percentOfOutstanding'), percent: PercentSchema }),
  ]),
});
export type WithdrawalFeeRule = z.infer<typeof WithdrawalFeeRuleSchema>;

const RecipientSchema = z.enum(['agency', 'creditor']);

export const PricingPlanSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'expected lower-case letters, digits and dashes' }),
    name: z.string().trim().min(1).max(100),
    /** Where the figures come from (a published price list, an agreement). */
    source: z.string().optional(),
    /** The currencies the plan has prices in; every amount table must cover each. */
    currencies: z.array(CurrencySchema).min(1),
    /** Paid by the creditor on submission, ex VAT, by the debtor's region. */
    registrationFee: z.record(RegionSchema, AmountsByCurrencySchema),
    commission: z.object({
      /** Success fee in percent of collected principal, ex VAT, by debtor region and claim size. */
      byRegion: z.record(RegionSchema, z.array(CommissionBandSchema).min(1)),
      /** Phases in which no commission is charged (e.g. an association's amicable phase). */
      waivedInPhases: z.array(CasePhaseSchema),
      /** Percentage points added when the oldest invoice is more than `overdueMoreThanDays` overdue on the quote date. */
      ageSurcharge: z.object({ overdueMoreThanDays: z.int().min(0), percentagePoints: PercentSchema }).optional(),
    }),
    /** Percent off agency fees (registration and commission, before VAT) for members. */
    memberDiscount: z.object({ percentOffAgencyFees: PercentSchema }).optional(),
    /** Discount codes: code → percent off agency fees. With membership too, the larger discount applies. */
    discountCodes: z.record(z.string().min(1), PercentSchema).optional(),
    /** Who receives the statutory costs and the late interest the debtor pays. */
    debtorPaid: z.object({ costs: RecipientSchema, interest: RecipientSchema }),
    withdrawalFee: WithdrawalFeeRuleSchema.optional(),
    /** Below this principal a quote warns `below_minimum`. */
    minimumClaim: AmountsByCurrencySchema.optional(),
    /** An invoice more than this many days past due warns `older_than_max_age` (36 months ≈ 1095 days). */
    maxAgeDays: z.int().positive().optional(),
    /** Warn `limitation_near` this many days before an invoice becomes time-barred. */
    limitationWarningDays: z.int().min(0),
    /** Overrides of the default country → region table, e.g. `{ "GB": "europe_1" }`. */
    countryRegions: z.record(IsoCountrySchema, RegionSchema).optional(),
  })
  .superRefine((plan, ctx) => {
    const requireAll = (amounts: AmountsByCurrency | undefined, path: (string | number)[]) => {
      if (!amounts) return;
      for (const currency of plan.currencies) {
        if (amounts[currency] === undefined) {
          ctx.addIssue({ code: 'custom', path: [...path, currency], message: `missing an amount in ${currency}, one of the plan's currencies` });
        }
      }
    };
    for (const [region, amounts] of Object.entries(plan.registrationFee)) requireAll(amounts, ['registrationFee', region]);
    for (const [region, bands] of Object.entries(plan.commission.byRegion)) {
      bands.forEach((band, index) => {
        const path = ['commission', 'byRegion', region, index];
        const last = index === bands.length - 1;
        if (last !== (band.upTo === null)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'upTo'], message: 'only the last band, and always the last, has upTo null' });
        }
        requireAll(band.upTo ?? undefined, [...path, 'upTo']);
        const previous = bands[index - 1]?.upTo;
        if (band.upTo && previous) {
          for (const currency of plan.currencies) {
            if ((band.upTo[currency] ?? 0) <= (previous[currency] ?? 0)) {
              ctx.addIssue({ code: 'custom', path: [...path, 'upTo', currency], message: 'bands must rise' });
            }
          }
        }
      });
    }
    if (plan.withdrawalFee?.fee.kind === 'fixed') requireAll(plan.withdrawalFee.fee.amounts, ['withdrawalFee', 'fee', 'amounts']);
    requireAll(plan.minimumClaim, ['minimumClaim']);
  });
export type PricingPlan = z.infer<typeof PricingPlanSchema>;
