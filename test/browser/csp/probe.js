// Records every Content-Security-Policy violation on the page, for the test in the parent frame.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
});
// Uncaught errors too (a module that fails to evaluate reports here), so the test can show them.
window.__errors = [];
window.addEventListener('error', (event) => window.__errors.push(String(event.message)));
