import {
  dunningInstalments,
  instalmentPlanStatus,
  type CaseStage,
  type InstalmentInterval,
  type InstalmentPlan,
  type IsoDate,
  type Money,
  type PlanPayment,
  type ScheduledInstalment,
} from '@collectkit/sdk';
import type { DunningEvent } from '../scheduler/dunning-state.js';

/**
 * An instalment plan is kept as events on its case, not in a table of its own (DESIGN.md §3.5: the
 * case's status is derived from its events). The scheduler already reads every claimed case's events
 * in one batch query (scheduler-store.ts eventsOfCases), so knowing the plan and the payments since
 * its agreement costs it no query at all — and a case that is not in a plan pays nothing for plans.
 *
 * Events (data in brackets):
 * - `instalment_plan.proposed` { planId, on, count, firstDueOn, interval, total, planFee, instalments, by, note }
 * - `instalment_plan.cancelled` { planId, on, by, note }
 * - `instalment_plan.agreed` { planId, on, count, firstDueOn, interval, total, planFee, instalments, by, note }:
 *   the schedule rebuilt over the claim on the agreement day, which the debtor's confirmation shows
 * - `instalment.missed` { on, instalmentDueOn, planId } (the scheduler): the plan lapses
 * - `payment.received` { amount, receivedOn, … } (the payments route): those received on or after the
 *   agreement day count towards the instalments
 */

export interface PlanRecord {
  readonly id: string;
  readonly status: 'proposed' | 'cancelled' | 'agreed' | 'lapsed' | 'ended';
  readonly proposedOn: IsoDate;
  readonly agreedOn: IsoDate | null;
  readonly closedOn: IsoDate | null;
  readonly count: number;
  readonly firstDueOn: IsoDate;
  readonly interval: InstalmentInterval;
  readonly total: Money;
  readonly planFee: Money | null;
  readonly instalments: readonly ScheduledInstalment[];
}

/** Stages a running plan ends in when the operator moves the case there (a dispute pauses it, payment settles it). */
const ENDS_PLAN: readonly CaseStage[] = ['collection', 'legal', 'surveillance', 'withdrawn', 'written_off', 'closed'];

/** The case's latest plan or proposal, as its events tell it; null when it never had one. */
export function latestInstalmentPlan(events: readonly DunningEvent[]): PlanRecord | null {
  let plan: PlanRecord | null = null;
  for (const { type, data } of events) {
    if (type === 'instalment_plan.proposed') {
      plan = {
        id: data.planId as string,
        status: 'proposed',
        proposedOn: data.on as IsoDate,
        agreedOn: null,
        closedOn: null,
        count: data.count as number,
        firstDueOn: data.firstDueOn as IsoDate,
        interval: data.interval as InstalmentInterval,
        total: data.total as Money,
        planFee: (data.planFee as Money | null) ?? null,
        instalments: data.instalments as ScheduledInstalment[],
      };
      continue;
    }
    const current: PlanRecord | null = plan;
    if (current === null || (data.planId !== undefined && data.planId !== current.id)) continue;
    if (type === 'instalment_plan.cancelled' && current.status === 'proposed') {
      plan = { ...current, status: 'cancelled', closedOn: data.on as IsoDate };
    } else if (type === 'instalment_plan.agreed' && current.status === 'proposed') {
      plan = {
        ...current,
        status: 'agreed',
        agreedOn: data.on as IsoDate,
        total: data.total as Money,
        planFee: (data.planFee as Money | null) ?? null,
        instalments: data.instalments as ScheduledInstalment[],
      };
    } else if (type === 'instalment.missed' && current.status === 'agreed') {
      plan = { ...current, status: 'lapsed', closedOn: data.on as IsoDate };
    } else if (type === 'stage.changed' && current.status === 'agreed' && data.from === 'instalment_plan' && ENDS_PLAN.includes(data.to as CaseStage)) {
      plan = { ...current, status: 'ended', closedOn: (data.on as IsoDate | undefined) ?? null };
    }
  }
  return plan;
}

/** Every registered payment as the plan counts it: whole amount, day received. */
export function planPaymentsOf(events: readonly DunningEvent[]): PlanPayment[] {
  return events.filter((e) => e.type === 'payment.received').map((e) => ({ receivedOn: e.data.receivedOn as IsoDate, amount: e.data.amount as Money }));
}

const scheduleOf = (plan: PlanRecord) => ({ agreedOn: plan.agreedOn ?? plan.proposedOn, total: plan.total, interval: plan.interval, instalments: plan.instalments });

/**
 * DunningCase.instalments of a case in the `instalment_plan` stage: its running plan with the payments
 * since the agreement; undefined when the case is not in a plan (or has no agreed plan to follow).
 */
export function dunningInstalmentsOf(stage: CaseStage, events: readonly DunningEvent[], graceDays: number) {
  if (stage !== 'instalment_plan') return undefined;
  const plan = latestInstalmentPlan(events);
  if (!plan || plan.status !== 'agreed') return undefined;
  return dunningInstalments(scheduleOf(plan), planPaymentsOf(events), graceDays);
}

/** The plan as the API shows it (contract InstalmentPlanSchema), each instalment's state as of `today`. */
export function instalmentPlanView(caseId: string, caseStage: CaseStage, plan: PlanRecord, events: readonly DunningEvent[], today: IsoDate, graceDays: number): InstalmentPlan {
  // A proposal has no payments towards it yet: its instalments are all due.
  const payments = plan.agreedOn ? planPaymentsOf(events) : [];
  const status = instalmentPlanStatus(scheduleOf(plan), payments, today, graceDays);
  return {
    id: plan.id,
    caseId,
    status: plan.status === 'agreed' && status.complete ? 'completed' : plan.status,
    caseStage,
    proposedOn: plan.proposedOn,
    agreedOn: plan.agreedOn,
    closedOn: plan.closedOn,
    total: plan.total,
    planFee: plan.planFee,
    interval: plan.interval,
    graceDays,
    paid: status.paid,
    instalments: status.instalments.map((i) => ({ number: i.number, dueOn: i.dueOn, amount: i.amount, covered: i.covered, missedOn: i.missedOn, state: i.state })),
  };
}
