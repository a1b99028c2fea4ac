// <collect-status> following a case through the dunning process, in real Chromium against the real
// Collectkit server with simulated time (test/browser/collectkit-server.mjs `?clock=simulated`: its
// own server, so no other test sees the clock move). The operator moves the clock with POST
// /v1/simulation/advance and the scheduler sends the reminder, the notice and starts collection; the
// open case shows each step live, in Danish, with the fees the server added. Then the operator
// proposes and agrees an instalment plan and registers a payment: the member sees the schedule.
import { expect, fixture, html } from '@open-wc/testing';
import { CaseEventPageSchema, CaseSchema, formatMoney, type Case, type CaseEvent, type Money } from '@collectkit/sdk';
import './define.js';
import { advanceDays, memberSession, operatorClient, until as waitUntil, type TestConfig } from '../testing/browser-helpers.js';
import type { CollectStatus } from './collect-status.js';
import da from '../i18n/da.js';
import sv from '../i18n/sv.js';

let config: TestConfig;
let theCase: Case;
/** The server's today after the last simulated run. */
let today: string;

const session = memberSession(
  'process',
  (email) => ({
    company: { name: 'Proces Værksted ApS', country: 'DK', nationalId: '24256790' },
    address: { lines: ['Vej 3'], postalCode: '5000', city: 'Odense C', country: 'DK' },
    contact: { name: 'Per Proces', email },
    payoutAccount: { kind: 'iban', iban: 'DK5000400440116243' },
    accountingSystem: 'billy',
    consents: { terms: true, dataProcessing: true },
  }),
  { clock: 'simulated' },
);
const member = session.member;

function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return d.toISOString().slice(0, 10);
}

const dkkDa = (m: Money) => formatMoney(m, 'da');
const mediumDate = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

before(async () => {
  config = session.config();
  theCase = await member().request({
    method: 'POST',
    path: 'v1/cases',
    json: {
      debtor: {
        type: 'business',
        name: 'Sen Betaler ApS',
        country: 'DK',
        email: 'bogholderi@senbetaler.example',
        address: { lines: ['Gade 4'], postalCode: '8000', city: 'Aarhus C', country: 'DK' },
      },
      // Due 30 days ago: the first reminder is due at once (7 days after the due date, the default rule).
      invoices: [{ number: 'F-7001', issueDate: isoDaysAgo(44), dueDate: isoDaysAgo(30), amount: { amount: 1_000_000, currency: 'DKK' } }],
    },
    schema: CaseSchema,
  });
});

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const until = (check: () => boolean, what: string, ms = 15000) => waitUntil(check, what, ms, 20);
/** The timeline's line for an event, without its time stamp. */
const lineOf = (el: Element, id: string) => {
  const li = $(el, `.timeline li[data-event-id="${id}"]`);
  return li.textContent!.replace(li.querySelector('time')!.textContent!, '').trim();
};

/**
 * The line of event `id` becomes `expected`: the watch hands the events of one step over one by one,
 * so the letter's channels (its `notification.queued`) join the step's line a moment after it shows.
 */
async function expectLine(el: Element, id: string, expected: string): Promise<void> {
  await until(() => !!el.shadowRoot!.querySelector(`.timeline li[data-event-id="${id}"]`) && lineOf(el, id) === expected, `the line "${expected}"`).catch(() => undefined);
  expect(lineOf(el, id)).to.equal(expected);
}

async function events(): Promise<CaseEvent[]> {
  return (await member().request({ method: 'GET', path: `v1/cases/${theCase.id}/events`, query: { limit: 100 }, schema: CaseEventPageSchema })).data;
}

async function openIn(lang: string): Promise<CollectStatus> {
  const el = await fixture<CollectStatus>(html`<collect-status lang=${lang} publishable-key=${config.publishableKey} api-base=${config.apiBase} case-id=${theCase.id}></collect-status>`);
  await until(() => !!el.shadowRoot!.querySelector('#case-heading') && el.live, 'the case detail');
  await el.updateComplete;
  return el;
}

/** Waits until the open case shows an event of `type` (live, through the watch) and answers the server's event. */
async function shown(el: CollectStatus, type: string): Promise<CaseEvent> {
  await until(() => all(el, `.timeline li[data-event="${type}"]`).length > 0, `${type} in the timeline`);
  const found = (await events()).filter((e) => e.type === type).at(-1);
  expect(found, `the server has ${type}`).to.exist;
  await until(() => !!el.shadowRoot!.querySelector(`.timeline li[data-event-id="${found!.id}"]`), `${type} ${found!.id} shown`);
  return found!;
}

