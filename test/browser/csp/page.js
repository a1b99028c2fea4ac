// The host page's own script (no inline script is allowed): configures <collect-enrol> from the
// query string, as a CMS template would from its settings, and loads collect.js a second time under
// another URL to show that a double load only warns.
const params = new URLSearchParams(location.search);
const enrol = document.querySelector('collect-enrol');
enrol.setAttribute('publishable-key', params.get('pk') ?? '');
enrol.setAttribute('api-base', params.get('api') ?? '');
window.__warnings = [];
const warn = console.warn;
console.warn = (...args) => {
  window.__warnings.push(args.join(' '));
  warn.apply(console, args);
};
window.__secondLoad = import('./collect.js?copy=2').then(
  () => 'loaded',
  (error) => `failed: ${error}`,
);
