import type { MessageCatalogue } from './types.js';

export const da: MessageCatalogue = {
  locale: 'da-DK',
  titles: {
    reminder: 'Rykker',
    pre_collection_notice: 'Inkassovarsel',
    collection_letter: 'Inkassomeddelelse',
    instalment_plan_confirmation: 'Bekræftelse af afdragsordning',
    instalment_plan_lapsed: 'Afdragsordningen er bortfaldet',
    payment_receipt: 'Kvittering for betaling',
  },
  feeNames: {
    reminder_fee: 'Rykkergebyr',
    notice_fee: 'Gebyr for inkassovarsel',
    collection_fee: 'Inkassoomkostninger',
    compensation: 'Kompensationsbeløb',
    instalment_plan_fee: 'Gebyr for afdragsordning',
  },
  labels: {
    caseNumber: 'Sagsnummer',
    date: 'Dato',
    creditor: 'Kreditor',
    specification: 'Opgørelse af kravet',
    amount: 'Beløb',
    invoice: (number, dueDate) => `Faktura ${number}, forfald ${dueDate}`,
    interest: (rate, from, to) => `Morarente ${rate} % p.a., ${from} til ${to}`,
    provisionalRate: 'foreløbig sats',
    total: 'I alt at betale',
    payBy: 'Betales senest',
    reference: 'Betalingsreference',
    payTo: 'Betales til',
    accountNumber: 'Reg.nr. og kontonr.',
    creditorNumber: 'Kreditornr.',
    instalment: (n) => `${n}. afdrag`,
    dueOn: 'Forfald',
    amountPaid: 'Modtaget beløb',
    paymentReceived: (date) => `Indbetalt ${date}`,
    remaining: 'Restgæld',
  },
  greeting: (name) => `Kære ${name}`,
  paragraphs: {
    reminder: (f) => [
      `Vi kan ikke se, at nedenstående beløb til ${f.creditorName} er betalt. Dette er ${f.reminderNumber}. rykker.`,
      `Betal venligst ${f.total} senest ${f.deadline} med betalingsreference ${f.reference}. Har du allerede betalt, kan du se bort fra dette brev.`,
    ],
    pre_collection_notice: (f) => [
      `${f.creditorName} har bedt os inddrive nedenstående krav, som trods tidligere rykkere ikke er betalt.`,
      `Betal venligst ${f.total} senest ${f.deadline} med betalingsreference ${f.reference}. Er beløbet ikke betalt inden fristen, overgår kravet til inkasso, og det medfører yderligere omkostninger for dig.`,
      'Mener du, at kravet ikke er korrekt, så kontakt os inden fristen.',
    ],
    collection_letter: (f) => [
      `${f.creditorName}s krav mod dig er nu overgået til inkasso hos ${f.agencyName}. Inkassoomkostninger og morarenter er tillagt, som loven tillader.`,
      `Betal venligst ${f.total} senest ${f.deadline} med betalingsreference ${f.reference}. Kan du ikke betale hele beløbet, så kontakt os om en afdragsordning. Uden betaling eller aftale kan vi indlede retslige skridt.`,
    ],
    instalment_plan_confirmation: (f) => [
      `Vi bekræfter den aftalte afdragsordning for sag ${f.caseNumber}: ${f.instalmentCount} afdrag, det første på ${f.firstInstalmentAmount} den ${f.firstInstalmentOn}.`,
      `Angiv betalingsreference ${f.reference} ved hver betaling. Betales et afdrag ikke rettidigt, forfalder hele restgælden, og inkassosagen genoptages.`,
    ],
    instalment_plan_lapsed: (f) => [
      `Et afdrag i den aftalte afdragsordning for sag ${f.caseNumber} er ikke betalt rettidigt, og afdragsordningen er derfor bortfaldet.`,
      `Hele restgælden, ${f.total}, forfalder nu til betaling. Betal senest ${f.deadline}, og angiv betalingsreference ${f.reference}. Uden betaling fortsætter inkassosagen og kan føre til retslige skridt.`,
    ],
    payment_receipt: (f) => [
      `Vi har den ${f.paidOn} modtaget ${f.paidAmount} på sag ${f.caseNumber}. Tak for betalingen.`,
      f.settled ? 'Kravet er nu betalt fuldt ud, og sagen er afsluttet.' : `Restgæld: ${f.remaining}. Betal venligst resten senest ${f.deadline} med betalingsreference ${f.reference}.`,
    ],
  },
  sms: {
    reminder: (f) => `${f.reminderNumber}. rykker, sag ${f.caseNumber}: betal ${f.total} senest ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    pre_collection_notice: (f) => `Inkassovarsel, sag ${f.caseNumber}: betal ${f.total} senest ${f.deadlineShort} for at undgå inkasso. Ref. ${f.reference}. ${f.agencyName}`,
    collection_letter: (f) => `Inkasso, sag ${f.caseNumber}: betal ${f.total} senest ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    instalment_plan_confirmation: (f) => `Afdragsordning, sag ${f.caseNumber}: ${f.instalmentCount} afdrag, første ${f.firstInstalmentAmount} den ${f.firstInstalmentOn}. Ref. ${f.reference}. ${f.agencyName}`,
    instalment_plan_lapsed: (f) => `Afdragsordning bortfaldet, sag ${f.caseNumber}: betal hele ${f.total} senest ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    payment_receipt: (f) => `Modtaget ${f.paidAmount}, sag ${f.caseNumber}. ${f.settled ? 'Betalt fuldt ud, tak.' : `Restgæld ${f.remaining}`} ${f.agencyName}`,
  },
  closing: 'Med venlig hilsen',
  contact: (agency, email) => `Spørgsmål til sagen? Kontakt ${agency} på ${email} og oplys sagsnummeret.`,
};
