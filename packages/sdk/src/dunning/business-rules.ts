import { CollectkitInputError } from '../errors.js';
import { assertMoney, type Money } from '../money/index.js';
import { MAX_INSTALMENTS } from './instalment-plan.js';

export type NotificationChannel = 'letter' | 'email' | 'sms';

/**
 * A creditor's choices for how its cases are followed up (DESIGN.md §4). They narrow what the
 * law allows and never widen it: the dunning machine applies the stricter of rule and law.
 */
export interface BusinessRules {
  /** Days after the due date before the first reminder. */
  readonly firstReminderDaysAfterDue: number;
  /** Reminders before the pre-collection notice (0 = go straight to the notice). */
  readonly maxReminders: number;
  /** Days between two reminders, and from the last reminder to the notice. */
  readonly daysBetweenReminders: number;
  /** Whether reminders carry the statutory fee (only where the law allows it). */
  readonly chargeReminderFees: boolean;
  readonly channels: readonly NotificationChannel[];
  /** Invoices overdue longer than this are not taken in automatically. */
  readonly lookbackDays: number;
  /** Claims below this are not pursued automatically; null = no minimum. */
  readonly minimumAmount: Money | null;
  /** Nothing is sent while paused. */
  readonly paused: boolean;
  /** Never move to legal action; the case waits in collection for the creditor. */
  readonly stopBeforeLegal: boolean;
  /** Days in the amicable collection phase before legal action is proposed. */
  readonly legalAfterDaysInCollection: number;
  /** Days between re-checks of a debtor under surveillance. */
  readonly surveillanceIntervalDays: number;
  /**
   * Most instalments an operator may agree in one plan (agency practice, not law: no Nordic act caps it).
   * Default 12.
   */
  readonly maxInstalments: number;
  /**
   * Days after an instalment's due date before it counts as missed and the plan lapses (agency practice,
   * not law: it lets a transfer made on the due day arrive). Default 7.
   */
  readonly instalmentGraceDays: number;
}

/** Per-debtor exceptions to a creditor's rules. */
export interface DebtorRuleOverride extends Partial<BusinessRules> {
  /** Exclude this debtor from automation altogether. */
  readonly excluded?: boolean;
}

export const DEFAULT_BUSINESS_RULES: BusinessRules = {
  firstReminderDaysAfterDue: 7,
  maxReminders: 1,
  daysBetweenReminders: 10,
  chargeReminderFees: true,
  channels: ['letter', 'email'],
  lookbackDays: 365,
  minimumAmount: null,
  paused: false,
  stopBeforeLegal: false,
  legalAfterDaysInCollection: 90,
  surveillanceIntervalDays: 180,
  maxInstalments: 12,
  instalmentGraceDays: 7,
};

const DAY_FIELDS = [
  'firstReminderDaysAfterDue',
  'maxReminders',
  'daysBetweenReminders',
  'lookbackDays',
  'legalAfterDaysInCollection',
  'surveillanceIntervalDays',
  'instalmentGraceDays',
] as const;

/** Validates a full rule set; throws CollectkitInputError naming the field. */
export function assertBusinessRules(rules: BusinessRules, field = 'rules'): BusinessRules {
  for (const key of DAY_FIELDS) {
    const value = rules[key];
    if (!Number.isSafeInteger(value) || value < 0 || value > 3650) {
      throw new CollectkitInputError('invalid_argument', `${field}.${key}`, 'expected a whole number from 0 to 3650');
    }
  }
  if (rules.maxReminders > 10) {
    throw new CollectkitInputError('invalid_argument', `${field}.maxReminders`, 'at most 10 reminders');
  }
  if (rules.daysBetweenReminders < 1) {
    throw new CollectkitInputError('invalid_argument', `${field}.daysBetweenReminders`, 'must be at least 1 day');
  }
  if (!Number.isSafeInteger(rules.maxInstalments) || rules.maxInstalments < 1 || rules.maxInstalments > MAX_INSTALMENTS) {
    throw new CollectkitInputError('invalid_argument', `${field}.maxInstalments`, `expected a whole number from 1 to ${MAX_INSTALMENTS}`);
  }
  if (rules.surveillanceIntervalDays < 1) {
    throw new CollectkitInputError('invalid_argument', `${field}.surveillanceIntervalDays`, 'must be at least 1 day');
  }
  const channels = new Set(rules.channels);
  if (channels.size === 0 || [...channels].some((c) => c !== 'letter' && c !== 'email' && c !== 'sms')) {
    throw new CollectkitInputError('invalid_argument', `${field}.channels`, 'expected one or more of letter, email, sms');
  }
  if (rules.minimumAmount !== null) assertMoney(rules.minimumAmount, `${field}.minimumAmount`);
  return rules;
}

/** The creditor's rules with a debtor's overrides applied, validated. */
export function resolveBusinessRules(
  creditorRules: Partial<BusinessRules> = {},
  debtorOverride: DebtorRuleOverride = {},
): BusinessRules & { readonly excluded: boolean } {
  const { excluded = false, ...override } = debtorOverride;
  const merged = assertBusinessRules({ ...DEFAULT_BUSINESS_RULES, ...creditorRules, ...override });
  return { ...merged, excluded };
}
