import {
  addDays,
  canTransition,
  debtorCountry,
  isCollectkitInputError,
  type BusinessRules,
  type CaseStage,
  type CurrencyCode,
  type DunningAction,
  type IsoDate,
  type LawPack,
  type Money,
} from '@collectkit/sdk';
import type { Queryable } from '../../store/database.js';
import { appendEvent } from '../../store/events.js';
import { updateCase, type CaseInvoiceRow, type CaseRow } from '../../store/cases.js';
import { enqueueWebhooks } from '../../store/webhooks.js';
import type { AgencyProfile } from '../notifications/agency-profile.js';
import { specifyCaseClaim } from '../notifications/case-claim.js';
import type { SpecifiedFee } from '../notifications/claim-specification.js';
import type { FeeKind, NotificationKind } from '../notifications/kinds.js';
import { queueNotification } from '../notifications/queue-notification.js';
import { generateClaimFile } from '../legal/claim-file-store.js';
import { limitationEventsDue } from '../limitation/limitation-events.js';
import { feesOf, type DunningEvent } from './dunning-state.js';
import { latestInstalmentPlan } from '../instalment-plans/plan-events.js';

export interface ApplyContext {
  readonly agency: AgencyProfile;
  readonly creditorName: string;
  readonly rules: BusinessRules;
  /** The debtor's law pack; the scheduler only runs cases that have one. */
  readonly law: LawPack;
  /** Days the debtor is given to pay a collection letter (agency practice, not a statutory period). */
  readonly collectionLetterDaysToPay: number;
  readonly now: Date;
  readonly today: IsoDate;
}

type DueAction = Exclude<DunningAction, { kind: 'wait' }>;

/**
 * Carries out one due action on a locked case, in the caller's transaction: the stage change, the
 * events saying what happened (with the fees the step adds, each within the debtor's law), the
 * debtor's notifications in the creditor's channels, and a `case.updated` webhook. The action is
 * recorded as taken today, which may be later than the day it first fell due.
 */
