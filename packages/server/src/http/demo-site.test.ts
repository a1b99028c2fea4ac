import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import demoSiteRoutes, { BUNDLE_MISSING_MESSAGE, DEMO_CSP, DEMO_PAGES } from './demo-site.js';
import { DEMO_PAGE_TEXTS, Html, demoPageHtml, html } from './demo-page.js';
import { migrate } from '../store/migrate.js';
import { openPgliteDatabase } from '../store/pglite-database.js';
import { createAssociation, type CreatedAssociation } from '../store/associations.js';
import type { Database } from '../store/database.js';

const DEMO_ROOT = fileURLToPath(new URL('../../demo', import.meta.url));
const ORIGIN = 'http://demo.example:8080';
const HOST = 'demo.example:8080';

/** The plugin alone, on a real (in-memory) database, with a bundle folder and data folder of the test's own. */
async function appWith(db: Database, options: { bundleDir: string; dataDir: string }): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(demoSiteRoutes, { db, ...options });
  await app.ready();
  return app;
}

const page = (app: FastifyInstance, url: string, host = HOST) => app.inject({ url, headers: { host } });

describe('the demo site and the embed bundle', () => {
  let db: Database;
  let association: CreatedAssociation;
  let dir: string;
  let bundleDir: string;
  let dataDir: string;
  let app: FastifyInstance;

  before(async () => {
    db = await openPgliteDatabase('memory://');
    const now = new Date('2026-03-03T08:00:00.000Z');
    await migrate(db, { appliedAt: now });
    association = await createAssociation(db, { name: 'Dansk Autoværksteds Forening (demo)', country: 'DK', allowedOrigins: [ORIGIN], pricingPlanId: 'association-member' }, now);
    dir = mkdtempSync(join(tmpdir(), 'collectkit-demo-site-'));
    bundleDir = join(dir, 'dist');
    dataDir = join(dir, 'data');
    mkdirSync(bundleDir);
    mkdirSync(dataDir);
    writeFileSync(join(bundleDir, 'collect.js'), 'export const built = 1;\n');
    writeFileSync(join(dataDir, 'demo-keys.json'), JSON.stringify({ associationId: association.associationId, publishableKey: association.publishableKey }));
    app = await appWith(db, { bundleDir, dataDir });
  });
  after(async () => {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('/embed/collect.js', () => {
    it('serves the built bundle as JavaScript, revalidated (no-cache) at the bare URL, with an ETag, to any origin', async () => {
      const response = await app.inject('/embed/collect.js');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.equal(response.headers['cache-control'], 'no-cache');
      assert.equal(response.headers['access-control-allow-origin'], '*');
      assert.equal(response.body, 'export const built = 1;\n');
      assert.match(String(response.headers.etag), /^"[0-9a-f]{16}"$/);
      const again = await app.inject({ url: '/embed/collect.js', headers: { 'if-none-match': String(response.headers.etag) } });
      assert.equal(again.statusCode, 304);
    });

    it('is cacheable for a year only at the versioned URL of the current build', async () => {
      const version = String((await app.inject('/embed/collect.js')).headers.etag).slice(1, -1);
      const versioned = await app.inject(`/embed/collect.js?v=${version}`);
      assert.equal(versioned.headers['cache-control'], 'public, max-age=31536000, immutable');
      const stale = await app.inject('/embed/collect.js?v=0000000000000000');
      assert.equal(stale.headers['cache-control'], 'no-cache', 'an old version is not pinned to the new bytes');
    });

    it('picks up a rebuild while the server runs: new bytes, new version, and the page links the new version', async () => {
      const first = String((await app.inject('/embed/collect.js')).headers.etag);
      writeFileSync(join(bundleDir, 'collect.js'), 'export const built = 2; // rebuilt\n');
      const rebuilt = await app.inject('/embed/collect.js');
      assert.notEqual(String(rebuilt.headers.etag), first);
      assert.match(rebuilt.body, /built = 2/);
      const html = (await page(app, '/demo/')).body;
      assert.ok(html.includes(`src="/embed/collect.js?v=${String(rebuilt.headers.etag).slice(1, -1)}"`));
    });
  });

  describe('/embed/collect-<lang>-<hash>.js', () => {
    it('serves the language files collect.js imports from beside itself, cacheable for good (their names change with their bytes); nothing else', async () => {
      writeFileSync(join(bundleDir, 'collect-da-Bu1v822U.js'), 'export default { locale: "da" };\n');
      writeFileSync(join(bundleDir, 'secret.js'), 'export const no = 1;\n');
      const response = await app.inject('/embed/collect-da-Bu1v822U.js');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(response.headers['access-control-allow-origin'], '*');
      assert.equal(response.body, 'export default { locale: "da" };\n');
      for (const url of ['/embed/collect-sv-Missing1.js', '/embed/secret.js', '/embed/..%2Fdata%2Fdemo-keys.json', '/embed/collect-da-x.json']) {
        assert.equal((await app.inject(url)).statusCode, 404, url);
      }
    });
  });

  describe('/demo/ and /demo/sv/', () => {
    it('serves both pages under the strict CSP, in their language, with the demo key and this server\'s address in every element', async () => {
      for (const { path, lang } of DEMO_PAGES) {
        const response = await page(app, path);
        assert.equal(response.statusCode, 200, path);
        assert.match(String(response.headers['content-type']), /^text\/html/);
        assert.equal(response.headers['content-security-policy'], DEMO_CSP);
        assert.doesNotMatch(DEMO_CSP, /unsafe/);
        assert.equal(response.headers['cache-control'], 'no-store');
        assert.match(response.body, new RegExp(`<html lang="${lang}">`));
        for (const tag of ['collect-quote', 'collect-enrol', 'collect-case', 'collect-status']) {
          const opening = new RegExp(`<${tag} [^>]*>`).exec(response.body)?.[0] ?? '';
          assert.ok(opening.includes(`publishable-key="${association.publishableKey}"`), `${path} ${tag}: ${opening}`);
          assert.ok(opening.includes(`api-base="${ORIGIN}"`), `${path} ${tag}: ${opening}`);
        }
        assert.doesNotMatch(response.body, /demo-notice|\{\{/, 'no notice and no placeholder left');
      }
    });

    it('redirects /demo and /demo/sv to the slashed addresses, so that relative links resolve', async () => {
      for (const [from, to] of [['/demo', '/demo/'], ['/demo/sv', '/demo/sv/']] as const) {
        const response = await page(app, from);
        assert.equal(response.statusCode, 301);
        assert.equal(response.headers.location, to);
      }
    });

    it('says so on the page, in its language, when it is opened from an address the demo association does not allow', async () => {
      const da = await page(app, '/demo/', 'localhost:9999');
      assert.match(da.body, /data-demo-problem="origin_not_allowed"/);
      assert.match(da.body, /<code>http:\/\/localhost:9999<\/code>, som ikke er blandt demoforeningens tilladte adresser/);
      assert.ok(da.body.includes(`<a href="${ORIGIN}/demo/">${ORIGIN}</a>`), 'links the allowed address');
      const sv = await page(app, '/demo/sv/', 'localhost:9999');
      assert.match(sv.body, /som inte finns bland demoföreningens tillåtna adresser/);
    });

    it('serves the assets under the same CSP, and nothing outside the assets folder', async () => {
      const css = await app.inject('/demo/assets/demo.css');
      assert.equal(css.statusCode, 200);
      assert.match(String(css.headers['content-type']), /^text\/css/);
      assert.equal(css.headers['content-security-policy'], DEMO_CSP);
      const logo = await app.inject('/demo/assets/logo.svg');
      assert.match(String(logo.headers['content-type']), /^image\/svg\+xml/);
      assert.notEqual((await app.inject('/demo/assets/..%2findex.html')).statusCode, 200);
      assert.equal((await app.inject('/demo/assets/nothing.js')).statusCode, 404);
    });
  });

  describe('when something the demo needs is missing', () => {
    it('without demo-keys.json: no key in the elements, and the page says where the keys file should be', async () => {
      const empty = mkdtempSync(join(tmpdir(), 'collectkit-demo-nokeys-'));
      const bare = await appWith(db, { bundleDir, dataDir: empty });
      try {
        const response = await page(bare, '/demo/');
        assert.equal(response.statusCode, 200);
        assert.doesNotMatch(response.body, /publishable-key=/);
        assert.match(response.body, /<collect-enrol api-base="http:\/\/demo\.example:8080">/);
        assert.match(response.body, /data-demo-problem="no_keys"/);
        assert.ok(response.body.includes(`<code>${join(empty, 'demo-keys.json')}</code> mangler`));
      } finally {
        await bare.close();
        rmSync(empty, { recursive: true, force: true });
      }
    });

    it('with a keys file from another database: the page says the key is unknown here', async () => {
      const other = mkdtempSync(join(tmpdir(), 'collectkit-demo-otherkeys-'));
      writeFileSync(join(other, 'demo-keys.json'), JSON.stringify({ publishableKey: `pk_${'x'.repeat(43)}` }));
      const bare = await appWith(db, { bundleDir, dataDir: other });
      try {
        const response = await page(bare, '/demo/sv/');
        assert.match(response.body, /data-demo-problem="unknown_key"/);
        assert.doesNotMatch(response.body, /publishable-key=/);
        assert.match(response.body, /är okänd för den här databasen/);
      } finally {
        await bare.close();
        rmSync(other, { recursive: true, force: true });
      }
    });

    it('without the built bundle: /embed/collect.js is a 404 saying to run npm run build, and the page says it too', async () => {
      const unbuilt = mkdtempSync(join(tmpdir(), 'collectkit-demo-unbuilt-'));
      const bare = await appWith(db, { bundleDir: unbuilt, dataDir });
      try {
        const bundle = await bare.inject('/embed/collect.js');
        assert.equal(bundle.statusCode, 404);
        assert.match(String(bundle.headers['content-type']), /^text\/plain/);
        assert.equal(bundle.body, BUNDLE_MISSING_MESSAGE);
        assert.match(bundle.body, /npm run build/);
        const html = (await page(bare, '/demo/')).body;
        assert.match(html, /data-demo-problem="no_bundle"/);
        assert.match(html, /<script type="module" src="\/embed\/collect\.js"><\/script>/);
        assert.match(html, /Kør <code>npm run build<\/code>/);
      } finally {
        await bare.close();
        rmSync(unbuilt, { recursive: true, force: true });
      }
    });
  });
});

describe('a server without its demo folder', () => {
  it('still starts, serves the bundle, and answers /demo/ with a 404 that says the pages are not installed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collectkit-demo-nofolder-'));
    writeFileSync(join(dir, 'collect.js'), 'export {};\n');
    const app = Fastify({ logger: false });
    // No database query happens without pages; the plugin only needs one for them.
    await app.register(demoSiteRoutes, { db: {} as Database, demoRoot: join(dir, 'no-demo'), bundleDir: dir, dataDir: dir });
    try {
      const response = await app.inject('/demo/');
      assert.equal(response.statusCode, 404);
      assert.match(response.body, /demo pages are not installed/);
      assert.equal((await app.inject('/embed/collect.js')).statusCode, 200);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the page template (demo-page.ts)', () => {
  const fill = { pages: DEMO_PAGES, bundleSrc: '/embed/collect.js?v=0123456789abcdef', publishableKey: 'pk_test', apiBase: 'http://demo.example' };
  const pages = DEMO_PAGES.map((p) => ({ ...p, html: demoPageHtml(p.lang, { ...fill, path: p.path }) }));

  it('HTML-escapes what the server writes into attributes', () => {
    const page = demoPageHtml('da', {
      path: '/demo/',
      pages: DEMO_PAGES,
      bundleSrc: '/embed/collect.js?v=1&a="b"',
      publishableKey: 'pk_"><script>alert(1)</script>',
      apiBase: "http://h'x",
    });
    assert.ok(page.includes('<script type="module" src="/embed/collect.js?v=1&amp;a=&quot;b&quot;"></script>'));
    assert.ok(page.includes('<collect-enrol publishable-key="pk_&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" api-base="http://h&#39;x">'));
    assert.doesNotMatch(page, /alert\(1\)<\/script>/);
  });

  it('escapes every interpolated string, the texts included; only Html fragments pass as markup', () => {
    const text = 'Kunde & Søn <b>"ApS"</b>';
    assert.equal(html`<p title="${text}">${text}</p>`.markup, '<p title="Kunde &amp; Søn &lt;b&gt;&quot;ApS&quot;&lt;/b&gt;">Kunde &amp; Søn &lt;b&gt;&quot;ApS&quot;&lt;/b&gt;</p>');
    assert.equal(html`<ul>${['a<', 'b>'].map((item) => html`<li>${item}</li>`)}</ul>`.markup, '<ul><li>a&lt;</li><li>b&gt;</li></ul>');
    assert.equal(html`<div>${new Html('<em>kept</em>')}${undefined}</div>`.markup, '<div><em>kept</em></div>');
  });

  it('renders each language from its own texts, with the anchors the steps, demo.js and the e2e test use', () => {
    for (const { path, lang, html: page } of pages) {
      const t = DEMO_PAGE_TEXTS[lang];
      assert.match(page, new RegExp(`^<!doctype html>\n<html lang="${lang}">`));
      assert.ok(page.includes(`<title>${t.title.replaceAll('&', '&amp;')}</title>`), `${path}: title`);
      for (const id of [t.contentId, t.offerId, t.quote.id, t.enrol.id, t.newCase.id, t.myCases.id, 'kontakt', 'om']) {
        assert.equal(page.split(`id="${id}"`).length - 1, 1, `${path}: exactly one #${id}`);
        assert.match(page, new RegExp(`href="#${id}"`), `${path}: something links #${id}`);
      }
      assert.ok(page.includes(`<a class="brand" href="${path}">`), `${path}: the brand links this page`);
      // The other language's texts are nowhere on the page.
      const other = DEMO_PAGE_TEXTS[lang === 'da' ? 'sv' : 'da'];
      for (const foreign of [other.heroTitle, other.quote.title, other.footerNote]) assert.ok(!page.includes(foreign), `${path}: ${foreign}`);
    }
    assert.equal(DEMO_PAGE_TEXTS.da.quote.id, 'beregn');
    assert.equal(DEMO_PAGE_TEXTS.sv.enrol.id, 'anslut');
  });

  it('links every language, the current one marked as the page, the others with their hreflang', () => {
    const [da, sv] = pages;
    assert.ok(da!.html.includes('<a href="/demo/" lang="da" aria-current="page">Dansk</a>'));
    assert.ok(da!.html.includes('<a href="/demo/sv/" lang="sv" hreflang="sv">Svenska</a>'));
    assert.ok(sv!.html.includes('<a href="/demo/" lang="da" hreflang="da">Dansk</a>'));
    assert.ok(sv!.html.includes('<a href="/demo/sv/" lang="sv" aria-current="page">Svenska</a>'));
  });

  it('marks the Danish association name as Danish on the Swedish page only', () => {
    const [da, sv] = pages;
    assert.ok(da!.html.includes('<span class="brand-name">Dansk Autoværksteds Forening</span>'));
    assert.ok(sv!.html.includes('<span class="brand-name" lang="da">Dansk Autoværksteds Forening</span>'));
    assert.ok(sv!.html.includes('<p><span lang="da">Dansk Autoværksteds Forening</span> samlar'));
    assert.doesNotMatch(da!.html, /lang="da">Dansk Autoværksteds/);
  });

  it('has no inline script or style (the CSP would block them) and loads only from this server', () => {
    for (const { path, html: page } of pages) {
      for (const script of page.match(/<script\b[^>]*>/g) ?? []) assert.match(script, /\bsrc="\//, `${path}: ${script}`);
      assert.doesNotMatch(page, /<script\b[^>]*>[^<\s]/, `${path}: inline script`);
      assert.doesNotMatch(page, /<style\b|\sstyle=|\son[a-z]+=/i, `${path}: inline style or handler`);
      assert.doesNotMatch(page, /(src|href)="(https?:)?\/\//, `${path}: nothing from elsewhere`);
    }
  });

  it('embeds all four elements, each with the key and the API base, and only the Danish quote with its country', () => {
    for (const { path, lang, html: page } of pages) {
      for (const tag of ['collect-quote', 'collect-enrol', 'collect-case', 'collect-status']) {
        assert.match(page, new RegExp(`<${tag} publishable-key="pk_test" api-base="http://demo\\.example"[ >]`), `${path}: ${tag}`);
      }
      assert.equal(page.includes('<collect-quote publishable-key="pk_test" api-base="http://demo.example" country="DK">'), lang === 'da', path);
    }
  });
});

describe('the demo assets', () => {
  it('set the brand on the elements only through --collect-* tokens (no ::part, no reaching into them)', () => {
    const css = readFileSync(join(DEMO_ROOT, 'assets/demo.css'), 'utf8');
    assert.match(css, /--collect-color-primary:/);
    assert.doesNotMatch(css, /::part\(/);
    const assets = readdirSync(join(DEMO_ROOT, 'assets'));
    assert.ok(assets.every((name) => /\.(css|js|svg)$/.test(name)), assets.join(', '));
  });
});
