import type { IsoDate, ScheduledInstalment } from '@collectkit/sdk';
import type { CaseRow } from '../../store/cases.js';
import type { Queryable } from '../../store/database.js';
import type { NotificationChannel } from '../notifications/notification-outbox.js';
import { readAgencyProfile } from '../notifications/agency-profile.js';
import { specifyCaseClaim } from '../notifications/case-claim.js';
import { queueNotification, type QueuedNotifications } from '../notifications/queue-notification.js';
import { creditorName } from '../scheduler/scheduler-store.js';
import { feesOf, type DunningEvent } from '../scheduler/dunning-state.js';

/**
 * Queues the debtor's confirmation of an agreed plan (kind `instalment_plan_confirmation`), in the
 * caller's transaction: the schedule, the claim specified as the letters specify it (with the plan
 * fee, interest up to the agreement day), in the creditor's channels and the debtor's language. Call
 * it after the plan fee's `fee.added` event is written (`events` must include it).
 */
export async function queuePlanConfirmation(
  tx: Queryable,
  row: CaseRow,
  input: { planId: string; instalments: readonly ScheduledInstalment[]; events: readonly DunningEvent[]; channels: readonly NotificationChannel[]; today: IsoDate; at: Date },
  env: NodeJS.ProcessEnv = process.env,
): Promise<QueuedNotifications> {
  const [specification, name] = await Promise.all([
    specifyCaseClaim(tx, row, { fees: feesOf(input.events), interestUntil: input.today }),
    creditorName(tx, row.association_id, row.creditor_id),
  ]);
  return queueNotification(tx, {
    associationId: row.association_id,
    caseId: row.id,
    channels: input.channels,
    notification: {
      kind: 'instalment_plan_confirmation',
      date: input.today,
      agency: readAgencyProfile(env),
      creditorName: name,
      debtor: row.debtor,
      caseNumber: row.number,
      specification,
      deadline: input.instalments[0]?.dueOn ?? null,
      instalments: input.instalments.map((i) => ({ dueOn: i.dueOn, amount: i.amount })),
    },
    dedupeKey: `${row.id}:instalment_plan_confirmation:${input.planId}`,
    at: input.at,
  });
}
