// Helpers the elements' browser tests share: the test server's config, a member session, focus and
// keyboard. Kept out of the build and the custom-elements manifest by their excludes (src/testing/**).

import { sendKeys } from '@web/test-runner-commands';
import { createClient, type CollectkitClient, type EnrolmentRequest } from '@collectkit/sdk';

/** What test/browser/collectkit-server.mjs serves at /__collectkit-test-config. */
export interface TestConfig {
  apiBase: string;
  publishableKey: string;
  secretKey: string;
}

/** The API base and keys of the real Collectkit server the test run started. */
export async function readTestConfig(): Promise<TestConfig> {
  return (await (await fetch('/__collectkit-test-config')).json()) as TestConfig;
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
export function memberSession(emailPrefix: string, enrolment: (email: string) => EnrolmentRequest) {
  const SESSION_COOKIE = 'collectkit_session';
  let config: TestConfig | undefined;
  let ownCookie = false;
  const configured = (): TestConfig => {
    if (!config) throw new Error('the test config is read in before()');
    return config;
  };
  /** The member's own view of the API, through the browser's session cookie. */
  const member = () => createClient({ apiBase: configured().apiBase, publishableKey: configured().publishableKey, credentials: 'include' });

  before(async () => {
    config = await readTestConfig();
    const me = await member().me.get().catch(() => null);
    if (me?.user.role === 'member') return;
    const email = `${emailPrefix}-${crypto.randomUUID().slice(0, 8)}@example.com`;
    // Enrolment goes without cookies: a browser still signed in as another member would be refused.
    const plain = createClient({ apiBase: config.apiBase, publishableKey: config.publishableKey, credentials: 'omit' });
    const session = await enrolMember(plain, enrolment(email));
    document.cookie = `${SESSION_COOKIE}=${session.token}; path=/; SameSite=Lax`;
    ownCookie = true;
  });

  after(() => {
    if (ownCookie) document.cookie = `${SESSION_COOKIE}=; path=/; Max-Age=0`;
  });

  return { config: configured, member };
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