/**
 * `days` simulated days pass. The member's session lasts 14 days of the server's clock: it is renewed
 * first, so the open element keeps its sign-in (the next watch request carries the new cookie).
 */
async function simulate(days: number): Promise<void> {
  await session.renew();
  today = (await advanceDays(config, days)).today;
}

const feeEvents = async (kind: string) => (await events()).filter((e) => e.type === 'fee.added' && e.data['kind'] === kind);

describe('<collect-status> through the dunning process (simulated time)', function () {
  // Simulated days are quick, but each waits for the scheduler's run and the live watch.
  this.timeout(60_000);
  it('shows reminder, notice and collection live, each line in Danish with the fees the server added', async () => {
    const el = await openIn('da');
    expect(lineOf(el, (await events())[0]!.id)).to.equal(da.status.events.created);

    // Day 1: the reminder (renteloven § 9 b: a fee-bearing reminder), with its fee and the letter to the debtor.
    await simulate(1);
    const reminder = await shown(el, 'reminder.sent');
    await expectLine(el, reminder.id, 
      `Rykker 1 blev sendt til skyldneren med betalingsfrist ${mediumDate(String(reminder.data['deadline']), 'da')}. Sendt pr. brev og e-mail.`,
    );
    const [reminderFee] = await feeEvents('reminder_fee');
    expect(reminderFee, 'the reminder fee the DK pack allows').to.exist;
    const reminderFeeAmount = reminderFee!.data['amount'] as Money;
    expect(reminderFeeAmount.amount).to.be.above(0);
    await until(() => !!el.shadowRoot!.querySelector(`[data-event-id="${reminderFee!.id}"]`), 'the fee line');
    await expectLine(el, reminderFee!.id, `Rykkergebyr lagt til kravet: ${dkkDa(reminderFeeAmount)}.`);
    // The bookkeeping event is folded into the reminder's line, not a line of its own.
    expect(all(el, '.timeline li[data-event="notification.queued"]')).to.have.length(0);
    expect((await events()).some((e) => e.type === 'notification.queued')).to.equal(true);
    await until(() => $(el, 'dd[data-stage]').getAttribute('data-stage') === 'reminder', 'the reminder stage');

    // Day 11: the inkassovarsel (inkassoloven § 10: at least 10 days to pay).
    await simulate(10);
    const notice = await shown(el, 'notice.sent');
    await expectLine(el, notice.id, 
      `Inkassovarslet blev sendt til skyldneren med betalingsfrist ${mediumDate(String(notice.data['payBy']), 'da')}. Sendt pr. brev og e-mail.`,
    );

    // Day 22: the deadline has passed, collection starts with the collection fee and the compensation per invoice.
    await simulate(11);
    const collection = await shown(el, 'collection.started');
    await expectLine(el, collection.id, `${da.status.events.collectionStarted} Sendt pr. brev og e-mail.`);
    const [collectionFee] = await feeEvents('collection_fee');
    const [compensation] = await feeEvents('compensation');
    for (const fee of [collectionFee, compensation]) {
      expect(fee).to.exist;
      await until(() => !!el.shadowRoot!.querySelector(`[data-event-id="${fee!.id}"]`), `the ${String(fee!.data['kind'])} line`);
    }
    await expectLine(el, collectionFee!.id, `Inkassogebyr lagt til kravet: ${dkkDa(collectionFee!.data['amount'] as Money)}.`);
    // DK renteloven § 9 a stk. 3: one compensation per overdue invoice, naming it.
    expect(compensation!.data['invoice']).to.equal('F-7001');
    await expectLine(el, compensation!.id, `Kompensation for forsinket betaling for faktura F-7001 lagt til kravet: ${dkkDa(compensation!.data['amount'] as Money)}.`);
    await until(() => $(el, 'dd[data-stage]').getAttribute('data-stage') === 'collection', 'the collection stage');

    // Every line in Danish: none falls back to the raw event type.
    for (const li of all(el, '.timeline li')) {
      const type = li.getAttribute('data-event')!;
      expect(li.textContent, type).to.not.contain(type);
      expect(li.textContent, type).to.not.contain(da.status.events.other(type));
    }
    await expect(el).to.be.accessible();
  });

  it('shows the instalment plan the operator proposes and the debtor agrees to, and a payment towards it, as a table', async () => {
    const el = await openIn('da');
    expect(el.shadowRoot!.querySelector('[part="instalment-plan"]')).to.equal(null, 'no plan yet');
    await new Promise((r) => setTimeout(r, 300)); // the watch is waiting on the server

    const operator = await operatorClient(config);
    const firstDueOn = new Date(Date.parse(`${today}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const proposed = await operator.instalmentPlans.propose(theCase.id, { count: 3, firstDueOn });
    await until(() => $(el, '[part="instalment-plan"]')?.getAttribute('data-plan-status') === 'proposed', 'the proposal');
    const proposal = await shown(el, 'instalment_plan.proposed');
    await expectLine(el, proposal.id, 
      `Der er foreslået en afdragsordning: ${dkkDa(proposed.total)} i 3 rater, den første med forfald ${mediumDate(firstDueOn, 'da')}.`,
    );
    expect($(el, '[data-plan-summary]').textContent).to.contain(da.status.plan.statuses.proposed);

    const agreed = await operator.instalmentPlans.agree(theCase.id);
    await until(() => $(el, '[part="instalment-plan"]')?.getAttribute('data-plan-status') === 'agreed', 'the agreed plan');
    await until(() => $(el, 'dd[data-stage]').getAttribute('data-stage') === 'instalment_plan', 'the plan stage');
    const agreement = await shown(el, 'instalment_plan.agreed');
    await expectLine(el, agreement.id, 
      `Skyldneren har accepteret at betale ${dkkDa(agreed.total)} i 3 rater, den første med forfald ${mediumDate(firstDueOn, 'da')}. Sendt pr. brev og e-mail.`,
    );

    // The schedule: number, due date, amount and state of each instalment, as the API has them.
    const rows = all(el, '[data-plan-schedule] tbody tr');
    expect(rows).to.have.length(3);
    agreed.instalments.forEach((instalment, i) => {
      const cells = [...rows[i]!.children].map((c) => c.textContent!.trim());
      expect(cells).to.deep.equal([String(instalment.number), mediumDate(instalment.dueOn, 'da'), dkkDa(instalment.amount), da.status.plan.states.due]);
    });
    // The instalments add up to the plan's total, to the øre.
    expect(agreed.instalments.reduce((sum, i) => sum + i.amount.amount, 0)).to.equal(agreed.total.amount);
    expect($(el, '[data-plan-schedule] caption').textContent!.trim()).to.equal(da.status.plan.caption);
    expect(all(el, '[data-plan-schedule] thead th').every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    await expect(el).to.be.accessible();

    // The debtor pays the first instalment: the payment shows with its amount, and the row turns paid.
    const first = agreed.instalments[0]!;
    await operator.request({ method: 'POST', path: `v1/cases/${theCase.id}/payments`, json: { amount: first.amount, receivedOn: today, method: 'bank_transfer' } });
    await until(() => $(el, '[data-plan-schedule] tr[data-instalment="1"]').getAttribute('data-state') === 'paid', 'the first instalment paid');
    expect($(el, '[data-plan-schedule] tr[data-instalment="1"]').textContent).to.contain(da.status.plan.states.paid);
    expect($(el, '[data-plan-schedule] tr[data-instalment="2"]').getAttribute('data-state')).to.equal('due');
    const payment = await shown(el, 'payment.received');
    await expectLine(el, payment.id, `Skyldneren betalte ${dkkDa(first.amount)} den ${mediumDate(today, 'da')}.`);
    expect($(el, '[data-plan-paid]').textContent!.trim()).to.equal(da.status.plan.paidSoFar(dkkDa(first.amount)));
    await expect(el).to.be.accessible();
  });

  it('speaks Swedish: the same case’s lines and schedule from the sv catalogue', async () => {
    const el = await openIn('sv');
    const list = await events();
    const reminder = list.find((e) => e.type === 'reminder.sent')!;
    await expectLine(el, reminder.id, 
      `Påminnelse 1 skickades till gäldenären med sista betalningsdag ${mediumDate(String(reminder.data['deadline']), 'sv')}. Skickat per brev och e-post.`,
    );
    const compensation = list.find((e) => e.type === 'fee.added' && e.data['kind'] === 'compensation')!;
    await expectLine(el, compensation.id, `Förseningsersättning för faktura F-7001 lades till kravet: ${formatMoney(compensation.data['amount'] as Money, 'sv')}.`);
    expect($(el, '#plan-title').textContent!.trim()).to.equal(sv.status.plan.title);
    expect($(el, '[data-plan-schedule] tr[data-instalment="1"]').textContent).to.contain(sv.status.plan.states.paid);
    await expect(el).to.be.accessible();
  });
});
