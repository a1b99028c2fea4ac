import { SUPPORTED_CURRENCIES, isIsoDate, type CaseStage, type IsoDate, type Money } from '@collectkit/sdk';
import type { Messages } from '../i18n/catalogue.js';

/**
 * The member's timeline: one localized line per case event (GET /v1/cases/{id}/events returns every
 * event of the case to the member, so every type the server writes has a line here). Pure: the
 * catalogue and Intl formatters come in, text goes out, so it is tested in Node for all five
 * languages (event-lines.node-test.ts).
 *
 * `notification.queued` is bookkeeping: the server writes it right after the step that sent the
 * debtor a letter, e-mail or SMS (same transaction, same `at`). It is folded into that step's line
 * ("… Sent by letter and e-mail.") instead of a line of its own that would repeat the step; only one
 * that follows no step it belongs to gets its own plain line. A type this version does not know (a
 * newer server) still shows, as `events.other(type)`.
 */

/** Every case event type the server writes (packages/server: scheduler/apply-action.ts, http/*, legal/, limitation/). */
export const CASE_EVENT_TYPES = [
  'case.created',
  'invoices.added',
  'message.posted',
  'document.added',
  'case.withdrawn',
  'stage.changed',
  'payment.received',
  'payout.created',
  'reminder.sent',
  'notice.sent',
  'collection.started',
  'fee.added',
  'legal_approval.requested',
  'legal.approved',
  'legal.started',
  'legal.claim_file',
  'legal.manual_preparation',
  'legal.judgment',
  'debt.acknowledged',
  'dispute.raised',
  'dispute.resolved',
  'surveillance.checked',
  'limitation.warning',
  'limitation.passed',
  'instalment_plan.proposed',
  'instalment_plan.agreed',
  'instalment_plan.cancelled',
  'instalment.missed',
  'notification.queued',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** The event types after which the instalment plan may have changed (a payment counts towards it). */
export const PLAN_EVENT_TYPES: readonly string[] = ['instalment_plan.proposed', 'instalment_plan.agreed', 'instalment_plan.cancelled', 'instalment.missed', 'payment.received', 'stage.changed'];

/** What a line needs formatted in the element's language (LocalizeController in the element). */
export interface LineFormat {
  money(value: Money): string;
  date(value: IsoDate): string;
  /** "letter and e-mail", "brev og e-mail". */
  list(items: readonly string[]): string;
}

export interface EventLike {
  readonly id: string;
  readonly type: string;
  readonly at: string;
  readonly data: Record<string, unknown>;
}

export interface TimelineLine {
  readonly event: EventLike;
  readonly text: string;
}

type Events = Messages['status']['events'];
type Data = Record<string, unknown>;

// --- reading event data defensively: an event is stored JSON, and an older event may lack a field ----

const moneyOf = (value: unknown): Money | null => {
  const m = value as Partial<Money> | null | undefined;
  return m && typeof m === 'object' && Number.isSafeInteger(m.amount) && (SUPPORTED_CURRENCIES as readonly unknown[]).includes(m.currency) ? (m as Money) : null;
};
const textOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const dateOf = (value: unknown): IsoDate | null => (typeof value === 'string' && isIsoDate(value) ? value : null);
const countOf = (value: unknown, fallback: number): number => (Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : fallback);
const keyOf = <K extends string>(table: Readonly<Record<K, string>>, value: unknown): K | null =>
  typeof value === 'string' && Object.hasOwn(table, value) ? (value as K) : null;

/** The notification kind → the step whose line it is folded into (apply-action.ts and instalment-plans.ts write them in this order). */
const STEP_OF_NOTIFICATION: Readonly<Record<string, CaseEventType>> = {
  reminder: 'reminder.sent',
  pre_collection_notice: 'notice.sent',
  collection_letter: 'collection.started',
  instalment_plan_confirmation: 'instalment_plan.agreed',
  instalment_plan_lapsed: 'instalment.missed',
  surveillance_statement: 'surveillance.checked',
};

type LineOf = (data: Data, e: Events, f: LineFormat, stages: Messages['status']['stages']) => string;

const money = (f: LineFormat, value: unknown) => {
  const m = moneyOf(value);
  return m ? f.money(m) : null;
};
const date = (f: LineFormat, value: unknown) => {
  const d = dateOf(value);
  return d ? f.date(d) : null;
};

/** One line per known type: a type added to CASE_EVENT_TYPES without a line here fails type-checking. */
const LINES: Readonly<Record<CaseEventType, LineOf>> = {
  'case.created': (_, e) => e.created,
  'invoices.added': (d, e, f) => e.invoicesAdded(countOf(d['count'], 1), money(f, d['principalAdded'])),
  'message.posted': (d, e) => (d['authorRole'] === 'operator' ? e.messageFromHandler : e.messageFromYou),
  'document.added': (d, e) => e.documentAdded(textOf(d['filename']) ?? '–'),
  'case.withdrawn': (d, e, f) => e.withdrawn(money(f, d['fee'])),
  'stage.changed': (d, e, _, stages) => {
    const to = d['to'];
    return e.stageChanged(keyOf(stages, to) ? stages[to as CaseStage] : (textOf(to) ?? '–'));
  },
  'payment.received': (d, e, f) => e.paymentReceived(money(f, d['amount']) ?? '–', date(f, d['receivedOn'])),
  'payout.created': (d, e, f) => e.payoutCreated(money(f, d['paidToCreditor']) ?? '–'),
  'reminder.sent': (d, e, f) => e.reminderSent(countOf(d['number'], 1), date(f, d['deadline'])),
  'notice.sent': (d, e, f) => e.noticeSent(date(f, d['payBy'])),
  'collection.started': (_, e) => e.collectionStarted,
  'fee.added': (d, e, f) => {
    const kind = keyOf(e.feeKinds, d['kind']);
    return e.feeAdded(kind ? e.feeKinds[kind] : e.otherFee, money(f, d['amount']) ?? '–', textOf(d['invoice']));
  },
  'legal_approval.requested': (_, e) => e.legalApprovalRequested,
  'legal.approved': (d, e, f) => {
    const estimate = d['estimate'] as Data | null | undefined;
    return e.legalApproved(estimate && typeof estimate === 'object' ? money(f, estimate['knownTotal']) : null);
  },
  'legal.started': (_, e) => e.legalStarted,
  'legal.claim_file': (d, e, f) => {
    const authority = keyOf(e.authorities, d['authority']);
    return e.claimFile(authority ? e.authorities[authority] : null, money(f, d['total']));
  },
  'legal.manual_preparation': (_, e) => e.legalManualPreparation,
  'legal.judgment': (d, e, f) => e.judgment(date(f, d['on']), textOf(d['reference'])),
  'debt.acknowledged': (d, e, f) => e.debtAcknowledged(date(f, d['on'])),
  'dispute.raised': (_, e) => e.disputeRaised,
  'dispute.resolved': (d, e) => {
    const outcome = keyOf(e.disputeResolved, d['outcome']);
    return outcome ? e.disputeResolved[outcome] : e.disputeResolvedOther;
  },
  'surveillance.checked': (d, e, f) => {
    const claim = d['claim'] as Data | null | undefined;
    return e.surveillanceChecked(claim && typeof claim === 'object' ? money(f, claim['total']) : null);
  },
  'limitation.warning': (d, e, f) => e.limitationWarning(textOf(d['invoice']) ?? '–', date(f, d['date']) ?? '–'),
  'limitation.passed': (d, e, f) => e.limitationPassed(textOf(d['invoice']) ?? '–', date(f, d['date']) ?? '–'),
  'instalment_plan.proposed': (d, e, f) => e.planProposed(countOf(d['count'], 1), money(f, d['total']) ?? '–', date(f, d['firstDueOn']) ?? '–'),
  'instalment_plan.agreed': (d, e, f) => e.planAgreed(countOf(d['count'], 1), money(f, d['total']) ?? '–', date(f, d['firstDueOn']) ?? '–'),
  'instalment_plan.cancelled': (_, e) => e.planCancelled,
  'instalment.missed': (d, e, f) => e.instalmentMissed(date(f, d['instalmentDueOn']) ?? '–'),
  'notification.queued': (d, e, f) => {
    const kind = keyOf(e.letters, d['kind']);
    return `${e.notificationQueued(kind ? e.letters[kind] : e.otherLetter)} ${channelsOf(d, e, f)}`;
  },
};

/** "Sent by letter and e-mail.", or that nothing could be sent (the debtor has no address for any channel asked for). */
function channelsOf(data: Data, e: Events, f: LineFormat): string {
  const channels = Array.isArray(data['channels']) ? data['channels'] : [];
  const names = channels.map((c) => (keyOf(e.channels, c) ? e.channels[c as keyof Events['channels']] : textOf(c))).filter((n): n is string => n !== null);
  return names.length > 0 ? e.sentBy(f.list(names)) : e.notSent;
}

const isKnown = (type: string): type is CaseEventType => Object.hasOwn(LINES, type);

/** The line for one event, on its own (a `notification.queued` included). */
export function eventLine(event: Pick<EventLike, 'type' | 'data'>, t: Messages, f: LineFormat): string {
  const e = t.status.events;
  const data = event.data && typeof event.data === 'object' ? event.data : {};
  return isKnown(event.type) ? LINES[event.type](data, e, f, t.status.stages) : e.other(event.type);
}

/**
 * The timeline's lines, oldest first: every event its line, except a `notification.queued` that
 * belongs to an earlier step of the same moment, which adds "Sent by …." to that step's line.
 */
export function timelineLines(events: readonly EventLike[], t: Messages, f: LineFormat): TimelineLine[] {
  const e = t.status.events;
  const lines: { event: EventLike; text: string }[] = [];
  for (const event of events) {
    if (event.type === 'notification.queued') {
      const step = STEP_OF_NOTIFICATION[String(event.data['kind'])];
      let owner: { event: EventLike; text: string } | undefined;
      for (let i = lines.length - 1; step && i >= 0 && lines[i]!.event.at === event.at; i--) {
        if (lines[i]!.event.type === step) {
          owner = lines[i];
          break;
        }
      }
      if (owner) {
        owner.text = `${owner.text} ${channelsOf(event.data, e, f)}`;
        continue;
      }
    }
    lines.push({ event, text: eventLine(event, t, f) });
  }
  return lines;
}
