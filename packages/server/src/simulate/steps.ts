import { formatMoney, type Money } from '@collectkit/sdk';
import { DEFAULT_TIME_ZONE, isoDateIn } from '../clock.js';
import type { Queryable } from '../store/database.js';
import { expect, type Api } from './api.js';

/**
 * What `simulate` prints: each case's steps from its events, as a person reads them. The same lines
 * whether the events come from the database (direct mode) or from the operator's case and events
 * API (a running server driven over HTTP).
 */

export interface StepEvent {
  id: string;
  type: string;
  /** When it was recorded, on the simulated clock. */
  at: string;
  data: Record<string, any>;
}

export interface CaseSteps {
  number: string;
  debtorName: string;
  events: StepEvent[];
}

/** The steps the scheduler records. */
const SCHEDULER_STEPS: Record<string, (d: Record<string, any>) => string> = {
  'reminder.sent': (d) => `reminder ${d.number}`,
  'notice.sent': (d) => `pre-collection notice, pay by ${d.payBy}`,
  'collection.started': () => 'collection started',
  'legal_approval.requested': () => 'legal action proposed: waits for the creditor\'s approval',
  'legal.started': () => 'legal action started',
  'surveillance.checked': () => 'surveillance re-check',
  'instalment.missed': (d) => `instalment of ${d.instalmentDueOn} missed: back to collection`,
};

/** Every event type a line is printed for (fee.added is added to the step's line). */
export const STEP_EVENT_TYPES: readonly string[] = [...Object.keys(SCHEDULER_STEPS), 'fee.added', 'payment.received', 'stage.changed', 'payout.created'];

const money = (value: Money) => formatMoney(value, 'en-GB');
const dayOf = (event: StepEvent) => isoDateIn(new Date(event.at), DEFAULT_TIME_ZONE);

function linesOf(event: StepEvent): string[] {
  const d = event.data;
  const step = SCHEDULER_STEPS[event.type];
  if (step) return [`${d.on}  ${step(d)}`];
  switch (event.type) {
    case 'payment.received': {
      const interest = d.interestAccrued as Money;
      return [
        ...(interest.amount > 0 ? [`${d.receivedOn}  interest to ${d.receivedOn}: ${money(interest)}`] : []),
        `${d.receivedOn}  payment ${money(d.amount)} (${String(d.method).replace(/_/g, ' ')}${d.reference ? `, reference ${d.reference}` : ''}): costs ${money(d.applied.costs)}, interest ${money(d.applied.interest)}, principal ${money(d.applied.principal)}`,
      ];
    }
    case 'stage.changed':
      // The other stage changes are the steps above; `paid` is what a payment did, paid_out what the payout did.
      return d.to === 'paid' ? [`${dayOf(event)}  paid: the claim is settled`] : [];
    case 'payout.created':
      return [
        `${dayOf(event)}  paid out: collected ${money(d.collected)}, kept by the agency ${money(d.keptByAgency)}, paid to the member ${money(d.paidToCreditor)}${d.invoiceNumber ? ` (agency invoice ${d.invoiceNumber})` : ''}`,
      ];
    default:
      return [];
  }
}

export function formatSteps(cases: readonly CaseSteps[]): string {
  const lines: string[] = [];
  for (const item of [...cases].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))) {
    const own: string[] = [];
    for (const event of item.events) {
      if (event.type === 'fee.added') {
        const last = own.length - 1;
        if (last < 0) continue;
        const fee = `${String(event.data.kind).replace(/_/g, ' ')} ${money(event.data.amount as Money)}`;
        own[last] = own[last]!.includes(' fee: ') ? `${own[last]}, ${fee}` : `${own[last]!.padEnd(72)} fee: ${fee}`;
        continue;
      }
      own.push(...linesOf(event).map((line) => `    ${line}`));
    }
    if (own.length > 0) lines.push(`  ${item.number}  ${item.debtorName}`, ...own);
  }
  return lines.length > 0 ? lines.join('\n') : '  (no case had a step due)';
}

/** The newest event id in the whole database: the run's steps are the events after it. */
export async function lastEventIdInDatabase(db: Queryable): Promise<string> {
  const [{ last }] = (await db.query<{ last: string }>('SELECT coalesce(max(id), 0)::text AS last FROM events')) as [{ last: string }];
  return last;
}

/** Every tenant's cases' steps after event `afterId`, read from the database (direct mode). */
export async function stepsFromDatabase(db: Queryable, afterId: string): Promise<CaseSteps[]> {
  const rows = await db.query<{ case_id: string; number: string; debtor_name: string; id: string; type: string; data: Record<string, any>; created_at: Date }>(
    `SELECT e.case_id, c.number, c.debtor->>'name' AS debtor_name, e.id::text AS id, e.type, e.data, e.created_at
       FROM events e JOIN cases c ON c.id = e.case_id
      WHERE e.id > $1::bigint AND e.type = ANY($2::text[])
      ORDER BY c.number, e.id`,
    [afterId, STEP_EVENT_TYPES],
  );
  const byCase = new Map<string, CaseSteps>();
  for (const row of rows) {
    let item = byCase.get(row.case_id);
    if (!item) byCase.set(row.case_id, (item = { number: row.number, debtorName: row.debtor_name, events: [] }));
    item.events.push({ id: row.id, type: row.type, at: row.created_at.toISOString(), data: row.data });
  }
  return [...byCase.values()];
}

interface CaseSummary {
  id: string;
  number: string;
  debtorName: string;
}

/** All cases the bearer sees (GET /v1/cases, every page). */
export async function listAllCases(api: Api, bearer: string): Promise<CaseSummary[]> {
  const all: CaseSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: CaseSummary[]; nextCursor: string | null } = expect(
      await api('GET', `/v1/cases?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { bearer }),
      200,
      'listing the cases',
    );
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** A case's events after `afterId` (GET /v1/cases/:id/events, every page). */
export async function caseEventsAfter(api: Api, bearer: string, caseId: string, afterId: string): Promise<StepEvent[]> {
  const events: StepEvent[] = [];
  let after = afterId;
  for (;;) {
    const page: { data: StepEvent[]; nextCursor: string | null } = expect(await api('GET', `/v1/cases/${caseId}/events?after=${after}&limit=100`, { bearer }), 200, `reading the events of case ${caseId}`);
    events.push(...page.data);
    if (page.data.length < 100 || !page.nextCursor) return events;
    after = page.nextCursor;
  }
}

/** The newest event id of the cases the bearer sees (event ids are one sequence for the whole database). */
export async function lastEventIdFromApi(api: Api, bearer: string): Promise<string> {
  let last = 0n;
  for (const item of await listAllCases(api, bearer)) {
    const events = await caseEventsAfter(api, bearer, item.id, '0');
    const id = events.at(-1)?.id;
    if (id !== undefined && BigInt(id) > last) last = BigInt(id);
  }
  return last.toString();
}

/** The steps after `afterId` of the cases the bearer sees, from the case and events API (over HTTP). */
export async function stepsFromApi(api: Api, bearer: string, afterId: string): Promise<CaseSteps[]> {
  const out: CaseSteps[] = [];
  for (const item of await listAllCases(api, bearer)) {
    const events = (await caseEventsAfter(api, bearer, item.id, afterId)).filter((event) => STEP_EVENT_TYPES.includes(event.type));
    if (events.length > 0) out.push({ number: item.number, debtorName: item.debtorName, events });
  }
  return out;
}
