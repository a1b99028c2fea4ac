// The page's own glue, in a file (the CSP forbids inline scripts): the publishable key for the enrolment
// element, and a listener on the calculator's events.

// The demo server's publishable key: paste it here, or open the page with ?pk=pk_… in the address.
const PUBLISHABLE_KEY = new URLSearchParams(location.search).get('pk') ?? '';

const enrol = document.getElementById('enrol');
if (PUBLISHABLE_KEY) enrol.setAttribute('publishable-key', PUBLISHABLE_KEY);

document.querySelector('collect-quote').addEventListener('collect-quote', (event) => {
  const { debtorOwes, creditorPays } = event.detail.quote;
  console.info('estimate: debtor owes', debtorOwes.total, '; creditor pays now', creditorPays.total);
});
document.addEventListener('collect-error', (event) => console.warn('collect-error', event.detail));
