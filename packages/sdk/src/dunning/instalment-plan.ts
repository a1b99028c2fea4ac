import { addDays, addMonths, assertIsoDate, type IsoDate } from '../calendar/index.js';
import { CollectkitInputError } from '../errors.js';
import type { DebtorType, LawPack } from '../law/types.js';
import { allocateMoney, assertMoney, type Money } from '../money/index.js';

/**
 * Instalment plans (DESIGN.md §4, issue 5 §3): a debtor who cannot pay in full agrees to pay the
 * claim in parts on fixed days. Pure functions: the schedule, which instalments the payments cover,
 * which one is missed, and the statutory fee for the plan.
 *
 * What a plan covers: the claim as it stands on the agreement day — unpaid principal, fees (with the
 * plan fee itself) and the late interest accrued up to that day. Late interest keeps running on the
 * principal not yet paid while the plan runs (the ledger accrues it and allocates each payment to
 * costs, interest and principal in the order of the debtor's law), so after the last instalment a
 * small remainder — the interest of the plan period — is still owed. The plan does not hide it: the
 * receipt of the last instalment states it with a deadline, and the case stays in `instalment_plan`
 * until a payment settles it (the payments flow then moves it to `paid`) or the operator moves it on.
 */

/** Every `every` calendar months from the first due date (31 Jan → 28 Feb → 31 Mar), or every `every` days. */
export interface InstalmentInterval {
  readonly unit: 'month' | 'day';
  readonly every: number;
}

export interface ScheduledInstalment {
  /** 1, 2, 3 … */
  readonly number: number;
  readonly dueOn: IsoDate;
  readonly amount: Money;
}

export interface InstalmentSchedule {
  /** The day the plan was built for: its total is the claim on that day. */
  readonly agreedOn: IsoDate;
  readonly total: Money;
  readonly interval: InstalmentInterval;
  readonly instalments: readonly ScheduledInstalment[];
}

export interface InstalmentScheduleInput {
  /** The claim on the agreement day (principal + fees + interest accrued so far), minor units. */
  readonly total: Money;
  readonly agreedOn: IsoDate;
  readonly count: number;
  /** On or after the agreement day. */
  readonly firstDueOn: IsoDate;
  readonly interval: InstalmentInterval;
  /** No instalment may be smaller than this (agency practice); null or absent = no minimum beyond one minor unit. */
  readonly minimumInstalment?: Money | null;
}

/** The most instalments any plan may have, whatever a creditor's rules say (20 years monthly). */
export const MAX_INSTALMENTS = 240;

/**
 * Splits `total` into `count` instalments with the sdk's allocateMoney (dinero's allocate): the parts
 * always add up to the total to the minor unit; they differ by at most one minor unit, the larger
 * ones first. Due dates run from `firstDueOn`: each monthly date is counted from the first one (so a
 * plan starting on the 31st falls on each month's last day when the month is shorter), never chained.
 * Throws CollectkitInputError naming the field: count (not 1–240, more than the total's minor units,
 * or instalments below the minimum), firstDueOn (before the agreement day), interval, total.
 */
export function buildInstalmentSchedule(input: InstalmentScheduleInput): InstalmentSchedule {
  const total = assertMoney(input.total, 'total');
  const agreedOn = assertIsoDate(input.agreedOn, 'agreedOn');
  const firstDueOn = assertIsoDate(input.firstDueOn, 'firstDueOn');
  const { count, interval } = input;
  if (total.amount <= 0) throw new CollectkitInputError('invalid_amount', 'total.amount', 'there is nothing to pay in instalments');
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_INSTALMENTS) {
    throw new CollectkitInputError('invalid_argument', 'count', `expected a whole number of instalments from 1 to ${MAX_INSTALMENTS}`);
  }
  if (count > total.amount) throw new CollectkitInputError('invalid_argument', 'count', `more instalments than minor units in ${total.amount}`);
  if (firstDueOn < agreedOn) throw new CollectkitInputError('invalid_argument', 'firstDueOn', `must be on or after the agreement day ${agreedOn}`);
  if (interval?.unit !== 'month' && interval?.unit !== 'day') throw new CollectkitInputError('invalid_argument', 'interval.unit', "expected 'month' or 'day'");
  const maxEvery = interval.unit === 'month' ? 12 : 366;
  if (!Number.isSafeInteger(interval.every) || interval.every < 1 || interval.every > maxEvery) {
    throw new CollectkitInputError('invalid_argument', 'interval.every', `expected a whole number from 1 to ${maxEvery}`);
  }
  const minimum = input.minimumInstalment ?? null;
  if (minimum !== null) {
    assertMoney(minimum, 'minimumInstalment');
    if (minimum.currency !== total.currency) throw new CollectkitInputError('currency_mismatch', 'minimumInstalment.currency', `expected ${total.currency}`);
    // The smallest part allocate makes is the floor of total / count.
    if (Math.floor(total.amount / count) < minimum.amount) {
      const most = Math.max(1, Math.floor(total.amount / Math.max(1, minimum.amount)));
      throw new CollectkitInputError('invalid_argument', 'count', `instalments would be below the minimum of ${minimum.amount} minor units: at most ${most} instalments`);
    }
  }
  const amounts = allocateMoney(total, Array.from({ length: count }, () => 1));
  const instalments = amounts.map((amount, index) => ({
    number: index + 1,
    dueOn: interval.unit === 'month' ? addMonths(firstDueOn, index * interval.every) : addDays(firstDueOn, index * interval.every),
    amount,
  }));
  return { agreedOn, total, interval: { unit: interval.unit, every: interval.every }, instalments };
}

