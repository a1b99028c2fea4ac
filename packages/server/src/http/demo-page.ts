/**
 * The demo association's page (/demo/, /demo/sv/): one template, and a table of its texts per language.
 * A change to the page is made once, in `demoPageHtml`; a new language is one more entry in
 * DEMO_PAGE_TEXTS (and DEMO_PAGES in demo-site.ts).
 *
 * Every value the template writes goes through `escapeHtml` (the `html` tag below does it), the texts
 * as much as the publishable key and the API base the server fills in: only the template's own markup
 * and what is passed as `Html` is written as is. No inline script or style: the page's CSP
 * (DEMO_CSP) forbids them, so behaviour lives in /demo/assets/demo.js and looks in demo.css.
 */

import { escapeHtml } from '../process/notifications/render-email.js';

export type DemoLanguage = 'da' | 'sv';

/** Markup that is written as it is: the template's own, or a fragment built by `html` (already escaped). */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type HtmlValue = string | Html | readonly HtmlValue[] | undefined;

function markupOf(value: HtmlValue): string {
  if (value === undefined) return '';
  if (value instanceof Html) return value.markup;
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(markupOf).join('');
}

/** A template tag: the literal parts are markup, every interpolated string is HTML-escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  return new Html(strings.reduce((out, part, i) => out + part + (i < values.length ? markupOf(values[i]) : ''), ''));
}

// --- the texts ------------------------------------------------------------------------------------

/** The fictive association is Danish: its name stays Danish (and is marked `lang="da"`) on every page. */
const ASSOCIATION_NAME = 'Dansk Autoværksteds Forening';
const ASSOCIATION_LANG: DemoLanguage = 'da';

interface WidgetSectionTexts {
  /** The section's id: the anchor the steps, the hero's buttons and demo.js use. */
  id: string;
  title: string;
  intro: string;
}

/** Everything a visitor reads on the page, and the anchors, which are words in the page's language too. */
export interface DemoPageTexts {
  /** The language links' own name of this language ("Dansk", "Svenska"), written in that language. */
  languageName: string;
  title: string;
  description: string;
  skipLink: string;
  /** The id of `<main>`, the skip link's target. */
  contentId: string;
  demoLabel: string;
  signIn: string;
  contact: string;
  languagesLabel: string;
  tagline: string;
  mainNavLabel: string;
  aboutLink: string;
  offerLink: string;
  /** The id of the member offer section. */
  offerId: string;
  collection: string;
  courses: string;
  breadcrumbsLabel: string;
  home: string;
  heroTitle: string;
  heroLead: string;
  offerTitle: string;
  /** The four cards of the member offer (the sdk's association-member plan), in the template's icon order. */
  offerCards: readonly [OfferCardTexts, OfferCardTexts, OfferCardTexts, OfferCardTexts];
  stepsLabel: string;
  /** The four steps' short names, in the step list; the first two are also the hero's buttons. */
  steps: readonly [string, string, string, string];
  quote: WidgetSectionTexts;
  enrol: WidgetSectionTexts;
  newCase: WidgetSectionTexts & { fallback: string };
  myCases: WidgetSectionTexts & { fallback: string };
  /**
   * `country` for <collect-quote>. Without it the element starts from the page language's country;
   * the Danish page sets it anyway, to show associations the attribute.
   */
  quoteCountry?: 'DK' | 'SE';
  sidebarLabel: string;
  contactTitle: string;
  contactText: string;
  contactHours: string;
  goodToKnowId: string;
  goodToKnowTitle: string;
  goodToKnow: readonly string[];
  aboutTitle: string;
  /** Follows the association's name in the about box. */
  aboutAfterName: string;
  docsLink: string;
  apiReference: string;
  footerNote: string;
}

interface OfferCardTexts {
  title: string;
  text: string;
}

