/// <reference lib="dom" />
// The embed bundle under `Content-Security-Policy: script-src 'self'; style-src 'self'` — no
// unsafe-eval, no unsafe-inline. The page (test/browser/csp/page.html, served with that header by
// test/browser/collectkit-server.mjs) loads collect.js built from rollup.config.mjs in this run,
// renders <collect-quote> and <collect-enrol>, and <collect-enrol> talks to the real test server
// (its response parsing is internal/check.ts, hand-written, which must not reach for eval).
import { expect } from '@open-wc/testing';

interface CspWindow extends Window {
  __cspViolations: { directive: string; blocked: string; sample: string }[];
  __warnings: string[];
  __secondLoad: Promise<string>;
  __errors: string[];
}

async function until(check: () => boolean, what: string, ms = 15000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('collect.js under a strict Content-Security-Policy', () => {
  it('serves the test page with the strict header', async () => {
    const response = await fetch('/__collectkit-csp/page.html');
    expect(response.headers.get('content-security-policy')).to.equal("script-src 'self'; style-src 'self'");
  });

  it('renders both elements, styles them, completes an enrolment call, and nothing violates the policy', async function () {
    this.timeout(60000); // the bundle is built by rollup on the first request
    const { apiBase, publishableKey } = (await (await fetch('/__collectkit-test-config')).json()) as { apiBase: string; publishableKey: string };
    // A draft on the payout step (same origin: the frame shares this tab's sessionStorage), so that
    // one click sends a real enrolment and parses the server's answer inside the CSP page.
    sessionStorage.setItem(
      'collectkit:enrol-draft',
      JSON.stringify({
        values: {
          'company.name': 'CSP Værksted ApS',
          'company.country': 'DK',
          'company.nationalId': '24256790',
          accountingSystem: 'billy',
          'address.line': 'Politivej 1',
          'address.postalCode': '2000',
          'address.city': 'Frederiksberg',
          'contact.name': 'Carl Sikker',
          'contact.email': `csp-${crypto.randomUUID().slice(0, 8)}@example.com`,
          'payoutAccount.kind': 'iban',
          'payoutAccount.iban': 'DK5000400440116243',
        },
        consents: { 'consents.terms': true, 'consents.dataProcessing': true },
        step: 2,
      }),
    );
    const frame = document.createElement('iframe');
    frame.src = `/__collectkit-csp/page.html?pk=${encodeURIComponent(publishableKey)}&api=${encodeURIComponent(apiBase)}`;
    frame.style.width = '800px';
    frame.style.height = '1200px';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as unknown as CspWindow & typeof globalThis;
    const doc = frame.contentDocument!;
    try {
      await until(() => !!win.customElements.get('collect-quote') && !!win.customElements.get('collect-enrol'), 'the elements to be defined');
      expect(await win.__secondLoad).to.equal('loaded');
      expect(win.__warnings.some((w) => w.includes('<collect-enrol> is already defined'))).to.equal(true, 'a second copy only warns');

      const quote = doc.querySelector('collect-quote')!;
      const enrol = doc.querySelector('collect-enrol')!;
      await until(() => !!quote.shadowRoot?.querySelector('h2') && !!enrol.shadowRoot?.querySelector('h2'), 'both elements to render');
      expect(quote.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Hvad koster inkasso?');
      expect(enrol.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Tilmeld dig inkassoservicen');
      // Styles arrive as constructed stylesheets (adoptedStyleSheets), which style-src 'self' allows.
      expect(quote.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
      expect(win.getComputedStyle(enrol).display).to.equal('block');
      expect(win.getComputedStyle(enrol.shadowRoot!.querySelector('h2')!).fontWeight).to.equal('700');

      // A real round trip from inside the CSP page: create the enrolment, parse it, fetch and hash the PDF.
      (enrol.shadowRoot!.querySelector('button.primary') as HTMLButtonElement).click();
      await until(() => !!enrol.shadowRoot!.querySelector('[data-sha256]'), 'the agreement under CSP');
      expect(enrol.shadowRoot!.querySelector('[data-sha256]')!.textContent!.trim()).to.match(/^[0-9a-f]{64}$/);

      expect(win.__cspViolations).to.deep.equal([]);
      expect(win.__errors).to.deep.equal([]);
    } finally {
      frame.remove();
      sessionStorage.removeItem('collectkit:enrol-draft');
    }
  });
});
