import type { MessageCatalogue } from './types.js';

export const sv: MessageCatalogue = {
  locale: 'sv-SE',
  titles: {
    reminder: 'Påminnelse',
    pre_collection_notice: 'Inkassokrav',
    collection_letter: 'Betalningsuppmaning',
    instalment_plan_confirmation: 'Bekräftelse av amorteringsplan',
    instalment_plan_lapsed: 'Amorteringsplanen har upphört',
    payment_receipt: 'Kvitto på betalning',
  },
  feeNames: {
    reminder_fee: 'Påminnelseavgift',
    notice_fee: 'Inkassoavgift',
    collection_fee: 'Ersättning för inkassokostnader',
    compensation: 'Förseningsersättning',
    instalment_plan_fee: 'Avgift för amorteringsplan',
  },
  labels: {
    caseNumber: 'Ärendenummer',
    date: 'Datum',
    creditor: 'Borgenär',
    specification: 'Specifikation av fordran',
    amount: 'Belopp',
    invoice: (number, dueDate) => `Faktura ${number}, förfallodag ${dueDate}`,
    interest: (rate, from, to) => `Dröjsmålsränta ${rate} % per år, ${from}–${to}`,
    provisionalRate: 'preliminär räntesats',
    total: 'Att betala',
    payBy: 'Betala senast',
    reference: 'Betalningsreferens',
    payTo: 'Betala till',
    accountNumber: 'Kontonummer',
    creditorNumber: 'Kreditornummer',
    instalment: (n) => `Delbetalning ${n}`,
    dueOn: 'Förfaller',
    amountPaid: 'Mottaget belopp',
    paymentReceived: (date) => `Inbetalt ${date}`,
    remaining: 'Kvar att betala',
  },
  greeting: (name) => `Hej ${name},`,
  paragraphs: {
    reminder: (f) => [
      `Vi kan inte se att beloppet nedan till ${f.creditorName} har betalats. Detta är påminnelse nr ${f.reminderNumber}.`,
      `Betala ${f.total} senast ${f.deadline} och ange betalningsreferensen ${f.reference}. Om du redan har betalat kan du bortse från detta brev.`,
    ],
    pre_collection_notice: (f) => [
      `${f.creditorName} har gett oss i uppdrag att driva in fordran nedan, som trots tidigare påminnelser inte har betalats.`,
      `Betala ${f.total} senast ${f.deadline} och ange betalningsreferensen ${f.reference}. Betalas beloppet inte i tid kan vi ansöka om betalningsföreläggande hos Kronofogden, vilket medför ytterligare kostnader för dig.`,
      'Om du anser att fordran är felaktig ska du kontakta oss före förfallodagen.',
    ],
    collection_letter: (f) => [
      `${f.creditorName}s fordran på dig handläggs nu av ${f.agencyName}. Kostnader och dröjsmålsränta har lagts till i den mån lagen tillåter.`,
      `Betala ${f.total} senast ${f.deadline} och ange betalningsreferensen ${f.reference}. Kan du inte betala hela beloppet, kontakta oss om en amorteringsplan. Utan betalning eller överenskommelse kan vi vidta rättsliga åtgärder.`,
    ],
    instalment_plan_confirmation: (f) => [
      `Vi bekräftar den överenskomna amorteringsplanen för ärende ${f.caseNumber}: ${f.instalmentCount} delbetalningar, den första på ${f.firstInstalmentAmount} den ${f.firstInstalmentOn}.`,
      `Ange betalningsreferensen ${f.reference} vid varje betalning. Uteblir en delbetalning förfaller hela skulden och indrivningen återupptas.`,
    ],
    instalment_plan_lapsed: (f) => [
      `En delbetalning enligt amorteringsplanen för ärende ${f.caseNumber} har inte betalats i tid, och amorteringsplanen har därför upphört.`,
      `Hela den återstående skulden, ${f.total}, förfaller nu till betalning. Betala senast ${f.deadline} och ange betalningsreferensen ${f.reference}. Utan betalning fortsätter indrivningen och kan leda till rättsliga åtgärder.`,
    ],
    payment_receipt: (f) => [
      `Vi har den ${f.paidOn} tagit emot ${f.paidAmount} för ärende ${f.caseNumber}. Tack för din betalning.`,
      f.settled ? 'Fordran är nu betald i sin helhet och ärendet är avslutat.' : `Kvar att betala: ${f.remaining}. Betala resten senast ${f.deadline} och ange betalningsreferensen ${f.reference}.`,
    ],
  },
  sms: {
    reminder: (f) => `Påminnelse ${f.reminderNumber}, ärende ${f.caseNumber}: betala ${f.total} senast ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    pre_collection_notice: (f) => `Inkassokrav, ärende ${f.caseNumber}: betala ${f.total} senast ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    collection_letter: (f) => `Inkasso, ärende ${f.caseNumber}: betala ${f.total} senast ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    instalment_plan_confirmation: (f) => `Amorteringsplan, ärende ${f.caseNumber}: ${f.instalmentCount} delbetalningar, första ${f.firstInstalmentAmount} den ${f.firstInstalmentOn}. Ref. ${f.reference}. ${f.agencyName}`,
    instalment_plan_lapsed: (f) => `Amorteringsplan upphört, ärende ${f.caseNumber}: betala hela ${f.total} senast ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    payment_receipt: (f) => `Mottaget ${f.paidAmount}, ärende ${f.caseNumber}. ${f.settled ? 'Helt betalt, tack.' : `Kvar: ${f.remaining}.`} ${f.agencyName}`,
  },
  closing: 'Med vänliga hälsningar',
  contact: (agency, email) => `Frågor om ärendet? Kontakta ${agency} på ${email} och ange ärendenumret.`,
};