export const DEMO_PAGE_TEXTS: Record<DemoLanguage, DemoPageTexts> = {
  da: {
    languageName: 'Dansk',
    title: `Inkasso til medlemspris · ${ASSOCIATION_NAME} (demo)`,
    description: `Som medlem af ${ASSOCIATION_NAME} får du inkasso uden oprettelsesgebyr og uden provision i den udenretlige fase.`,
    skipLink: 'Gå til indholdet',
    contentId: 'indhold',
    demoLabel: 'Demoside · foreningen og alle sager er fiktive',
    signIn: 'Medlemslogin',
    contact: 'Kontakt',
    languagesLabel: 'Sprog',
    tagline: 'Fællesskabet for danske autoværksteder',
    mainNavLabel: 'Hovedmenu',
    aboutLink: 'Om foreningen',
    offerLink: 'Medlemsfordele',
    offerId: 'fordele',
    collection: 'Inkasso',
    courses: 'Kurser og arrangementer',
    breadcrumbsLabel: 'Brødkrumme',
    home: 'Forside',
    heroTitle: 'Ubetalte regninger? Få dine penge hjem til medlemspris.',
    heroLead:
      'Kunden har hentet bilen, men fakturaen er ikke betalt. Som medlem sender du den til inkasso her på siden: se prisen med det samme, tilmeld værkstedet én gang, og følg hver sag, indtil pengene er udbetalt.',
    offerTitle: 'Det får du som medlem',
    offerCards: [
      { title: 'Intet oprettelsesgebyr', text: 'Det koster ikke noget at sende en faktura til inkasso.' },
      { title: 'Hele beløbet til dig', text: 'Ingen provision i den udenretlige fase: betaler kunden, får du fakturabeløbet fuldt ud.' },
      { title: 'Kunden betaler efter loven', text: 'Rykkergebyrer, inkassogebyr, kompensation og morarenter, som loven giver ret til, betales af skyldneren.' },
      { title: 'Følg sagen online', text: 'Se status, beskeder og udbetalinger. Går sagen i retten, er prisen 10 % af det inddrevne.' },
    ],
    stepsLabel: 'Sådan gør du',
    steps: ['Beregn prisen', 'Tilmeld værkstedet', 'Send fakturaen', 'Følg sagen'],
    quote: {
      id: 'beregn',
      title: 'Hvad koster det?',
      intro: 'Tre korte spørgsmål, og du ser, hvad du betaler, hvad kunden skylder efter loven, og hvad du kan forvente at få udbetalt. Du skal ikke logge ind.',
    },
    enrol: {
      id: 'tilmeld',
      title: 'Tilmeld værkstedet',
      intro: 'Én gang for alle: virksomhedens oplysninger, kontonummer til udbetalinger, aftalen underskrevet med dit navn og en adgangskode. Det tager omkring fem minutter, og du er logget ind bagefter.',
    },
    newCase: {
      id: 'opret-sag',
      title: 'Send en faktura til inkasso',
      intro: 'Skriv kunden og fakturaerne ind, og vedhæft fakturaen og eventuel korrespondance. Prisen opdateres, mens du skriver, og du får et sagsnummer med det samme.',
      fallback: 'Sagsoprettelse er ikke med i denne udgave af inkassomodulet endnu.',
    },
    myCases: {
      id: 'mine-sager',
      title: 'Følg dine sager',
      intro: 'Alle dine sager med status og beløb. Skriv til sagsbehandleren, tilføj dokumenter, og se dine udbetalinger.',
      fallback: 'Sagsoversigten er ikke med i denne udgave af inkassomodulet endnu.',
    },
    quoteCountry: 'DK',
    sidebarLabel: 'Om inkasso i foreningen',
    contactTitle: 'Spørgsmål om inkasso?',
    contactText: 'Medlemsservice hjælper dig med din første sag.',
    contactHours: 'Hverdage 9–15',
    goodToKnowId: 'godt',
    goodToKnowTitle: 'Godt at vide',
    goodToKnow: [
      'Send fakturaen, så snart den er forfalden og rykket: gammel gæld er sværere at inddrive.',
      'Beregneren regner med de gebyrer og renter, loven giver ret til på dagens dato.',
      'Bestrider kunden regningen, så vedhæft korrespondancen, når du opretter sagen.',
    ],
    aboutTitle: 'Om foreningen',
    aboutAfterName: 'samler selvstændige autoværksteder om uddannelse, faglig rådgivning og fælles indkøb — og nu også inkasso.',
    docsLink: 'Collectkit-dokumentation',
    apiReference: 'API-reference',
    footerNote: 'Demoside for Collectkit. Foreningen, sagerne og beløbene er fiktive; inkassomodulet taler med demoforeningen på denne server.',
  },
  sv: {
    languageName: 'Svenska',
    title: `Inkasso till medlemspris · ${ASSOCIATION_NAME} (demo)`,
    description: `Som medlem i ${ASSOCIATION_NAME} får du inkasso utan registreringsavgift och utan provision i den utomrättsliga fasen.`,
    skipLink: 'Gå till innehållet',
    contentId: 'innehall',
    demoLabel: 'Demosida · föreningen och alla ärenden är påhittade',
    signIn: 'Logga in',
    contact: 'Kontakt',
    languagesLabel: 'Språk',
    tagline: 'Gemenskapen för bilverkstäder i Norden',
    mainNavLabel: 'Huvudmeny',
    aboutLink: 'Om föreningen',
    offerLink: 'Medlemsförmåner',
    offerId: 'formaner',
    collection: 'Inkasso',
    courses: 'Kurser och evenemang',
    breadcrumbsLabel: 'Brödsmulor',
    home: 'Start',
    heroTitle: 'Obetalda fakturor? Få in pengarna till medlemspris.',
    heroLead:
      'Kunden har hämtat bilen men fakturan är inte betald. Som medlem skickar du den till inkasso här på sidan: se priset direkt, anslut verkstaden en gång och följ varje ärende tills pengarna är utbetalda.',
    offerTitle: 'Det här får du som medlem',
    offerCards: [
      { title: 'Ingen registreringsavgift', text: 'Det kostar ingenting att skicka en faktura till inkasso.' },
      { title: 'Hela beloppet till dig', text: 'Ingen provision i den utomrättsliga fasen: betalar kunden får du fakturabeloppet i sin helhet.' },
      { title: 'Kunden betalar enligt lag', text: 'Påminnelseavgifter, inkassoavgift, förseningsersättning och dröjsmålsränta som lagen ger rätt till betalas av gäldenären.' },
      { title: 'Följ ärendet online', text: 'Se status, meddelanden och utbetalningar. Går ärendet till domstol är priset 10 % av det indrivna.' },
    ],
    stepsLabel: 'Så här gör du',
    steps: ['Beräkna priset', 'Anslut verkstaden', 'Skicka fakturan', 'Följ ärendet'],
    quote: {
      id: 'berakna',
      title: 'Vad kostar det?',
      intro: 'Tre korta frågor, så ser du vad du betalar, vad kunden är skyldig enligt lag och vad du kan räkna med att få utbetalt. Du behöver inte logga in.',
    },
    enrol: {
      id: 'anslut',
      title: 'Anslut verkstaden',
      intro: 'En gång för alla: företagets uppgifter, konto för utbetalningar, avtalet undertecknat med ditt namn och ett lösenord. Det tar ungefär fem minuter, och sedan är du inloggad.',
    },
    newCase: {
      id: 'nytt-arende',
      title: 'Skicka en faktura till inkasso',
      intro: 'Fyll i kunden och fakturorna och bifoga fakturan och eventuell korrespondens. Priset uppdateras medan du skriver, och du får ett ärendenummer direkt.',
      fallback: 'Att skapa ärenden finns inte i den här versionen av inkassomodulen ännu.',
    },
    myCases: {
      id: 'mina-arenden',
      title: 'Följ dina ärenden',
      intro: 'Alla dina ärenden med status och belopp. Skriv till handläggaren, lägg till dokument och se dina utbetalningar.',
      fallback: 'Ärendeöversikten finns inte i den här versionen av inkassomodulen ännu.',
    },
    sidebarLabel: 'Om inkasso i föreningen',
    contactTitle: 'Frågor om inkasso?',
    contactText: 'Medlemsservice hjälper dig med ditt första ärende.',
    contactHours: 'Vardagar 9–15',
    goodToKnowId: 'bra',
    goodToKnowTitle: 'Bra att veta',
    goodToKnow: [
      'Skicka fakturan så snart den har förfallit och kunden fått en påminnelse: gamla skulder är svårare att driva in.',
      'Kalkylatorn räknar med de avgifter och räntor som lagen ger rätt till på dagens datum.',
      'Bestrider kunden fakturan, bifoga korrespondensen när du skapar ärendet.',
    ],
    aboutTitle: 'Om föreningen',
    aboutAfterName: 'samlar fristående bilverkstäder kring utbildning, fackliga råd och gemensamma inköp — och nu även inkasso.',
    docsLink: 'Collectkit-dokumentation',
    apiReference: 'API-referens',
    footerNote: 'Demosida för Collectkit. Föreningen, ärendena och beloppen är påhittade; inkassomodulen pratar med demoföreningen på den här servern.',
  },
};

