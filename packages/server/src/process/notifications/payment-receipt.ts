import { addDays, type IsoDate, type Money } from '@collectkit/sdk';
import { storedRulesFor } from '../../store/business-rules.js';
import type { CaseRow } from '../../store/cases.js';
import type { Queryable } from '../../store/database.js';
import { creditorName } from '../scheduler/scheduler-store.js';
import { feesOf } from '../scheduler/dunning-state.js';
import { readAgencyProfile } from './agency-profile.js';
import { specifyCaseClaim } from './case-claim.js';
import { queueNotification, type QueuedNotifications } from './queue-notification.js';

/** Days to pay what a partial payment left, as the scheduler's collection letter gives by default (not statutory). */
const RECEIPT_DAYS_TO_PAY_REST = 10;

/**
 * Queues the debtor's receipt for a registered payment (issue 5 §4–5), in the caller's transaction:
 * what was received and what is still owed, specified as the letters specify it (invoices, fees,
 * interest up to the payment day, payments so far), in the creditor's channels for this debtor. Call
 * it after the payment row is written, so that the specification counts it. One receipt per payment.
 */
export async function queuePaymentReceipt(
  tx: Queryable,
  row: CaseRow,
  payment: { id: string; amount: Money; receivedOn: IsoDate },
  at: Date,
  today: IsoDate,
  env: NodeJS.ProcessEnv = process.env,
): Promise<QueuedNotifications> {
  const [events, rules, name] = await Promise.all([
    tx.query<{ type: string; data: Record<string, unknown> }>(`SELECT type, data FROM events WHERE association_id = $1 AND case_id = $2 AND type = 'fee.added' ORDER BY id`, [row.association_id, row.id]),
    storedRulesFor(tx, row),
    creditorName(tx, row.association_id, row.creditor_id),
  ]);
  const specification = await specifyCaseClaim(tx, row, { fees: feesOf(events), interestUntil: payment.receivedOn });
  return queueNotification(tx, {
    associationId: row.association_id,
    caseId: row.id,
    channels: rules.channels,
    notification: {
      kind: 'payment_receipt',
      date: today,
      agency: readAgencyProfile(env),
      creditorName: name,
      debtor: row.debtor,
      caseNumber: row.number,
      specification,
      // The rest is asked for within the days a collection letter gives (agency practice, not statutory); none once settled.
      deadline: specification.total.amount > 0 ? addDays(today, RECEIPT_DAYS_TO_PAY_REST) : null,
      payment: { paidOn: payment.receivedOn, amount: payment.amount },
    },
    dedupeKey: `${row.id}:payment_receipt:${payment.id}`,
    at,
  });
}
