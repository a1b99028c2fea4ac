import type { MessageCatalogue } from './types.js';

export const fi: MessageCatalogue = {
  locale: 'fi-FI',
  titles: {
    reminder: 'Maksumuistutus',
    pre_collection_notice: 'Perintäkirje',
    collection_letter: 'Maksuvaatimus',
    instalment_plan_confirmation: 'Maksusuunnitelman vahvistus',
    instalment_plan_lapsed: 'Maksusuunnitelma on rauennut',
    payment_receipt: 'Maksukuitti',
  },
  feeNames: {
    reminder_fee: 'Muistutusmaksu',
    notice_fee: 'Perintäkirjeen kulut',
    collection_fee: 'Perintäkulut',
    compensation: 'Vakiokorvaus perintäkuluista',
    instalment_plan_fee: 'Maksusuunnitelman kulut',
  },
  labels: {
    caseNumber: 'Asianumero',
    date: 'Päivämäärä',
    creditor: 'Velkoja',
    specification: 'Saatavan erittely',
    amount: 'Määrä',
    invoice: (number, dueDate) => `Lasku ${number}, eräpäivä ${dueDate}`,
    interest: (rate, from, to) => `Viivästyskorko ${rate} % vuodessa, ${from}–${to}`,
    provisionalRate: 'alustava korko',
    total: 'Maksettava yhteensä',
    payBy: 'Eräpäivä',
    reference: 'Viitenumero',
    payTo: 'Saaja',
    accountNumber: 'Tilinumero',
    creditorNumber: 'Velkojanumero',
    instalment: (n) => `${n}. erä`,
    dueOn: 'Eräpäivä',
    amountPaid: 'Vastaanotettu maksu',
    paymentReceived: (date) => `Maksettu ${date}`,
    remaining: 'Jäljellä oleva velka',
  },
  greeting: (name) => `Hyvä ${name}`,
  paragraphs: {
    reminder: (f) => [
      `Kirjanpitomme mukaan alla oleva saatava, jonka velkoja on ${f.creditorName}, on edelleen maksamatta. Tämä on ${f.reminderNumber}. maksumuistutus.`,
      `Maksathan ${f.total} viimeistään ${f.deadline} viitenumerolla ${f.reference}. Jos olet jo maksanut, tämä kirje on aiheeton.`,
    ],
    pre_collection_notice: (f) => [
      `${f.creditorName} on antanut alla olevan saatavan meille perittäväksi, koska sitä ei ole maksettu aiemmista muistutuksista huolimatta.`,
      `Maksathan ${f.total} viimeistään ${f.deadline} viitenumerolla ${f.reference}. Jos saatavaa ei makseta määräpäivään mennessä, perintä jatkuu ja siitä aiheutuu sinulle lisäkuluja.`,
      'Jos katsot, että saatava on virheellinen, ota yhteyttä meihin ennen määräpäivää.',
    ],
    collection_letter: (f) => [
      `Velkojan ${f.creditorName} saatava on nyt perinnässä, jota hoitaa ${f.agencyName}. Saatavaan on lisätty perintäkulut ja viivästyskorko lain sallimissa rajoissa.`,
      `Maksathan ${f.total} viimeistään ${f.deadline} viitenumerolla ${f.reference}. Jos et voi maksaa koko summaa, ota yhteyttä ja sovi maksusuunnitelmasta. Ilman maksua tai sopimusta asia voidaan siirtää oikeudelliseen perintään.`,
    ],
    instalment_plan_confirmation: (f) => [
      `Vahvistamme asian ${f.caseNumber} maksusuunnitelman: ${f.instalmentCount} erää, joista ensimmäinen ${f.firstInstalmentAmount} erääntyy ${f.firstInstalmentOn}.`,
      `Käytä jokaisessa maksussa viitenumeroa ${f.reference}. Jos erä jää maksamatta, koko jäljellä oleva velka erääntyy ja perintä jatkuu.`,
    ],
    instalment_plan_lapsed: (f) => [
      `Asian ${f.caseNumber} maksusuunnitelman erää ei ole maksettu ajallaan, joten maksusuunnitelma on rauennut.`,
      `Koko jäljellä oleva velka, ${f.total}, on nyt erääntynyt. Maksa se viimeistään ${f.deadline} ja käytä viitenumeroa ${f.reference}. Jos maksua ei suoriteta, perintä jatkuu ja voi johtaa oikeudellisiin toimiin.`,
    ],
    payment_receipt: (f) => [
      `Olemme vastaanottaneet ${f.paidAmount} ${f.paidOn} asiaan ${f.caseNumber}. Kiitos maksustasi.`,
      f.settled ? 'Saatava on nyt maksettu kokonaan ja asia on päätetty.' : `Jäljellä oleva velka: ${f.remaining}. Maksathan loput viimeistään ${f.deadline} viitenumerolla ${f.reference}.`,
    ],
  },
  sms: {
    reminder: (f) => `Maksumuistutus ${f.reminderNumber}, asia ${f.caseNumber}: maksa ${f.total} viim. ${f.deadlineShort}. Viite ${f.reference}. ${f.agencyName}`,
    pre_collection_notice: (f) => `Perintäkirje, asia ${f.caseNumber}: maksa ${f.total} viim. ${f.deadlineShort} välttääksesi lisäkulut. Viite ${f.reference}. ${f.agencyName}`,
    collection_letter: (f) => `Perintä, asia ${f.caseNumber}: maksa ${f.total} viim. ${f.deadlineShort}. Viite ${f.reference}. ${f.agencyName}`,
    instalment_plan_confirmation: (f) => `Maksusuunnitelma, asia ${f.caseNumber}: ${f.instalmentCount} erää, 1. erä ${f.firstInstalmentAmount} ${f.firstInstalmentOn}. Viite ${f.reference}. ${f.agencyName}`,
    instalment_plan_lapsed: (f) => `Maksusuunnitelma rauennut, asia ${f.caseNumber}: maksa koko ${f.total} viim. ${f.deadlineShort}. Viite ${f.reference}. ${f.agencyName}`,
    payment_receipt: (f) => `Vastaanotettu ${f.paidAmount}, asia ${f.caseNumber}. ${f.settled ? 'Maksettu kokonaan, kiitos.' : `Jäljellä: ${f.remaining}.`} ${f.agencyName}`,
  },
  closing: 'Ystävällisin terveisin',
  contact: (agency, email) => `Kysyttävää asiasta? Ota yhteyttä: ${agency}, ${email}. Mainitse asianumero.`,
};