// --- the template ---------------------------------------------------------------------------------

/** What the server fills in on every view (demo-site.ts). */
export interface DemoPageFill {
  /** The page's own address, e.g. `/demo/sv/`: the brand and "home" link here. */
  path: string;
  /** Every language's page, for the language links. */
  pages: readonly { path: string; lang: DemoLanguage }[];
  /** The embed bundle's URL, versioned when it is built. */
  bundleSrc: string;
  /** The demo association's publishable key; left out when the demo has none that works here. */
  publishableKey?: string;
  /** Where the elements send their requests: the page's own origin, so the session cookie is same-site. */
  apiBase: string;
  /** What stops the demo from working, for whoever runs it (built and escaped by demo-site.ts), or nothing. */
  notices?: Html;
}

/** The offer cards' icons, in the order of `offerCards`. */
const OFFER_ICONS = ['icon-coins.svg', 'icon-shield.svg', 'icon-scale.svg', 'icon-chart.svg'] as const;

/** The whole page in `lang`. */
export function demoPageHtml(lang: DemoLanguage, fill: DemoPageFill): string {
  const t = DEMO_PAGE_TEXTS[lang];
  // The association's name is Danish: said so where a page in another language shows it.
  const nameLang = lang === ASSOCIATION_LANG ? '' : html` lang="${ASSOCIATION_LANG}"`;
  const name = lang === ASSOCIATION_LANG ? ASSOCIATION_NAME : html`<span lang="${ASSOCIATION_LANG}">${ASSOCIATION_NAME}</span>`;
  // The two attributes an association writes on every element: its publishable key and the API's address.
  const config = html`${fill.publishableKey ? html`publishable-key="${fill.publishableKey}" ` : ''}api-base="${fill.apiBase}"`;
  const languageLinks = fill.pages.map(
    (page, i) =>
      html`${i > 0 ? '\n          ' : ''}<a href="${page.path}" lang="${page.lang}"${
        page.lang === lang ? html` aria-current="page"` : html` hreflang="${page.lang}"`
      }>${DEMO_PAGE_TEXTS[page.lang].languageName}</a>`,
  );
  const offerCards = t.offerCards.map(
    (card, i) => html`
          <li class="offer-card">
            <img src="/demo/assets/${OFFER_ICONS[i]!}" alt="" width="48" height="48">
            <h3>${card.title}</h3>
            <p>${card.text}</p>
          </li>`,
  );
  // The four steps, each a section with its element and, where the element may not be in the bundle, a fallback.
  const widgets: [WidgetSectionTexts, Html][] = [
    [t.quote, html`<collect-quote ${config}${t.quoteCountry ? html` country="${t.quoteCountry}"` : ''}></collect-quote>`],
    [t.enrol, html`<collect-enrol ${config}></collect-enrol>`],
    [t.newCase, html`<collect-case ${config}>
              <p class="element-fallback">${t.newCase.fallback}</p>
            </collect-case>`],
    [t.myCases, html`<collect-status ${config}>
              <p class="element-fallback">${t.myCases.fallback}</p>
            </collect-status>`],
  ];
  const widgetSections = widgets.map(([section, element], i) => html`

        <section class="widget-section" id="${section.id}" aria-labelledby="${section.id}-title">
          <h2 id="${section.id}-title"><span class="step-number">${String(i + 1)}</span> ${section.title}</h2>
          <p>${section.intro}</p>
          <div class="widget-card">
            ${element}
          </div>
        </section>`);

  return html`<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${t.title}</title>
  <meta name="description" content="${t.description}">
  <link rel="icon" href="/demo/assets/logo.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/demo/assets/demo.css">
  <!-- The two lines an association pastes: the embed bundle (served by this server), then the tags below,
       each with its publishable-key and api-base. -->
  <script type="module" src="${fill.bundleSrc}"></script>
  <script type="module" src="/demo/assets/demo.js"></script>
</head>
<body>
  <a class="skip-link" href="#${t.contentId}">${t.skipLink}</a>

  <div class="topbar">
    <div class="container topbar-inner">
      <p class="demo-label">${t.demoLabel}</p>
      <ul class="topbar-links">
        <li><a href="#${t.myCases.id}">${t.signIn}</a></li>
        <li><a href="#kontakt">${t.contact}</a></li>
        <li class="languages" aria-label="${t.languagesLabel}">
          ${languageLinks}
        </li>
      </ul>
    </div>
  </div>

  <header class="site-header">
    <div class="container header-inner">
      <a class="brand" href="${fill.path}">
        <img src="/demo/assets/logo.svg" alt="" width="56" height="56">
        <span class="brand-text">
          <span class="brand-name"${nameLang}>${ASSOCIATION_NAME}</span>
          <span class="brand-tagline">${t.tagline}</span>
        </span>
      </a>
      <nav class="main-nav" aria-label="${t.mainNavLabel}">
        <ul>
          <li><a href="#om">${t.aboutLink}</a></li>
          <li><a href="#${t.offerId}">${t.offerLink}</a></li>
          <li><a href="#${t.quote.id}" aria-current="page">${t.collection}</a></li>
          <li><a href="#kontakt">${t.courses}</a></li>
          <li><a href="#kontakt">${t.contact}</a></li>
        </ul>
      </nav>
    </div>
  </header>

  ${fill.notices}

  <section class="hero" aria-labelledby="hero-title">
    <div class="container hero-inner">
      <div class="hero-text">
        <nav class="breadcrumbs" aria-label="${t.breadcrumbsLabel}">
          <ol>
            <li><a href="${fill.path}">${t.home}</a></li>
            <li><a href="#${t.offerId}">${t.offerLink}</a></li>
            <li aria-current="page">${t.collection}</li>
          </ol>
        </nav>
        <h1 id="hero-title">${t.heroTitle}</h1>
        <p class="lead">${t.heroLead}</p>
        <p class="hero-actions">
          <a class="button button-primary" href="#${t.quote.id}">${t.steps[0]}</a>
          <a class="button button-secondary" href="#${t.enrol.id}">${t.steps[1]}</a>
        </p>
      </div>
      <img class="hero-image" src="/demo/assets/hero.svg" alt="" width="480" height="340">
    </div>
  </section>

  <main id="${t.contentId}">
    <!-- The member offer below is the sdk's association-member pricing plan
         (packages/sdk/src/pricing/plans/association-member.ts), not a promise of a real agency. -->
    <section class="offer" id="${t.offerId}" aria-labelledby="offer-title">
      <div class="container">
        <h2 id="offer-title">${t.offerTitle}</h2>
        <ul class="offer-grid">${offerCards}
        </ul>
      </div>
    </section>

    <div class="container layout">
      <div class="content">
        <ol class="steps" aria-label="${t.stepsLabel}">
          <li><a href="#${t.quote.id}"><span class="step-number">1</span> ${t.steps[0]}</a></li>
          <li><a href="#${t.enrol.id}"><span class="step-number">2</span> ${t.steps[1]}</a></li>
          <li><a href="#${t.newCase.id}"><span class="step-number">3</span> ${t.steps[2]}</a></li>
          <li><a href="#${t.myCases.id}"><span class="step-number">4</span> ${t.steps[3]}</a></li>
        </ol>${widgetSections}
      </div>

      <aside class="sidebar" aria-label="${t.sidebarLabel}">
        <section class="side-box side-box-accent" id="kontakt" aria-labelledby="kontakt-title">
          <h2 id="kontakt-title">${t.contactTitle}</h2>
          <p>${t.contactText}</p>
          <p class="contact-line"><strong>${t.contactHours}</strong><br><a href="mailto:inkasso@daf.example">inkasso@daf.example</a></p>
        </section>
        <section class="side-box" aria-labelledby="${t.goodToKnowId}-title">
          <h2 id="${t.goodToKnowId}-title">${t.goodToKnowTitle}</h2>
          <ul class="checklist">${t.goodToKnow.map((item) => html`
            <li>${item}</li>`)}
          </ul>
        </section>
        <section class="side-box" id="om" aria-labelledby="om-title">
          <h2 id="om-title">${t.aboutTitle}</h2>
          <p>${name} ${t.aboutAfterName}</p>
        </section>
      </aside>
    </div>
  </main>

  <footer class="site-footer">
    <div class="container footer-inner">
      <div>
        <p class="footer-name"${nameLang}>${ASSOCIATION_NAME}</p>
        <p>Eksempelvej 1 · 0000 Eksempelby<br><a href="mailto:medlem@daf.example">medlem@daf.example</a></p>
      </div>
      <ul class="footer-links">
        <li><a href="#om">${t.aboutLink}</a></li>
        <li><a href="#${t.offerId}">${t.offerLink}</a></li>
        <li><a href="/docs/">${t.docsLink}</a></li>
        <li><a href="/api">${t.apiReference}</a></li>
      </ul>
      <p class="footer-note">${t.footerNote}</p>
    </div>
  </footer>
</body>
</html>
`.markup;
}
