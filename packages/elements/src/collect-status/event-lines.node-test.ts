// The member's timeline lines (event-lines.ts) in all five languages, in Node: every event type the
// server writes gets a line of its own (not the raw type), amounts and dates come out through Intl,
// a `notification.queued` folds into its step's line, and a type this version does not know still shows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatMoney, type IsoDate, type Money } from '@collectkit/sdk';
import { CASE_EVENT_TYPES, eventLine, timelineLines, type EventLike, type LineFormat } from './event-lines.js';
import en from '../i18n/en.js';
import da from '../i18n/da.js';
import sv from '../i18n/sv.js';
import nb from '../i18n/nb.js';
import fi from '../i18n/fi.js';
import type { Messages } from '../i18n/catalogue.js';

const CATALOGUES: readonly Messages[] = [en, da, sv, nb, fi];

/** The formatting the element does through its LocalizeController, for one locale. */
function formatIn(locale: string): LineFormat {
  return {
    money: (value) => formatMoney(value, locale),
    date: (value) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T12:00:00Z`)),
    list: (items) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items),
  };
}

const dkk = (amount: number): Money => ({ amount, currency: 'DKK' });
const AT = '2026-03-03T08:00:00.000Z';

/** One event of each type with the data the server writes (packages/server: apply-action.ts, http/*, legal/, limitation/). */
const SAMPLES: Record<(typeof CASE_EVENT_TYPES)[number], Record<string, unknown>> = {
  'case.created': { number: '2026-000001', principal: dkk(1_000_000), invoiceCount: 1 },
  'invoices.added': { count: 2, numbers: ['F-2', 'F-3'], principalAdded: dkk(150_000) },
  'message.posted': { authorRole: 'operator' },
  'document.added': { filename: 'kontrakt.pdf', kind: 'contract' },
  'case.withdrawn': { from: 'reminder', to: 'withdrawn', fee: dkk(25_000) },
  'stage.changed': { from: 'reminder', to: 'notice', reason: 'send_notice', by: 'scheduler' },
  'payment.received': { amount: dkk(400_000), receivedOn: '2026-03-01', method: 'bank_transfer' },
  'payout.created': { paidToCreditor: dkk(350_000) },
  'reminder.sent': { number: 1, on: '2026-01-22', fee: dkk(10_000), deadline: '2026-02-01' },
  'notice.sent': { on: '2026-02-01', payBy: '2026-02-11' },
  'collection.started': { on: '2026-02-12' },
  'fee.added': { kind: 'compensation', on: '2026-02-12', amount: dkk(31_000), step: 'start_collection', invoice: 'F-1001' },
  'legal_approval.requested': { on: '2026-05-13' },
  'legal.approved': { on: '2026-05-14', estimate: { version: 'est_1', authority: 'fogedret', knownTotal: dkk(75_000), complete: false } },
  'legal.started': { on: '2026-05-20' },
  'legal.claim_file': { on: '2026-05-20', documentId: 'doc_1', kind: 'betalingspaakrav', authority: 'fogedret', language: 'da', total: dkk(1_123_456) },
  'legal.manual_preparation': { on: '2026-05-20', country: 'NO' },
  'legal.judgment': { on: '2026-06-30', reference: 'BS-123/2026', note: null },
  'debt.acknowledged': { on: '2026-02-20', note: null },
  'dispute.raised': { on: '2026-02-15', reason: 'The work was not done.', from: 'collection', to: 'disputed' },
  'dispute.resolved': { on: '2026-02-25', outcome: 'continue', from: 'disputed', to: 'collection' },
  'surveillance.checked': { on: '2026-12-01', claim: { principal: dkk(1_000_000), fees: dkk(41_000), interest: dkk(82_345), paid: dkk(0), total: dkk(1_123_345) } },
  'limitation.warning': { invoice: 'F-1001', date: '2029-01-15', start: '2026-01-15', on: '2028-10-17' },
  'limitation.passed': { invoice: 'F-1001', date: '2029-01-15', start: '2026-01-15', on: '2029-01-15' },
  'instalment_plan.proposed': { planId: 'ip_1', on: '2026-03-03', count: 3, firstDueOn: '2026-04-01', total: dkk(1_041_000) },
  'instalment_plan.agreed': { planId: 'ip_1', on: '2026-03-04', count: 3, firstDueOn: '2026-04-01', total: dkk(1_041_500) },
  'instalment_plan.cancelled': { planId: 'ip_1', on: '2026-03-04' },
  'instalment.missed': { on: '2026-04-09', instalmentDueOn: '2026-04-01', planId: 'ip_1' },
  'notification.queued': { kind: 'reminder', channels: ['letter', 'email'], skipped: ['sms'] },
};

const event = (type: string, data: Record<string, unknown>, id = '1', at = AT): EventLike => ({ id, type, at, data });

describe('collect-status event lines', () => {
  for (const t of CATALOGUES) {
    it(`${t.locale}: every event type the server writes has its own line, never the raw type or a missing value`, () => {
      const f = formatIn(t.locale);
      for (const type of CASE_EVENT_TYPES) {
        const line = eventLine(event(type, SAMPLES[type]), t, f);
        assert.notEqual(line, t.status.events.other(type), `${type} falls back to the raw type`);
        assert.ok(!line.includes(type), `${type}: "${line}" shows the type`);
        assert.doesNotMatch(line, /\bundefined\b|\bnull\b|\bNaN\b|\[object/, `${type}: "${line}"`);
        assert.ok(line.trim().length > 5, `${type}: "${line}"`);
      }
    });

    it(`${t.locale}: a type this version does not know still renders, as itself`, () => {
      const line = eventLine(event('robot.waved', { at: 'dawn' }), t, formatIn(t.locale));
      assert.equal(line, t.status.events.other('robot.waved'));
      assert.ok(line.includes('robot.waved'));
    });
  }

  it('da: the amounts and dates the member reads, worked by hand', () => {
    const f = formatIn('da');
    const line = (type: (typeof CASE_EVENT_TYPES)[number], data: Record<string, unknown> = SAMPLES[type]) => eventLine(event(type, data), da, f);
    // The compensation of DK renteloven § 9 a stk. 3 names its invoice: 310,00 kr. for F-1001.
    assert.equal(line('fee.added'), `Kompensation for forsinket betaling for faktura F-1001 lagt til kravet: ${formatMoney(dkk(31_000), 'da')}.`);
    assert.match(line('fee.added'), /310,00\s?kr\./);
    assert.equal(line('fee.added', { kind: 'reminder_fee', amount: dkk(10_000) }), `Rykkergebyr lagt til kravet: ${formatMoney(dkk(10_000), 'da')}.`);
    assert.match(line('surveillance.checked'), /^Overvågningen er gennemgået: skyldneren skylder 11\.233,45\s?kr\.\.?$/);
    assert.equal(line('instalment.missed'), `Raten med forfald ${f.date('2026-04-01')} blev ikke betalt: afdragsordningen er bortfaldet, og inkassoen fortsætter.`);
    assert.equal(line('notice.sent'), `Inkassovarslet blev sendt til skyldneren med betalingsfrist ${f.date('2026-02-11')}.`);
    assert.equal(line('payment.received'), `Skyldneren betalte ${formatMoney(dkk(400_000), 'da')} den ${f.date('2026-03-01')}.`);
    assert.equal(line('stage.changed'), 'Sagen gik videre til: Inkassovarsel sendt.');
    assert.equal(line('dispute.resolved', { outcome: 'write_off' }), 'Indsigelsen er afgjort: kravet er afskrevet.');
    // An older event without the amount: the line says what happened, without a hole.
    assert.equal(line('surveillance.checked', { on: '2026-12-01' }), 'Overvågningen er gennemgået.');
    assert.equal(line('case.withdrawn', { fee: null }), 'Sagen blev tilbagekaldt.');
  });

  it('sv: the fee of an instalment plan and a plan agreed, in Swedish', () => {
    const f = formatIn('sv');
    const sek = (amount: number): Money => ({ amount, currency: 'SEK' });
    assert.equal(eventLine(event('fee.added', { kind: 'instalment_plan_fee', amount: sek(17_000) }), sv, f), `Avgift för avbetalningsplan lades till kravet: ${formatMoney(sek(17_000), 'sv')}.`);
    assert.equal(
      eventLine(event('instalment_plan.agreed', { count: 3, total: sek(300_000), firstDueOn: '2026-04-01' }), sv, f),
      `Gäldenären godkände att betala ${formatMoney(sek(300_000), 'sv')} på 3 delbetalningar, den första förfaller ${f.date('2026-04-01')}.`,
    );
  });

  it('folds notification.queued into the line of the step that sent the letter (same moment), else shows it on its own', () => {
    const f = formatIn('da');
    const lines = timelineLines(
      [
        event('reminder.sent', SAMPLES['reminder.sent'], '1'),
        event('fee.added', { kind: 'reminder_fee', amount: dkk(10_000) }, '2'),
        event('stage.changed', { from: 'submitted', to: 'reminder' }, '3'),
        event('notification.queued', { kind: 'reminder', channels: ['letter', 'email'], skipped: [] }, '4'),
        // A notice with no address for any channel asked for: the member must see that nothing went out.
        event('notice.sent', SAMPLES['notice.sent'], '5', '2026-03-13T08:00:00.000Z'),
        event('notification.queued', { kind: 'pre_collection_notice', channels: [], skipped: ['email'] }, '6', '2026-03-13T08:00:00.000Z'),
        // A receipt queued by itself (no step of its kind at that moment): its own plain line.
        event('notification.queued', { kind: 'payment_receipt', channels: ['sms'] }, '7', '2026-03-20T08:00:00.000Z'),
      ],
      da,
      f,
    );
    assert.deepEqual(
      lines.map((l) => l.event.id),
      ['1', '2', '3', '5', '7'],
    );
    assert.equal(lines[0]!.text, `Rykker 1 blev sendt til skyldneren med betalingsfrist ${f.date('2026-02-01')}. Sendt pr. brev og e-mail.`);
    assert.equal(lines[3]!.text, `Inkassovarslet blev sendt til skyldneren med betalingsfrist ${f.date('2026-02-11')}. Ikke sendt: skyldneren har ingen adresse til de valgte kanaler.`);
    assert.equal(lines[4]!.text, 'Kvittering for betaling til skyldneren. Sendt pr. sms.');
  });

  it('never throws nor shows undefined, NaN or [object Object], whatever data an event carries', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9 æøå-]{0,10}$/).filter((s) => !/undefined|null|NaN|object/i.test(s));
    const value = fc.oneof(
      word,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.record({ amount: fc.oneof(fc.integer(), fc.double(), word), currency: fc.constantFrom('DKK', 'SEK', 'EUR', 'XXX', '', 7) }),
      fc.constantFrom<IsoDate | string>('2026-02-30', '2026-02-28', 'yesterday'),
      fc.array(fc.oneof(word, fc.constantFrom('letter', 'email', 'sms')), { maxLength: 3 }),
    );
    const data = fc.dictionary(
      fc.constantFrom('amount', 'fee', 'total', 'claim', 'estimate', 'kind', 'invoice', 'count', 'number', 'on', 'payBy', 'deadline', 'receivedOn', 'instalmentDueOn', 'firstDueOn', 'to', 'outcome', 'authority', 'channels', 'authorRole', 'filename', 'reference', 'date', 'principalAdded', 'paidToCreditor'),
      fc.oneof(value, fc.record({ total: value, knownTotal: value })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...CASE_EVENT_TYPES), data, fc.constantFrom(...CATALOGUES), (type, d, t) => {
        const [line] = timelineLines([event(type, d)], t, formatIn(t.locale)).map((l) => l.text);
        assert.ok(line && line.length > 0);
        assert.doesNotMatch(line, /undefined|NaN|\[object/);
      }),
    );
  });
});
