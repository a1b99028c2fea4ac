// The member sign-in of <collect-status> and <collect-case> in real Chromium against the real
// Collectkit server of the test run: a member enrolled through the API (without cookies) signs in
// with the keyboard, is refused with a wrong password, signs out, asks for a reset link, and is
// rate limited; nothing is mocked.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type EnrolmentRequest } from '@collectkit/sdk';
import '../collect-status/define.js';
import '../collect-case/define.js';
import { MEMBER_PASSWORD, deepActive, enrolMember, readTestConfig, until, type TestConfig } from '../testing/browser-helpers.js';
import type { CollectStatus } from '../collect-status/collect-status.js';
import type { CollectCase } from '../collect-case/collect-case.js';
import type { CollectChangeDetail, CollectErrorDetail } from '../events.js';
import da from '../i18n/da.js';
import fi from '../i18n/fi.js';
import sv from '../i18n/sv.js';

let config: TestConfig;
let email: string;

const enrolment = (address: string): EnrolmentRequest => ({
  company: { name: 'Login Værksted ApS', country: 'DK', nationalId: '24256790' },
  address: { lines: ['Vej 9'], postalCode: '5000', city: 'Odense C', country: 'DK' },
  contact: { name: 'Lone Login', email: address },
  payoutAccount: { kind: 'iban', iban: 'DK5000400440116243' },
  accountingSystem: 'billy',
  consents: { terms: true, dataProcessing: true },
});

/** The browser's own view of the API: the session cookie, if there is one. */
const browser = () => createClient({ apiBase: config.apiBase, publishableKey: config.publishableKey, credentials: 'include' });

/** Ends whatever session the browser holds (an earlier file's member, or this file's). */
async function signOutBrowser(): Promise<void> {
  const me = await browser().me.get().catch(() => null);
  if (me) await browser().sessions.deleteCurrent();
  document.cookie = 'collectkit_session=; path=/; Max-Age=0';
}

before(async () => {
  config = await readTestConfig();
  await signOutBrowser();
  email = `signin-${crypto.randomUUID().slice(0, 8)}@example.com`;
  // Without cookies: the member exists, but this browser is not signed in as them.
  await enrolMember(createClient({ apiBase: config.apiBase, publishableKey: config.publishableKey, credentials: 'omit' }), enrolment(email));
});

after(signOutBrowser);

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const live = (el: Element) => $(el, '[part="live-region"]').textContent!.trim();
const EMAIL = '#f-signIn-email';
const PASSWORD = '#f-signIn-password';

async function signInForm<T extends HTMLElement & { updateComplete: Promise<unknown> }>(el: T): Promise<T> {
  await until(() => !!el.shadowRoot!.querySelector(EMAIL), 'the sign-in form');
  await el.updateComplete;
  return el;
}

const mountStatus = (lang: string) =>
  fixture<CollectStatus>(html`<collect-status lang=${lang} publishable-key=${config.publishableKey} api-base=${config.apiBase}></collect-status>`).then(signInForm);
const mountCase = (lang: string) =>
  fixture<CollectCase>(html`<collect-case lang=${lang} publishable-key=${config.publishableKey} api-base=${config.apiBase}></collect-case>`).then(signInForm);

