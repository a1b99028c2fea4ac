// The elements on the association's site with the API on ANOTHER SITE, in real Chromium against a real
// Collectkit server built with `crossSiteSessions: true` (test/browser/collectkit-server.mjs
// `?sessions=cross-site`): the page is http://localhost:<wtr port>, the API http://127.0.0.1:<port>, as
// www.forening.dk and api.inkasso.dk would be. The member's cookie is SameSite=None; Secure; Partitioned
// (Chromium takes Secure over http from loopback, and keeps the cookie in the page's partition). Nothing
// is mocked: the member signs in through the element's form, the cookie rides along on the element's
// cross-site requests, a message posted with it from the allowed origin passes the Origin (CSRF) check,
// and sign-out ends the session.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CaseMessageListSchema, CaseSchema, createClient, type Case, type EnrolmentRequest } from '@collectkit/sdk';
import '../collect-status/define.js';
import { MEMBER_PASSWORD, enrolMember, readTestConfig, until, type TestConfig } from '../testing/browser-helpers.js';
import type { CollectStatus } from '../collect-status/collect-status.js';
import type { CollectChangeDetail } from '../events.js';
import da from '../i18n/da.js';

let config: TestConfig;
let email: string;
/** The enrolment's session, sent as a bearer token (no cookie): the test's own view of what was stored. */
let token: string;
let submitted: Case;

const enrolment = (address: string): EnrolmentRequest => ({
  company: { name: 'Tværs Værksted ApS', country: 'DK', nationalId: '24256790' },
  address: { lines: ['Vej 3'], postalCode: '5000', city: 'Odense C', country: 'DK' },
  contact: { name: 'Tove Tværs', email: address },
  payoutAccount: { kind: 'iban', iban: 'DK5000400440116243' },
  accountingSystem: 'billy',
  consents: { terms: true, dataProcessing: true },
});

function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return d.toISOString().slice(0, 10);
}

/** The browser's own view of the cross-site API: the session cookie, if it holds one. */
const browser = () => createClient({ apiBase: config.apiBase, publishableKey: config.publishableKey, credentials: 'include' });
const byToken = () => createClient({ apiBase: config.apiBase, token, credentials: 'omit' });

/** Whether `promise` fails as unauthenticated (the API's 401). */
async function refusedAsSignedOut(promise: Promise<unknown>): Promise<boolean> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return (error as { kind?: string } | null)?.kind === 'authentication';
}

before(async function () {
  // The cross-site server starts on first use: a PGlite migration, some seconds.
  this.timeout(60_000);
  config = await readTestConfig('cross-site');
  // Two different sites, not just two ports: a SameSite=Lax cookie would not ride along here.
  expect(location.hostname).to.equal('localhost');
  expect(new URL(config.apiBase).hostname).to.equal('127.0.0.1');
  email = `xsite-${crypto.randomUUID().slice(0, 8)}@example.com`;
  // Without cookies: the member exists, but this browser is not signed in as them.
  ({ token } = await enrolMember(createClient({ apiBase: config.apiBase, publishableKey: config.publishableKey, credentials: 'omit' }), enrolment(email)));
  submitted = await byToken().request({
    method: 'POST',
    path: 'v1/cases',
    json: {
      debtor: { type: 'business', name: 'Fjern Kunde A/S', country: 'DK', address: { lines: ['Gade 4'], postalCode: '8000', city: 'Aarhus C', country: 'DK' } },
      invoices: [{ number: 'XS-1', issueDate: isoDaysAgo(60), dueDate: isoDaysAgo(30), amount: { amount: 420_000, currency: 'DKK' } }],
    },
    schema: CaseSchema,
  });
});

// A test that fails half-way must not leave the partitioned cookie behind (cookies ignore ports: the shared
// server's "not signed in on 127.0.0.1" test would then send it, though that server does not know it).
after(async () => {
  if (config && !(await refusedAsSignedOut(browser().me.get()))) await browser().sessions.deleteCurrent();
});

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const live = (el: Element) => $(el, '[part="live-region"]').textContent!.trim();
const EMAIL = '#f-signIn-email';
const PASSWORD = '#f-signIn-password';

