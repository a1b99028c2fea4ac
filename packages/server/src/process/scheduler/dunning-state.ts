import { DEFAULT_BUSINESS_RULES, type CaseStage, type CurrencyCode, type DebtorType, type DunningCase, type IsoDate, type Money } from '@collectkit/sdk';
import { dunningInstalmentsOf } from '../instalment-plans/plan-events.js';
import type { SpecifiedFee } from '../notifications/claim-specification.js';
import type { FeeKind } from '../notifications/kinds.js';

/**
 * The case as the dunning machine sees it, derived from its events (DESIGN.md §3.5): which
 * reminders went out with which fee, when the notice was sent and collection started, whether the
 * creditor was asked for (and gave) approval of legal action. The stage and the unpaid principal
 * come from the case row, the projection that every event's writer keeps in step.
 *
 * Event types the scheduler writes (data in brackets):
 * - `reminder.sent` { number, on, fee: Money | null, deadline }
 * - `notice.sent` { on, payBy }
 * - `collection.started` { on }
 * - `legal_approval.requested` { on }; `legal.approved` is the creditor's (written elsewhere)
 * - `legal.started` { on }, `instalment.missed` { on, instalmentDueOn, planId }
 * - `surveillance.checked` { on, claim: { principal, fees, interest, paid, total } } (Money each: the claim that day)
 * - the plan itself and the payments since its agreement: instalment-plans/plan-events.ts
 * - `fee.added` { kind, on, amount: Money, invoice? } (read by store/payments.ts caseCosts; `invoice` on a per-invoice fee)
 * - `stage.changed` { from, to, reason, by: 'scheduler' }
 * - `notification.queued` { kind, channels, skipped }
 */
export interface DunningEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

interface DunningCaseSourceBase {
  readonly stage: CaseStage;
  readonly debtorType: DebtorType;
  readonly currency: CurrencyCode;
  /** cases.outstanding: principal still unpaid, minor units. */
  readonly outstanding: number;
  readonly events: readonly DunningEvent[];
  /** The creditor's rule instalmentGraceDays (agency practice); default the sdk's. */
  readonly instalmentGraceDays?: number;
}

/** The case's invoices, or only their firstDueDate (the scheduler's batch read computes it in SQL). */
export type DunningCaseSource = DunningCaseSourceBase &
  ({ readonly invoices: readonly { readonly due_date: IsoDate; readonly outstanding: number }[] } | { readonly firstDueDate: IsoDate | undefined });

/**
 * The due date the dunning steps count from: the earliest due date of the invoices still unpaid, or
 * of all of them once all are paid. scheduler-store.ts firstDueDatesOfCases computes the same in SQL.
 */
export function firstDueDate(invoices: readonly { readonly due_date: IsoDate; readonly outstanding: number }[]): IsoDate | undefined {
  const unpaid = invoices.filter((i) => i.outstanding > 0);
  return (unpaid.length > 0 ? unpaid : invoices).map((i) => i.due_date).sort()[0];
}

const onOf = (e: DunningEvent): IsoDate => e.data.on as IsoDate;

export function deriveDunningCase(source: DunningCaseSource): DunningCase {
  const { events } = source;
  const last = (type: string) => events.filter((e) => e.type === type).at(-1);
  return {
    stage: source.stage,
    debtorType: source.debtorType,
    dueDate: ('invoices' in source ? firstDueDate(source.invoices) : source.firstDueDate)!,
    outstanding: { amount: source.outstanding, currency: source.currency },
    reminders: events
      .filter((e) => e.type === 'reminder.sent')
      .map((e) => ({ sentOn: onOf(e), fee: (e.data.fee as Money | null | undefined) ?? null })),
    noticeSentOn: last('notice.sent') ? onOf(last('notice.sent')!) : null,
    collectionStartedOn: collectionStartedOn(events),
    legalApprovalRequestedOn: last('legal_approval.requested') ? onOf(last('legal_approval.requested')!) : null,
    legalApproved: events.some((e) => e.type === 'legal.approved'),
    lastSurveillanceCheckOn: last('surveillance.checked') ? onOf(last('surveillance.checked')!) : null,
    surveillanceStartedOn: surveillanceStartedOn(events),
    // Only for a case in a plan: the agreed schedule and the payments since, from the events already read.
    ...instalmentsOf(source),
  };
}

/**
 * The day the case (last) entered collection: `collection.started`, or the day a lapsed instalment plan
 * returned it there (`instalment.missed`) — the legal step's waiting time (legalAfterDaysInCollection)
 * counts from the return, so a lapse is not followed at once by a request for legal approval.
 */
function collectionStartedOn(events: readonly DunningEvent[]): IsoDate | null {
  const entered = events.filter((e) => (e.type === 'collection.started' || e.type === 'instalment.missed') && typeof e.data.on === 'string').map(onOf);
  return entered.length > 0 ? entered.reduce((a, b) => (b > a ? b : a)) : null;
}

/** The day of the last move into surveillance (`stage.changed` { to: 'surveillance', on }, case-stage.ts), or null. */
function surveillanceStartedOn(events: readonly DunningEvent[]): IsoDate | null {
  const moved = events.filter((e) => e.type === 'stage.changed' && e.data.to === 'surveillance' && typeof e.data.on === 'string').at(-1);
  return moved ? onOf(moved) : null;
}

function instalmentsOf(source: DunningCaseSource): Pick<DunningCase, 'instalments'> {
  const instalments = dunningInstalmentsOf(source.stage, source.events, source.instalmentGraceDays ?? DEFAULT_BUSINESS_RULES.instalmentGraceDays);
  return instalments ? { instalments } : {};
}

/** The fees the case carries, for the claim specification of its letters. */
export function feesOf(events: readonly DunningEvent[]): SpecifiedFee[] {
  return events
    .filter((e) => e.type === 'fee.added')
    .map((e) => ({ kind: e.data.kind as FeeKind, on: onOf(e), amount: e.data.amount as Money, ...(typeof e.data.invoice === 'string' ? { invoice: e.data.invoice } : {}) }));
}
