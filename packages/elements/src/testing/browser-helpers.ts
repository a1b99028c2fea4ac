// Helpers the elements' browser tests share: the test server's config, a member session, focus and
// keyboard. Kept out of the build and the custom-elements manifest by their excludes (src/testing/**).

import { sendKeys } from '@web/test-runner-commands';
import { boolean, nullable, object, schema, string } from '../internal/check.js';
import { createClient, type CollectkitClient, type EnrolmentRequest } from '@collectkit/sdk';

/** What test/browser/collectkit-server.mjs serves at /__collectkit-test-config. */
export interface TestConfig {
  apiBase: string;
  publishableKey: string;
  secretKey: string;
  /** The simulated-time server's operator account (only `readTestConfig('simulated')`). */
  operator?: { email: string; password: string };
}

/** Which server: the run's shared one, or the one whose clock an operator moves forward. */
export type TestClock = 'system' | 'simulated';

/**
 * Any of the run's servers: those two, or the one on another SITE than the test page
 * (`crossSiteSessions: true`, its API base on 127.0.0.1 while the page is on localhost).
 */
export type TestServer = TestClock | 'cross-site';

/** The API base and keys of the real Collectkit server the test run started. */
export async function readTestConfig(server: TestServer = 'system'): Promise<TestConfig> {
  const query = server === 'simulated' ? '?clock=simulated' : server === 'cross-site' ? '?sessions=cross-site' : '';
  return (await (await fetch(`/__collectkit-test-config${query}`)).json()) as TestConfig;
}

/** The simulation's state (packages/server/src/http/simulate.ts), the part the tests read. */
const SimulationStateSchema = schema(object({ today: string(), running: boolean(), lastError: nullable(string()) }));

/** The simulated-time server's operator, signed in (a bearer token, no cookie). */
export async function operatorClient(config: TestConfig): Promise<CollectkitClient> {
  if (!config.operator) throw new Error('only the simulated-time server has an operator: readTestConfig("simulated")');
  const plain = createClient({ apiBase: config.apiBase, publishableKey: config.publishableKey, credentials: 'omit' });
  const { token } = await plain.sessions.create(config.operator);
  return createClient({ apiBase: config.apiBase, token, credentials: 'omit' });
}

/**
 * Moves the simulated-time server's clock `days` days forward, the dunning scheduler doing each
 * day's work (POST /v1/simulation/advance answers 202 at once), and waits until the run is done.
 * The operator signs in afresh for each run: a session lasts 14 days of the server's clock, so one
 * run moves at most 13 days (sign members in again between runs: memberSession's `renew`).
 */
export async function advanceDays(config: TestConfig, days: number): Promise<{ today: string }> {
  if (days > 13) throw new Error('advance at most 13 days at a time: the sessions signed in before would expire during the run');
  const operator = await operatorClient(config);
  await operator.request({ method: 'POST', path: 'v1/simulation/advance', json: { days }, schema: SimulationStateSchema });
  for (;;) {
    const state = await operator.request({ method: 'GET', path: 'v1/simulation', schema: SimulationStateSchema });
    if (!state.running) {
      if (state.lastError) throw new Error(`the simulation failed: ${state.lastError}`);
      return { today: state.today };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The password every test member gets. */
export const MEMBER_PASSWORD = 'et langt kodeord';

/**
 * Takes one enrolment through the API (create, sign the agreement as the contact, set the
 * password) with `client`; resolves with the member's new session.
 */
export async function enrolMember(client: CollectkitClient, request: EnrolmentRequest): Promise<{ token: string }> {
  const created = await client.enrolments.create(request);
  const token = { enrolmentToken: created.enrolmentToken };
  await client.enrolments.sign(created.id, { name: request.contact.name, consent: true, sha256: created.agreement.sha256 }, token);
  return client.enrolments.setPassword(created.id, { password: MEMBER_PASSWORD }, token);
}

/**
 * The member session for one test file. The server's own cookie is HttpOnly and would outlive the
 * file (sign-out through DELETE /v1/sessions/current works, see internal/sign-in.test.ts, but a
 * file that fails half-way would leave the next file's enrolment signed in). Instead the session token goes
 * into a script-set cookie of the same name and host, which the browser sends to the API exactly
 * like the server's (cookies ignore ports), and which `after` removes. If an earlier file left a
 * member signed in (its HttpOnly cookie cannot be overwritten), that member is used.
 *
 * Call at the top of a test file: it registers the `before` that reads the config and signs a new
 * member up (`enrolment(email)`, e-mail `<emailPrefix>-xxxxxxxx@example.com`) and the `after` that
 * removes the cookie. Hooks the file registers later run after the sign-up.
 */
export function memberSession(emailPrefix: string, enrolment: (email: string) => EnrolmentRequest, options: { clock?: TestClock } = {}) {
  const SESSION_COOKIE = 'collectkit_session';
  let config: TestConfig | undefined;
  let ownCookie = false;
  let email: string | undefined;
  const configured = (): TestConfig => {
    if (!config) throw new Error('the test config is read in before()');
    return config;
  };
  /** The member's own view of the API, through the browser's session cookie. */
  const member = () => createClient({ apiBase: configured().apiBase, publishableKey: configured().publishableKey, credentials: 'include' });

  before(async function () {
    // The simulated-time server starts on first use: a PGlite migration, some seconds.
    if (options.clock === 'simulated') this.timeout(60_000);
    config = await readTestConfig(options.clock);
    const me = await member().me.get().catch(() => null);
    if (me?.user.role === 'member') return;
    if (options.clock === 'simulated') {
      // The simulated server does not know a member an earlier file left signed in on the shared one,
      // and that member's HttpOnly cookie (cookies ignore ports) would shadow this file's: end it there.
      const shared = await readTestConfig();
      const other = createClient({ apiBase: shared.apiBase, publishableKey: shared.publishableKey, credentials: 'include' });
      if (await other.me.get().catch(() => null)) await other.sessions.deleteCurrent();
    }
    email = `${emailPrefix}-${crypto.randomUUID().slice(0, 8)}@example.com`;
    // Enrolment goes without cookies: a browser still signed in as another member would be refused.
    const plain = createClient({ apiBase: config.apiBase, publishableKey: config.publishableKey, credentials: 'omit' });
    const session = await enrolMember(plain, enrolment(email));
    document.cookie = `${SESSION_COOKIE}=${session.token}; path=/; SameSite=Lax`;
    ownCookie = true;
  });

  after(() => {
    if (ownCookie) document.cookie = `${SESSION_COOKIE}=; path=/; Max-Age=0`;
  });

  /**
   * Signs this file's member in again (a session lasts 14 days of the server's clock: after simulated
   * time has passed it has expired) and puts the new token in the cookie.
   */
  const renew = async (): Promise<void> => {
    if (!email || !ownCookie) throw new Error('only a member this file signed up can be signed in again');
    const plain = createClient({ apiBase: configured().apiBase, publishableKey: configured().publishableKey, credentials: 'omit' });
    const { token } = await plain.sessions.create({ email, password: MEMBER_PASSWORD });
    document.cookie = `${SESSION_COOKIE}=${token}; path=/; SameSite=Lax`;
  };

  return { config: configured, member, renew };
}

/** The focused element, looking through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Focuses `input` and types `text` with real key presses. */
export async function typeInto(input: HTMLElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

/** Polls `check` every `every` ms until it holds; fails naming `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 8000, every = 25): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Presses Enter and waits for the element to render what followed. */
export async function pressEnter(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}