describe('the elements on another site than the API (crossSiteSessions)', () => {
  it('signs in through <collect-status>, lists the member’s cases, stores a message from the case view and signs out — all on the cross-site cookie', async function () {
    // Sign-in, list, case view, message, live watch and sign-out in one go: more than one form's round trip.
    this.timeout(30_000);
    expect(await refusedAsSignedOut(browser().me.get())).to.equal(true, 'not signed in before the form');
    const el = await fixture<CollectStatus>(html`<collect-status lang="da" publishable-key=${config.publishableKey} api-base=${config.apiBase}></collect-status>`);
    await until(() => !!el.shadowRoot!.querySelector(EMAIL), 'the sign-in form');
    await el.updateComplete;

    $(el, EMAIL).focus();
    await sendKeys({ type: email });
    $(el, PASSWORD).focus();
    await sendKeys({ type: MEMBER_PASSWORD });
    const signedIn = oneEvent(el, 'collect-change');
    await sendKeys({ press: 'Enter' });
    expect(((await signedIn) as CustomEvent<CollectChangeDetail>).detail).to.deep.equal({ field: 'session', value: 'member' });
    // The list is a separate GET after the sign-in: it is the member's only because the cookie rode along.
    await until(() => el.items !== null, 'the list after signing in', 10_000);
    await el.updateComplete;
    expect(el.items!.map((c) => c.id)).to.deep.equal([submitted.id]);
    expect($(el, `tr[data-case="${submitted.id}"]`).textContent).to.contain('Fjern Kunde A/S').and.contain(da.status.stages.submitted);
    expect((await browser().me.get()).user.email).to.equal(email, 'the browser holds the session for the other site');

    // The case view: its live watch reads with the cookie, and the message is a cookie-borne POST from
    // http://localhost:<port>, the association's allowed origin, so the Origin check lets it through.
    $<HTMLButtonElement>(el, `[data-open="${submitted.id}"]`).click();
    await until(() => !!el.shadowRoot!.querySelector('#case-heading') && el.live, 'the case detail', 10_000);
    await el.updateComplete;
    $(el, '#message').focus();
    await sendKeys({ type: 'Skrevet på foreningens side, gemt på API’et.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => all(el, '.messages li').length === 1, 'the message in the list', 10_000);
    expect($(el, '.messages li').textContent).to.contain(da.status.you).and.contain('gemt på API’et');
    const stored = await byToken().request({ method: 'GET', path: `v1/cases/${submitted.id}/messages`, schema: CaseMessageListSchema });
    expect(stored.data.map((m) => m.body)).to.deep.equal(['Skrevet på foreningens side, gemt på API’et.']);
    await until(() => all(el, '.timeline li[data-event="message.posted"]').length === 1, 'the message in the timeline (the live watch)', 10_000);

    // Sign out: a cookie-borne DELETE, also through the Origin check; the session ends on the server.
    const signedOut = oneEvent(el, 'collect-change');
    $<HTMLButtonElement>(el, '#sign-out').click();
    expect(((await signedOut) as CustomEvent<CollectChangeDetail>).detail).to.deep.equal({ field: 'session', value: null });
    await until(() => !!el.shadowRoot!.querySelector(EMAIL), 'the sign-in form again');
    await until(() => live(el) === da.signIn.signedOut, 'the announced sign-out');
    expect(el.items).to.equal(null);
    expect(await refusedAsSignedOut(browser().me.get())).to.equal(true, 'signed out on the server');
  });

  it('the contrast: the run’s default server (SameSite=Lax) on 127.0.0.1 signs the same kind of member in, but the browser keeps no session', async () => {
    const shared = await readTestConfig();
    const apiBase = shared.apiBase.replace('//localhost:', '//127.0.0.1:');
    expect(apiBase).to.not.equal(shared.apiBase);
    const address = `xsite-lax-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await enrolMember(createClient({ apiBase, publishableKey: shared.publishableKey, credentials: 'omit' }), enrolment(address));
    const client = createClient({ apiBase, publishableKey: shared.publishableKey, credentials: 'include' });
    // The server answers 201 and sets its cookie; Chromium drops a Lax cookie on a cross-site fetch.
    await client.sessions.create({ email: address, password: MEMBER_PASSWORD });
    expect(await refusedAsSignedOut(client.me.get())).to.equal(true);
  });
});
