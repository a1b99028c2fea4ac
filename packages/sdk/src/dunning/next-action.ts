import { addDays, assertIsoDate, maxDate, type IsoDate } from '../calendar/index.js';
import type { DebtorType, LawPack } from '../law/types.js';
import { assertMoney, compareMoney, type Money } from '../money/index.js';
import type { BusinessRules } from './business-rules.js';
import { isFinalStage, type CaseStage } from './stages.js';

/** What the dunning machine needs to know of a case: derived from its events. */
export interface DunningCase {
  readonly stage: CaseStage;
  readonly debtorType: DebtorType;
  /** The earliest due date among the case's unpaid invoices. */
  readonly dueDate: IsoDate;
  /** Principal still unpaid. */
  readonly outstanding: Money;
  readonly reminders: readonly { readonly sentOn: IsoDate; readonly fee: Money | null }[];
  readonly noticeSentOn: IsoDate | null;
  readonly collectionStartedOn: IsoDate | null;
  readonly legalApprovalRequestedOn: IsoDate | null;
  readonly legalApproved: boolean;
  readonly lastSurveillanceCheckOn: IsoDate | null;
  /** The day the case last entered surveillance (an operator's move from legal), where known. */
  readonly surveillanceStartedOn?: IsoDate | null;
  /**
   * For cases in an instalment plan: its instalments in date order, whether the payments since the
   * agreement cover each (cumulatively, instalment-plan.ts instalmentPlanStatus) and the first day an
   * uncovered one counts as missed (due date + the creditor's grace days + 1; the day after the due
   * date when absent). Build it with dunningInstalments.
   */
  readonly instalments?: readonly { readonly dueOn: IsoDate; readonly paid: boolean; readonly missedOn?: IsoDate }[];
}

export type WaitReason =
  | 'final_stage'
  | 'paused'
  | 'excluded'
  | 'disputed'
  | 'below_minimum'
  | 'awaiting_legal_approval'
  | 'stop_before_legal'
  | 'awaiting_operator'
  | 'nothing_due';

export type DunningAction =
  | { readonly kind: 'send_reminder'; readonly on: IsoDate; readonly number: number; readonly fee: Money | null }
  | { readonly kind: 'send_notice'; readonly on: IsoDate; readonly payBy: IsoDate }
  | { readonly kind: 'start_collection'; readonly on: IsoDate }
  | { readonly kind: 'request_legal_approval'; readonly on: IsoDate }
  | { readonly kind: 'start_legal'; readonly on: IsoDate }
  | { readonly kind: 'surveillance_check'; readonly on: IsoDate }
  | { readonly kind: 'instalment_missed'; readonly on: IsoDate; readonly instalmentDueOn: IsoDate }
  | { readonly kind: 'wait'; readonly reason: WaitReason };

export interface NextActionInput {
  readonly dunningCase: DunningCase;
  readonly rules: BusinessRules & { readonly excluded?: boolean };
  /** The law pack of the debtor's jurisdiction. */
  readonly law: LawPack;
}

/**
 * The next step of a case and the day it falls due — a pure function of the case, the creditor's
 * rules and the debtor's law. The scheduler applies the action once `on` ≤ today and asks again.
 * Rules narrow the law, never widen it: a reminder carries a fee only while the law allows one
 * (how many, how far apart, how soon after the due date), and the notice gives at least the
 * statutory time to pay before collection starts.
 */
