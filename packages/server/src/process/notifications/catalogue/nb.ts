import type { MessageCatalogue } from './types.js';

export const nb: MessageCatalogue = {
  locale: 'nb-NO',
  titles: {
    reminder: 'Purring',
    pre_collection_notice: 'Inkassovarsel',
    collection_letter: 'Betalingsoppfordring',
    instalment_plan_confirmation: 'Bekreftelse av nedbetalingsavtale',
    instalment_plan_lapsed: 'Nedbetalingsavtalen er falt bort',
    payment_receipt: 'Kvittering for betaling',
  },
  feeNames: {
    reminder_fee: 'Purregebyr',
    notice_fee: 'Gebyr for inkassovarsel',
    collection_fee: 'Inkassosalær',
    compensation: 'Standardkompensasjon',
    instalment_plan_fee: 'Gebyr for nedbetalingsavtale',
  },
  labels: {
    caseNumber: 'Saksnummer',
    date: 'Dato',
    creditor: 'Kreditor',
    specification: 'Spesifikasjon av kravet',
    amount: 'Beløp',
    invoice: (number, dueDate) => `Faktura ${number}, forfall ${dueDate}`,
    interest: (rate, from, to) => `Forsinkelsesrente ${rate} % p.a., ${from}–${to}`,
    provisionalRate: 'foreløpig sats',
    total: 'Å betale',
    payBy: 'Betales innen',
    reference: 'Betalingsreferanse',
    payTo: 'Betales til',
    accountNumber: 'Kontonummer',
    creditorNumber: 'Kreditornummer',
    instalment: (n) => `Avdrag ${n}`,
    dueOn: 'Forfall',
    amountPaid: 'Mottatt beløp',
    paymentReceived: (date) => `Innbetalt ${date}`,
    remaining: 'Restgjeld',
  },
  greeting: (name) => `Hei ${name},`,
  paragraphs: {
    reminder: (f) => [
      `Vi kan ikke se at beløpet nedenfor til ${f.creditorName} er betalt. Dette er purring nr. ${f.reminderNumber}.`,
      `Vennligst betal ${f.total} innen ${f.deadline} og oppgi betalingsreferanse ${f.reference}. Har du allerede betalt, kan du se bort fra dette brevet.`,
    ],
    pre_collection_notice: (f) => [
      `${f.creditorName} har bedt oss om å innkreve kravet nedenfor, som ikke er betalt til tross for tidligere purring.`,
      `Vennligst betal ${f.total} innen ${f.deadline} og oppgi betalingsreferanse ${f.reference}. Blir beløpet ikke betalt innen fristen, blir kravet sendt til inkasso, og det påløper ytterligere kostnader for deg.`,
      'Mener du at kravet er feil, må du kontakte oss før fristen.',
    ],
    collection_letter: (f) => [
      `Kravet fra ${f.creditorName} mot deg er nå til inkasso hos ${f.agencyName}. Inkassosalær og forsinkelsesrente er lagt til slik loven tillater.`,
      `Vennligst betal ${f.total} innen ${f.deadline} og oppgi betalingsreferanse ${f.reference}. Kan du ikke betale hele beløpet, kontakt oss om en nedbetalingsavtale. Uten betaling eller avtale kan vi gå til rettslige skritt.`,
    ],
    instalment_plan_confirmation: (f) => [
      `Vi bekrefter den avtalte nedbetalingsavtalen for sak ${f.caseNumber}: ${f.instalmentCount} avdrag, det første på ${f.firstInstalmentAmount} den ${f.firstInstalmentOn}.`,
      `Oppgi betalingsreferanse ${f.reference} ved hver betaling. Blir et avdrag ikke betalt, forfaller hele restgjelden, og inkassosaken gjenopptas.`,
    ],
    instalment_plan_lapsed: (f) => [
      `Et avdrag i den avtalte nedbetalingsavtalen for sak ${f.caseNumber} er ikke betalt i tide, og avtalen er derfor falt bort.`,
      `Hele restgjelden, ${f.total}, forfaller nå til betaling. Betal innen ${f.deadline}, og oppgi betalingsreferanse ${f.reference}. Uten betaling fortsetter inkassosaken og kan føre til rettslige skritt.`,
    ],
    payment_receipt: (f) => [
      `Vi har ${f.paidOn} mottatt ${f.paidAmount} på sak ${f.caseNumber}. Takk for betalingen.`,
      f.settled ? 'Kravet er nå betalt i sin helhet, og saken er avsluttet.' : `Restgjeld: ${f.remaining}. Vennligst betal resten innen ${f.deadline} og oppgi betalingsreferanse ${f.reference}.`,
    ],
  },
  sms: {
    reminder: (f) => `Purring ${f.reminderNumber}, sak ${f.caseNumber}: betal ${f.total} innen ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    pre_collection_notice: (f) => `Inkassovarsel, sak ${f.caseNumber}: betal ${f.total} innen ${f.deadlineShort}, ellers inkasso. Ref. ${f.reference}. ${f.agencyName}`,
    collection_letter: (f) => `Inkasso, sak ${f.caseNumber}: betal ${f.total} innen ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    instalment_plan_confirmation: (f) => `Nedbetalingsavtale, sak ${f.caseNumber}: ${f.instalmentCount} avdrag, første ${f.firstInstalmentAmount} den ${f.firstInstalmentOn}. Ref. ${f.reference}. ${f.agencyName}`,
    instalment_plan_lapsed: (f) => `Nedbetalingsavtale falt bort, sak ${f.caseNumber}: betal hele ${f.total} innen ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    payment_receipt: (f) => `Mottatt ${f.paidAmount}, sak ${f.caseNumber}. ${f.settled ? 'Fullt betalt, takk.' : `Restgjeld: ${f.remaining}.`} ${f.agencyName}`,
  },
  closing: 'Med vennlig hilsen',
  contact: (agency, email) => `Spørsmål om saken? Kontakt ${agency} på ${email} og oppgi saksnummeret.`,
};
