// The live demo's page script (an external file: the docs run under a CSP without 'unsafe-inline').
// It only wires the controls around the elements; the elements themselves come from collect.js.
// A classic deferred script, not a module, so that it still runs (and explains) on a file:// page,
// where browsers refuse to load ES modules; it runs after collect.js (document order).

const status = document.getElementById('bundle-status');

/** Says on the page when the bundle did not register the tags (missing, or failed to load). */
function reportMissingBundle() {
  if (customElements.get('collect-quote')) return;
  status.classList.add('warning');
  status.textContent =
    location.protocol === 'file:'
      ? 'Browsers do not load ES modules from file:// pages: open these docs through the server (npm start, then /docs) or any local HTTP server.'
      : status.dataset.built === 'true'
      ? 'The embed bundle (assets/collect.js) did not load: see the browser console.'
      : 'The embed bundle is missing: packages/elements/dist/collect.js was not built when these docs were. Build it (npx rollup -c), then run npm run docs again.';
}
// Deferred scripts and modules run in document order: collect.js has run (or failed) before this file.
reportMissingBundle();

// Every collect-* event of the demos, newest first.
const log = document.getElementById('event-log');
function logEvent(event) {
  if (!log) return;
  let detail = '';
  try {
    detail = JSON.stringify(event.detail, (key, value) => (value instanceof Element ? `<${value.localName}>` : value));
  } catch {
    detail = String(event.detail);
  }
  const line = `${new Date().toLocaleTimeString()}  ${event.target.localName}  ${event.type}  ${detail ?? ''}`;
  log.textContent = `${line}\n${log.textContent}`.slice(0, 20_000);
}
for (const type of ['collect-ready', 'collect-change', 'collect-quote', 'collect-submit', 'collect-error']) {
  document.addEventListener(type, logEvent);
}

// Language: set on the wrapper, as a CMS language switcher would; the element follows it.
const quoteDemo = document.getElementById('quote-demo');
document.getElementById('demo-lang')?.addEventListener('change', (event) => {
  quoteDemo.lang = event.target.value;
});

// Theming through the public custom properties (CSSOM, which a strict CSP allows).
document.getElementById('demo-primary')?.addEventListener('input', (event) => {
  quoteDemo.style.setProperty('--collect-color-primary', event.target.value);
});
document.getElementById('demo-radius')?.addEventListener('input', (event) => {
  quoteDemo.style.setProperty('--collect-radius', `${event.target.value}px`);
});

// <collect-enrol> against this server: it needs the association's publishable key, which the server
// prints at start (it is not embedded here). The API base is this page's origin.
const enrolForm = document.getElementById('enrol-form');
enrolForm?.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = new FormData(enrolForm).get('key')?.toString().trim() ?? '';
  const slot = document.getElementById('enrol-slot');
  slot.replaceChildren();
  const enrol = document.createElement('collect-enrol');
  enrol.setAttribute('publishable-key', key);
  enrol.setAttribute('api-base', location.protocol === 'file:' ? 'http://localhost:8080' : location.origin);
  slot.append(enrol);
});