/** A debtor payment as the plan counts it: the whole amount received, whatever the ledger allocated it to. */
export interface PlanPayment {
  readonly receivedOn: IsoDate;
  readonly amount: Money;
}

export type InstalmentState = 'paid' | 'due' | 'missed';

export interface InstalmentStatus extends ScheduledInstalment {
  /** What of this instalment the payments cover (cumulative payments beyond the earlier instalments). */
  readonly covered: Money;
  /** The first day the instalment counts as missed if it is not covered: due date + grace + 1. */
  readonly missedOn: IsoDate;
  readonly state: InstalmentState;
}

export interface PlanStatus {
  readonly instalments: readonly InstalmentStatus[];
  /** Payments received since the agreement day up to `asOf`. */
  readonly paid: Money;
  /** The first missed instalment, or null. */
  readonly missed: InstalmentStatus | null;
  /** Every instalment covered. */
  readonly complete: boolean;
}

/**
 * Which instalments the payments cover as of `asOf`: payments received from the agreement day up to
 * `asOf` are summed, and instalment k is paid once that sum reaches the total due through k (a debtor
 * may pay ahead, or pay two instalments at once). An instalment not covered counts as missed from
 * the day after its grace period (`graceDays` after its due date, agency practice, not law); a debtor
 * who catches up before that day keeps the plan.
 */
export function instalmentPlanStatus(schedule: InstalmentSchedule, payments: readonly PlanPayment[], asOf: IsoDate, graceDays: number): PlanStatus {
  assertIsoDate(asOf, 'asOf');
  if (!Number.isSafeInteger(graceDays) || graceDays < 0) throw new CollectkitInputError('invalid_argument', 'graceDays', 'expected a whole number of days ≥ 0');
  const { currency } = schedule.total;
  let paid = 0;
  payments.forEach((p, index) => {
    const amount = assertMoney(p.amount, `payments[${index}].amount`);
    if (amount.currency !== currency) throw new CollectkitInputError('currency_mismatch', `payments[${index}].amount.currency`, `expected ${currency}`);
    if (p.receivedOn >= schedule.agreedOn && p.receivedOn <= asOf) paid += amount.amount;
  });
  let dueThrough = 0;
  const instalments = schedule.instalments.map((instalment): InstalmentStatus => {
    const before = dueThrough;
    dueThrough += instalment.amount.amount;
    const covered = Math.min(instalment.amount.amount, Math.max(0, paid - before));
    const missedOn = addDays(instalment.dueOn, graceDays + 1);
    const state: InstalmentState = paid >= dueThrough ? 'paid' : asOf >= missedOn ? 'missed' : 'due';
    return { ...instalment, covered: { amount: covered, currency }, missedOn, state };
  });
  return {
    instalments,
    paid: { amount: paid, currency },
    missed: instalments.find((i) => i.state === 'missed') ?? null,
    complete: instalments.every((i) => i.state === 'paid'),
  };
}

/**
 * The plan as the dunning machine sees it (DunningCase.instalments): each instalment, whether the
 * payments so far cover it, and the day it counts as missed. All payments given count (the scheduler
 * only has those registered, none dated in the future).
 */
export function dunningInstalments(
  schedule: InstalmentSchedule,
  payments: readonly PlanPayment[],
  graceDays: number,
): { readonly dueOn: IsoDate; readonly paid: boolean; readonly missedOn: IsoDate }[] {
  const latest = payments.reduce<IsoDate>((max, p) => (p.receivedOn > max ? p.receivedOn : max), schedule.agreedOn);
  return instalmentPlanStatus(schedule, payments, latest, graceDays).instalments.map((i) => ({ dueOn: i.dueOn, paid: i.state === 'paid', missedOn: i.missedOn }));
}

/**
 * The plan fee to add when a plan is agreed, in the claim's currency, or null for none.
 *
 * SE: Lag (1981:739) 4 §, SEK 170 for an amorteringsplan. For a business debtor the förseningsersättning
 * of 4 a § (SEK 450) "replaces the reminder, collection and plan fees up to SEK 450": it is a combined
 * ceiling, so where the case already carries compensation, only what lifts the combined total — the
 * larger of SEK 450 and the sum of the other fees — above its previous value is added:
 * `max(450, others + 170) − max(450, others)`, where `others + compensation = max(450, others)` before.
 * DK, NO, FI: the law packs know no plan fee (RULES.md names none): null.
 */
export function planFeeToCharge(input: {
  readonly law: LawPack;
  readonly debtorType: DebtorType;
  readonly on: IsoDate;
  readonly currency: Money['currency'];
  /** Fees the case carries already other than compensation (reminder, notice, collection, earlier plan fees), minor units. */
  readonly otherFees: number;
  /** Compensation (förseningsersättning, kompensationsbeløb …) the case carries already, minor units. */
  readonly compensation: number;
}): Money | null {
  const fee = input.law.instalmentPlanFee(input.debtorType, input.on);
  // A fee in another currency than the claim's is not converted: none is added (as in the scheduler's steps).
  if (!fee || fee.amount === 0 || fee.currency !== input.currency) return null;
  const compensation = input.law.compensationFee(input.debtorType, input.on);
  if (input.law.country === 'SE' && compensation && input.compensation > 0) {
    const before = input.otherFees + input.compensation;
    const after = Math.max(compensation.amount, input.otherFees + fee.amount);
    const add = Math.max(0, after - before);
    return add > 0 ? { amount: add, currency: fee.currency } : null;
  }
  return fee;
}