export async function applyDunningAction(
  tx: Queryable,
  row: CaseRow,
  invoices: readonly CaseInvoiceRow[],
  events: readonly DunningEvent[],
  action: DueAction,
  ctx: ApplyContext,
): Promise<CaseRow> {
  const { today, now, law } = ctx;
  const currency = row.currency as CurrencyCode;
  const debtorType = row.debtor.type;
  const scope = { associationId: row.association_id };
  const event = (type: string, data: Record<string, unknown>) => appendEvent(tx, { associationId: row.association_id, caseId: row.id, type, data, at: now });
  const newFees: SpecifiedFee[] = [];
  const addFee = (kind: FeeKind, amount: Money | null, invoice?: string) => {
    // A fee in another currency than the claim's (a Danish debtor invoiced in EUR) is not converted: it is left out.
    if (amount && amount.amount > 0 && amount.currency === currency) newFees.push({ kind, on: today, amount, ...(invoice !== undefined ? { invoice } : {}) });
  };

  let stage: CaseStage | undefined;
  let notification: { kind: NotificationKind; deadline: IsoDate; reminderNumber?: number } | undefined;
  const stepData: Record<string, unknown> = { on: today };

  switch (action.kind) {
    case 'send_reminder': {
      if (row.stage !== 'reminder') stage = 'reminder';
      addFee('reminder_fee', action.fee);
      const deadline = addDays(today, ctx.rules.daysBetweenReminders);
      await event('reminder.sent', { number: action.number, on: today, fee: newFees[0]?.amount ?? null, deadline });
      notification = { kind: 'reminder', deadline, reminderNumber: action.number };
      break;
    }
    case 'send_notice': {
      stage = 'notice';
      // SE: inkassokrav fee (Lag 1981:739 4 §), where the pack has one; DK and NO packs have none for the notice.
      addFee('notice_fee', law.noticeRules(today).value.maxFee);
      // The deadline counts from the day the notice is actually sent (inkassoloven § 10: ≥ 10 days from sending).
      const payBy = addDays(today, law.noticeRules(today).value.minDaysToPay);
      await event('notice.sent', { on: today, payBy });
      notification = { kind: 'pre_collection_notice', deadline: payBy };
      break;
    }
    case 'start_collection': {
      stage = 'collection';
      const principal: Money = { amount: row.outstanding, currency };
      let feeCapKnown = true;
      if (principal.currency === law.currency) {
        // The cap for the claim's size (DK: Bilag 1 to BEK 601/2002 as amended by BEK 476/2016, RULES.md §3) is the
        // most the debtor pays for collection in all, so a fee the notice already carried (SE inkassokrav, NO
        // inkassovarsel) counts against it. Where the pack knows no cap (NO), no collection fee is added: never a guess.
        const cap = collectionFeeCap(law, principal, today, debtorType);
        feeCapKnown = cap !== null;
        if (cap) {
          const noticeFees = feesOf(events).filter((f) => f.kind === 'notice_fee').reduce((sum, f) => sum + f.amount.amount, 0);
          addFee('collection_fee', { amount: Math.max(0, cap.amount - noticeFees), currency: cap.currency });
        }
        const compensation = law.compensationFee(debtorType, today);
        if (compensation) {
          if (law.country === 'SE') {
            // Lag 1981:739 4 a §: förseningsersättning replaces the reminder, collection and plan fees up to SEK 450 —
            // only what exceeds the fees already charged is added (M: read as a combined ceiling).
            const charged = [...feesOf(events), ...newFees].reduce((sum, f) => sum + f.amount.amount, 0);
            addFee('compensation', { amount: Math.max(0, compensation.amount - charged), currency: compensation.currency });
          } else if (law.country === 'DK' || law.country === 'FI') {
            // One per overdue unpaid invoice: DK renteloven § 9 a stk. 3 ("One per overdue invoice", RULES.md §3, M),
            // FI perintälaki 10 e § ("per late invoice", KKO 2023:39, H); cf. 2011/7/EU art. 6 "per late payment"
            // (C-370/21). Each fee names its invoice, so the specification shows which invoice carries it.
            for (const invoice of invoices) {
              if (invoice.outstanding > 0 && invoice.due_date < today) addFee('compensation', compensation, invoice.number);
            }
          } else {
            // NO forsinkelsesrenteloven § 3a: RULES.md §3 gives the amount, not whether it is due per invoice: once
            // per case — never more than the law allows.
            addFee('compensation', compensation);
          }
        }
      }
      await event('collection.started', { on: today, ...(feeCapKnown ? {} : { collectionFeeCapUnknown: true }) });
      notification = { kind: 'collection_letter', deadline: addDays(today, ctx.collectionLetterDaysToPay) };
      break;
    }
    case 'request_legal_approval':
      await event('legal_approval.requested', stepData);
      break;
    case 'start_legal': {
      stage = 'legal';
      // The filing: an event that interrupts limitation (limitation/limitation-events.ts).
      await event('legal.started', stepData);
      // DK betalingspåkrav / SE betalningsföreläggande: the claim file, stored as a case document (legal/claim-file.ts).
      const claimFile = await generateClaimFile(tx, row, { agency: ctx.agency, now, today, by: 'scheduler', law });
      if (!claimFile) {
        await event('legal.manual_preparation', { on: today, country: debtorCountry(row.debtor), reason: 'Collectkit prepares no claim file for this country: the legal step is prepared by hand.' });
      }
      break;
    }
    case 'surveillance_check':
      // The re-check's event `surveillance.checked` { on, claim } is written below, once the claim is computed.
      notification = { kind: 'surveillance_statement', deadline: addDays(today, ctx.collectionLetterDaysToPay) };
      break;
    case 'instalment_missed':
      // The plan lapses: the whole remaining claim is due again and collection resumes (agency practice, told to the
      // debtor in the plan's confirmation). No fee: the steps already taken carried theirs.
      stage = 'collection';
      await event('instalment.missed', { on: today, instalmentDueOn: action.instalmentDueOn, planId: latestInstalmentPlan(events)?.id ?? null });
      notification = { kind: 'instalment_plan_lapsed', deadline: addDays(today, ctx.collectionLetterDaysToPay) };
      break;
  }

  for (const fee of newFees) {
    await event('fee.added', { kind: fee.kind, on: fee.on, amount: fee.amount, step: action.kind, ...(fee.invoice !== undefined ? { invoice: fee.invoice } : {}) });
  }
  if (stage && stage !== row.stage && !canTransition(row.stage, stage)) {
    throw new Error(`dunning: ${action.kind} cannot move case ${row.id} from ${row.stage} to ${stage}`);
  }
  const updated = (await updateCase(tx, scope, row.id, stage && stage !== row.stage ? { stage } : {}, now))!;
  if (stage && stage !== row.stage) {
    await event('stage.changed', { from: row.stage, to: stage, reason: action.kind, by: 'scheduler' });
  }

  if (notification) {
    const specification = await specifyCaseClaim(tx, row, { fees: [...feesOf(events), ...newFees], interestUntil: today, law, invoices });
    if (action.kind === 'surveillance_check') {
      // The claim as of the re-check (issue 5 §3): principal, fees, interest accrued to today, less what was paid.
      const { principal, feesTotal: fees, interestTotal: interest, paidTotal: paid, total } = specification;
      await event('surveillance.checked', { on: today, claim: { principal, fees, interest, paid, total } });
      // And the limitation check (limitation-events.ts) for the case now, not only at the job's next round.
      const checked = [...events, { type: 'surveillance.checked', data: { on: today } }];
      for (const due of limitationEventsDue({ law, debtorType, invoices, events: checked, today })) await event(due.type, { ...due.data });
    }
    const queued = await queueNotification(tx, {
      associationId: row.association_id,
      caseId: row.id,
      channels: ctx.rules.channels,
      notification: {
        kind: notification.kind,
        date: today,
        agency: ctx.agency,
        creditorName: ctx.creditorName,
        debtor: row.debtor,
        caseNumber: row.number,
        specification,
        deadline: notification.deadline,
        ...(notification.reminderNumber !== undefined ? { reminderNumber: notification.reminderNumber } : {}),
      },
      dedupeKey: `${row.id}:${action.kind}:${notification.reminderNumber ?? 0}:${today}`,
      at: now,
    });
    await event('notification.queued', { kind: notification.kind, channels: queued.queued.map((q) => q.channel), skipped: queued.skipped });
  }

  await enqueueWebhooks(tx, {
    associationId: row.association_id,
    creditorId: row.creditor_id,
    type: 'case.updated',
    data: { caseId: row.id, change: action.kind, stage: updated.stage, version: updated.version },
    at: now,
  });
  return updated;
}

function collectionFeeCap(law: LawPack, claim: Money, on: IsoDate, debtorType: 'business' | 'consumer'): Money | null {
  try {
    return law.collectionFeeCap(claim, on, debtorType);
  } catch (error) {
    if (isCollectkitInputError(error) && error.code === 'law_data_missing') return null;
    throw error;
  }
}
