// The demo association page's own glue, in a file because the page's CSP forbids inline scripts.
// It only listens to the elements' events (an association's web team would do the same): nothing
// here configures or styles the elements — the server wrote their attributes into the page.

const lang = document.documentElement.lang === 'sv' ? 'sv' : 'da';
const TEXT = {
  da: {
    enrolled: 'Du er tilmeldt og logget ind. Send din første faktura til inkasso nedenfor.',
    caseCreated: (ref) => `Sagen er oprettet${ref ? ` (${ref})` : ''}. Du kan følge den under „Følg dine sager“.`,
  },
  sv: {
    enrolled: 'Du är ansluten och inloggad. Skicka din första faktura till inkasso nedan.',
    caseCreated: (ref) => `Ärendet är skapat${ref ? ` (${ref})` : ''}. Du kan följa det under ”Följ dina ärenden”.`,
  },
}[lang];

/** A polite status line above a section, for what happened in the element before it. */
function say(sectionId, text) {
  const section = document.getElementById(sectionId);
  if (!section) return;
  let status = section.querySelector('.page-status');
  if (!status) {
    status = document.createElement('p');
    status.className = 'page-status';
    status.setAttribute('role', 'status');
    section.querySelector('h2')?.after(status);
  }
  status.textContent = text;
}

const caseSection = document.querySelector('collect-case')?.closest('section');
const statusSection = document.querySelector('collect-status')?.closest('section');

document.addEventListener('collect-submit', (event) => {
  // Retargeted to the element itself at document level, whatever shadow root it came from.
  const tag = event.target instanceof Element ? event.target.localName : '';
  if (tag === 'collect-enrol') {
    // The enrolment ended signed in (a session cookie for this origin). The case and status
    // elements on the page were rendered before that; give them a fresh start so they read the
    // session now, as they would on the next page load.
    for (const name of ['collect-case', 'collect-status']) {
      const element = document.querySelector(name);
      if (element && customElements.get(name)) element.replaceWith(element.cloneNode(true));
    }
    if (caseSection) say(caseSection.id, TEXT.enrolled);
  } else if (tag === 'collect-case') {
    const reference = event.detail?.reference ?? '';
    if (statusSection) say(statusSection.id, TEXT.caseCreated(String(reference)));
    // The status list was read before this case existed: read it again (its public method).
    const status = document.querySelector('collect-status');
    if (status && typeof status.refreshList === 'function') void status.refreshList();
  }
});

document.addEventListener('collect-error', (event) => {
  // For whoever is looking at the demo with the developer tools open.
  console.warn('collect-error', event.detail);
});