export function nextDunningAction({ dunningCase: c, rules, law }: NextActionInput): DunningAction {
  assertIsoDate(c.dueDate, 'dunningCase.dueDate');
  assertMoney(c.outstanding, 'dunningCase.outstanding');

  if (isFinalStage(c.stage) || c.stage === 'draft') return wait('final_stage');
  if (c.stage === 'disputed') return wait('disputed');
  if (rules.paused) return wait('paused');
  if (rules.excluded) return wait('excluded');
  if (c.outstanding.amount === 0) return wait('nothing_due');

  switch (c.stage) {
    case 'submitted':
    case 'reminder': {
      if (rules.minimumAmount && sameCurrency(rules.minimumAmount, c.outstanding) && compareMoney(c.outstanding, rules.minimumAmount) < 0) {
        return wait('below_minimum');
      }
      if (c.reminders.length < rules.maxReminders) return nextReminder(c, rules, law);
      return nextNotice(c, rules, law);
    }
    case 'notice': {
      const sentOn = c.noticeSentOn ?? c.dueDate;
      // inkassoloven § 10 (DK), inkassolagen 5 § (SE), inkassoloven § 9 (NO): no cost-adding step before the deadline.
      const payBy = addDays(sentOn, law.noticeRules(sentOn).value.minDaysToPay);
      return { kind: 'start_collection', on: addDays(payBy, 1) };
    }
    case 'collection': {
      if (rules.stopBeforeLegal) return wait('stop_before_legal');
      const started = c.collectionStartedOn ?? c.dueDate;
      const legalFrom = addDays(started, rules.legalAfterDaysInCollection);
      if (c.legalApproved) return { kind: 'start_legal', on: legalFrom };
      if (c.legalApprovalRequestedOn) return wait('awaiting_legal_approval');
      return { kind: 'request_legal_approval', on: legalFrom };
    }
    case 'instalment_plan': {
      const missed = c.instalments?.find((i) => !i.paid);
      // Every instalment paid, yet principal left: the interest of the plan period (instalment-plan.ts). The debtor's
      // receipt asks for it; the operator follows up.
      if (!missed) return wait(c.instalments && c.instalments.length > 0 ? 'awaiting_operator' : 'nothing_due');
      return { kind: 'instalment_missed', on: missed.missedOn ?? addDays(missed.dueOn, 1), instalmentDueOn: missed.dueOn };
    }
    case 'surveillance': {
      // Every surveillanceIntervalDays from the last re-check, or from the day the case entered surveillance
      // (a check from an earlier spell of surveillance does not make the first of a new one due at once).
      const since = [c.lastSurveillanceCheckOn, c.surveillanceStartedOn].filter((d): d is IsoDate => typeof d === 'string');
      const from = since.length > 0 ? since.reduce((a, b) => maxDate(a, b)) : (c.collectionStartedOn ?? c.dueDate);
      return { kind: 'surveillance_check', on: addDays(from, rules.surveillanceIntervalDays) };
    }
    default:
      // legal: the operator drives the court steps.
      return wait('awaiting_operator');
  }
}

function nextReminder(c: DunningCase, rules: BusinessRules, law: LawPack): DunningAction {
  const number = c.reminders.length + 1;
  const last = c.reminders[c.reminders.length - 1];
  let on = addDays(c.dueDate, rules.firstReminderDaysAfterDue);
  if (last) on = maxDate(on, addDays(last.sentOn, rules.daysBetweenReminders));

  const lawRules = law.reminderRules(on, c.debtorType).value;
  let fee: Money | null = null;
  const feeBearingSoFar = c.reminders.filter((r) => r.fee !== null && r.fee.amount > 0);
  const mayCharge =
    rules.chargeReminderFees &&
    lawRules.maxFee !== null &&
    lawRules.maxFee.currency === c.outstanding.currency &&
    (lawRules.maxFeeBearingReminders === null || feeBearingSoFar.length < lawRules.maxFeeBearingReminders);
  if (mayCharge) {
    // Wait until the law's earliest day and spacing are met so that the reminder may carry its fee
    // (e.g. renteloven § 9 b stk. 2: fee-bearing letters at least 10 days apart).
    if (lawRules.earliestDaysAfterDue !== null) on = maxDate(on, addDays(c.dueDate, lawRules.earliestDaysAfterDue));
    const lastFeeBearing = feeBearingSoFar[feeBearingSoFar.length - 1];
    if (lastFeeBearing && lawRules.minDaysBetweenFeeBearing !== null) {
      on = maxDate(on, addDays(lastFeeBearing.sentOn, lawRules.minDaysBetweenFeeBearing));
    }
    fee = law.reminderRules(on, c.debtorType).value.maxFee;
  } else if (lawRules.earliestDaysAfterDue !== null) {
    on = maxDate(on, addDays(c.dueDate, lawRules.earliestDaysAfterDue));
  }
  return { kind: 'send_reminder', on, number, fee };
}

function nextNotice(c: DunningCase, rules: BusinessRules, law: LawPack): DunningAction {
  const last = c.reminders[c.reminders.length - 1];
  const on = last ? addDays(last.sentOn, rules.daysBetweenReminders) : addDays(c.dueDate, rules.firstReminderDaysAfterDue);
  return { kind: 'send_notice', on, payBy: addDays(on, law.noticeRules(on).value.minDaysToPay) };
}

function sameCurrency(a: Money, b: Money): boolean {
  return a.currency === b.currency;
}

function wait(reason: WaitReason): DunningAction {
  return { kind: 'wait', reason };
}