describe('signing in and out of <collect-status> and <collect-case>', () => {
  it('signs a member in with the keyboard alone: a wrong password is refused on the field and announced, the right one loads the cases; sign-out ends the session', async () => {
    const el = await mountStatus('da');
    expect($(el, '#signin-heading').textContent!.trim()).to.equal(da.signIn.heading);
    expect($(el, `label[for="f-signIn-email"]`).textContent!.trim()).to.equal(da.signIn.email);
    expect($<HTMLInputElement>(el, PASSWORD).type).to.equal('password');
    expect($<HTMLInputElement>(el, PASSWORD).autocomplete).to.equal('current-password');
    expect(el.items).to.equal(null);
    await expect(el).to.be.accessible();

    // Keyboard only: e-mail, Tab, a wrong password, Enter.
    $(el, EMAIL).focus();
    await sendKeys({ type: email });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, PASSWORD));
    await sendKeys({ type: 'forkert kodeord' });
    const refused = oneEvent(el, 'collect-error');
    await sendKeys({ press: 'Enter' });
    expect(((await refused) as CustomEvent<CollectErrorDetail>).detail.code).to.equal('unauthorized');
    await until(() => live(el) === da.signIn.wrongCredentials, 'the announced refusal');
    await el.updateComplete;
    const password = $<HTMLInputElement>(el, PASSWORD);
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${password.getAttribute('aria-describedby')}`).textContent!.trim()).to.equal(da.signIn.wrongCredentials);
    expect(deepActive()).to.equal(password);
    expect(password.value).to.equal('', 'the wrong password is cleared');
    await expect(el).to.be.accessible();

    // The same words for an address without an account: nothing tells whether the e-mail exists.
    const unknown = await mountStatus('da');
    $(unknown, EMAIL).focus();
    await sendKeys({ type: 'nobody-here@example.com' });
    $(unknown, PASSWORD).focus();
    await sendKeys({ type: 'forkert kodeord' });
    await sendKeys({ press: 'Enter' });
    await until(() => live(unknown) === da.signIn.wrongCredentials, 'the same refusal for an unknown address');
    unknown.remove();

    password.focus();
    await sendKeys({ type: MEMBER_PASSWORD });
    const signedIn = oneEvent(el, 'collect-change');
    await sendKeys({ press: 'Enter' });
    expect(((await signedIn) as CustomEvent<CollectChangeDetail>).detail).to.deep.equal({ field: 'session', value: 'member' });
    await until(() => el.items !== null, 'the list after signing in');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector(EMAIL)).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect($(el, '.base').textContent).to.contain(da.status.empty);
    expect((await browser().me.get()).user.email).to.equal(email);
    await expect(el).to.be.accessible();

    // Sign out with the keyboard: the session ends on the server and the form comes back.
    $(el, '#sign-out').focus();
    const signedOut = oneEvent(el, 'collect-change');
    await sendKeys({ press: 'Enter' });
    expect(((await signedOut) as CustomEvent<CollectChangeDetail>).detail).to.deep.equal({ field: 'session', value: null });
    await signInForm(el);
    await until(() => live(el) === da.signIn.signedOut, 'the announced sign-out');
    expect(el.items).to.equal(null);
    expect(deepActive()).to.equal($(el, '#signin-heading'));
    const after = await browser().me.get().catch((error: unknown) => error);
    expect((after as { kind?: string }).kind).to.equal('authentication');
  });

  it('<collect-case> in Swedish: empty fields are named and focused, a wrong password refused, then signed in with a sign-out button', async () => {
    const el = await mountCase('sv');
    expect($(el, '.intro + .intro, .alert').textContent!.trim()).to.equal(sv.case.errors.signedOut);
    expect($<HTMLFormElement>(el, 'form:not(.sign-in)').hidden).to.equal(true, 'the case form waits behind the sign-in');
    expect($(el, 'button[type="submit"].primary:not([hidden])').textContent!.trim()).to.equal(sv.signIn.submit);
    await expect(el).to.be.accessible();

    $(el, EMAIL).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => live(el) === sv.controls.errorCount(2), 'the error count');
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, EMAIL));
    expect($(el, '#f-signIn-email-error').textContent!.trim()).to.equal(sv.controls.required);
    expect($(el, '#f-signIn-password-error').textContent!.trim()).to.equal(sv.controls.required);
    await sendKeys({ type: 'inte-en-adress' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#f-signIn-email-error').textContent!.trim()).to.equal(sv.case.errors.invalidEmail);
    await expect(el).to.be.accessible();

    const field = $<HTMLInputElement>(el, EMAIL);
    field.select();
    await sendKeys({ type: email });
    $(el, PASSWORD).focus();
    await sendKeys({ type: 'fel lösenord' });
    await sendKeys({ press: 'Enter' });
    await until(() => live(el) === sv.signIn.wrongCredentials, 'the Swedish refusal');
    await el.updateComplete;
    expect($(el, '#f-signIn-password-error').textContent!.trim()).to.equal(sv.signIn.wrongCredentials);

    $(el, PASSWORD).focus();
    await sendKeys({ type: MEMBER_PASSWORD });
    await sendKeys({ press: 'Enter' });
    await until(() => el.member !== null, 'the member after signing in');
    await el.updateComplete;
    expect(el.member!.user.email).to.equal(email);
    expect($<HTMLFormElement>(el, 'form').hidden).to.equal(false);
    expect(deepActive()).to.equal($(el, '#heading-0'));
    expect($(el, '#sign-out').textContent!.trim()).to.equal(sv.signIn.signOut);
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '#sign-out').click();
    await signInForm(el);
    expect(el.member).to.equal(null);
  });

  it('"forgot password" asks for a reset link and confirms in the same neutral words whether or not the address has an account', async () => {
    for (const address of [email, 'nobody-here@example.com']) {
      const el = await mountStatus('da');
      $(el, '#forgot-password').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($(el, '#signin-heading').textContent!.trim()).to.equal(da.signIn.forgotHeading);
      expect(deepActive()).to.equal($(el, '#signin-heading'));
      expect(el.shadowRoot!.querySelector(PASSWORD)).to.equal(null);
      await expect(el).to.be.accessible();
      $(el, EMAIL).focus();
      await sendKeys({ type: address });
      await sendKeys({ press: 'Enter' });
      await until(() => !!el.shadowRoot!.querySelector('#signin-sent'), 'the confirmation');
      await el.updateComplete;
      expect($(el, '#signin-sent').textContent!.trim()).to.equal(da.signIn.resetSent);
      expect(deepActive()).to.equal($(el, '#signin-sent'));
      await until(() => live(el) === da.signIn.resetSent, 'the announced confirmation');
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('too many attempts (429) get their own message, not the wrong-password one', async () => {
    const target = `limited-${crypto.randomUUID().slice(0, 8)}@example.com`;
    // The server allows 10 sign-in attempts a minute per client and address (login-rate-limit.ts).
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++) {
      const response = await fetch(`${config.apiBase}/v1/sessions`, {
        method: 'POST',
        credentials: 'omit',
        headers: { authorization: `Bearer ${config.publishableKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email: target, password: 'guess guess' }),
      });
      status = response.status;
    }
    expect(status).to.equal(429);
    const el = await mountStatus('fi');
    $(el, EMAIL).focus();
    await sendKeys({ type: target });
    $(el, PASSWORD).focus();
    await sendKeys({ type: 'guess again' });
    const refused = oneEvent(el, 'collect-error');
    await sendKeys({ press: 'Enter' });
    expect(((await refused) as CustomEvent<CollectErrorDetail>).detail.code).to.equal('rate_limited');
    await until(() => live(el) !== '', 'the announcement');
    expect(live(el)).to.equal(fi.signIn.rateLimited);
    await el.updateComplete;
    expect($(el, '#f-signIn-email').getAttribute('aria-invalid')).to.equal('true');
  });
});
