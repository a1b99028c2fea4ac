import { z } from 'zod';
import type { BusinessRules, DebtorRuleOverride } from '../../dunning/business-rules.js';
import { MAX_INSTALMENTS } from '../../dunning/instalment-plan.js';
import type { Debtor } from '../party.js';
import { MoneySchema } from '../money.js';

/**
 * A creditor's business rules and per-debtor overrides on the wire (issue 5 §2): `GET/PUT
 * /v1/creditors/{id}/business-rules`, `GET/PUT/DELETE /v1/creditors/{id}/debtor-overrides/{debtorKey}`.
 * The fields are the sdk's BusinessRules; the ranges are those of assertBusinessRules, so the API
 * rejects nonsense (a negative day count, no channel) naming the field. What the law allows is not
 * checked here: the dunning machine applies the stricter of rule and law (a creditor asking for five
 * fee-bearing reminders in Denmark still gets at most three, renteloven § 9 b).
 */

const days = (max = 3650) => z.int({ message: 'expected a whole number of days' }).min(0, { message: 'must not be negative' }).max(max, { message: `at most ${max}` });

const ruleFields = {
  firstReminderDaysAfterDue: days(),
  maxReminders: z.int({ message: 'expected a whole number' }).min(0, { message: 'must not be negative' }).max(10, { message: 'at most 10 reminders' }),
  daysBetweenReminders: days().min(1, { message: 'must be at least 1 day' }),
  chargeReminderFees: z.boolean(),
  channels: z
    .array(z.enum(['letter', 'email', 'sms']))
    .min(1, { message: 'expected one or more of letter, email, sms' })
    .refine((channels) => new Set(channels).size === channels.length, { message: 'each channel once' })
    .readonly(),
  lookbackDays: days(),
  minimumAmount: MoneySchema.nullable(),
  paused: z.boolean(),
  stopBeforeLegal: z.boolean(),
  legalAfterDaysInCollection: days(),
  surveillanceIntervalDays: days().min(1, { message: 'must be at least 1 day' }),
  /** Agency practice, not law: the most instalments one plan may have (default 12). */
  maxInstalments: z.int({ message: 'expected a whole number' }).min(1, { message: 'at least 1 instalment' }).max(MAX_INSTALMENTS, { message: `at most ${MAX_INSTALMENTS} instalments` }),
  /** Agency practice, not law: days after an instalment's due date before it counts as missed (default 7). */
  instalmentGraceDays: days(),
};

/** A full rule set, as the dunning machine applies it. */
export const BusinessRulesSchema = z.object(ruleFields);

/** What a creditor sets: any of the fields; the rest follow the defaults. Unknown fields are refused by name. */
export const BusinessRulesUpdateSchema = z.strictObject(Object.fromEntries(Object.entries(ruleFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof ruleFields]: z.ZodOptional<(typeof ruleFields)[K]> });

/** What a creditor sets for one debtor: any rule field, and whether the debtor is left out of automation. */
export const DebtorRuleOverrideSchema = BusinessRulesUpdateSchema.extend({ excluded: z.boolean().optional() });

// The schemas are the sdk's types, field for field: a field added to BusinessRules and not here fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameRules: Same<keyof z.infer<typeof BusinessRulesSchema>, keyof BusinessRules> = true;
const rulesAssignable: BusinessRules = {} as z.infer<typeof BusinessRulesSchema>;
const overrideAssignable: DebtorRuleOverride = {} as z.infer<typeof DebtorRuleOverrideSchema>;
void sameRules;
void rulesAssignable;
void overrideAssignable;

/**
 * How a debtor is recognised across cases: `DK:29403473` (country and register number) for a debtor
 * with one, else `email:<address in lower case>`. Upper-case country, no spaces.
 */
export const DebtorKeySchema = z
  .string()
  .regex(/^(?:[A-Z]{2}:[A-Za-z0-9-]{1,30}|email:[^\s/]{3,254})$/, { message: 'expected a debtor key such as DK:29403473 or email:debtor@example.org' });

/**
 * The debtor key of a debtor, or null when it has neither a register number nor an e-mail address.
 * A consumer's personal id (CPR, personnummer) is never used: it would travel in URLs and logs.
 */
export function debtorKeyOf(debtor: Debtor): string | null {
  if (debtor.type === 'business' && debtor.nationalId) return `${debtor.country}:${debtor.nationalId.replace(/[\s.]/g, '')}`;
  if (debtor.email) return `email:${debtor.email.toLowerCase()}`;
  return null;
}

export const CreditorIdParamsSchema = z.object({ id: z.uuid() });
export const DebtorOverrideParamsSchema = z.object({ id: z.uuid(), debtorKey: DebtorKeySchema });

export const CreditorBusinessRulesSchema = z.object({
  creditorId: z.uuid(),
  /** What the creditor set (the rest are defaults). */
  rules: BusinessRulesUpdateSchema,
  /** Defaults with the creditor's rules: what its cases follow unless a debtor override says otherwise. */
  effective: BusinessRulesSchema,
  updatedAt: z.iso.datetime().nullable(),
});
export type CreditorBusinessRules = z.infer<typeof CreditorBusinessRulesSchema>;

export const DebtorRuleOverrideViewSchema = z.object({
  creditorId: z.uuid(),
  debtorKey: DebtorKeySchema,
  override: DebtorRuleOverrideSchema,
  /** Defaults, then the creditor's rules, then this override. */
  effective: BusinessRulesSchema.extend({ excluded: z.boolean() }),
  updatedAt: z.iso.datetime(),
});
export type DebtorRuleOverrideView = z.infer<typeof DebtorRuleOverrideViewSchema>;
