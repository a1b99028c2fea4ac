import type { LegalCostItem } from '@collectkit/sdk';
import type { FeeKind } from '../notifications/kinds.js';

/**
 * The wording of a claim file in the language of the court or authority it goes to: Danish for a
 * betalingspåkrav (retsplejeloven § 477 ff., filed at minretssag.dk), Swedish for an ansökan om
 * betalningsföreläggande (lag (1990:746) om betalningsföreläggande och handräckning) to Kronofogden.
 * Amounts and dates come formatted; the text only words them.
 */
export interface ClaimFileText {
  readonly title: string;
  readonly subtitle: string;
  readonly caseNumber: string;
  readonly date: string;
  readonly applicant: string;
  readonly representative: string;
  readonly respondent: string;
  readonly companyId: string;
  readonly personalId: string;
  /** A consumer's personal id is kept by the agency and never printed here (it is given at filing). */
  readonly personalIdAtFiling: string;
  readonly unknownId: string;
  readonly claim: string;
  readonly invoiceRow: (number: string, issued: string, due: string) => string;
  readonly principalTotal: string;
  readonly interest: string;
  readonly interestBasis: (citation: string, rate: string, reference: string, margin: string) => string;
  readonly interestFrom: (invoice: string, from: string, outstanding: string) => string;
  readonly interestAccrued: (rate: string, from: string, through: string, invoice: string) => string;
  readonly interestAccruedTotal: string;
  readonly costs: string;
  readonly feeBasis: Readonly<Partial<Record<FeeKind, string>>>;
  readonly basis: string;
  readonly noBasis: string;
  readonly applicationCosts: string;
  readonly applicationCost: Readonly<Partial<Record<LegalCostItem['kind'], string>>>;
  readonly atMost: string;
  /** An application cost whose amount RULES.md does not give: never a figure. */
  readonly toBeDetermined: string;
  readonly notice: string;
  readonly noticeSent: (sentOn: string, payBy: string) => string;
  readonly noticeMissing: string;
  readonly remindersSent: (dates: string) => string;
  readonly payments: string;
  readonly noPayments: string;
  readonly paymentRow: (date: string) => string;
  readonly total: string;
  readonly totalNote: string;
  readonly attachments: string;
  readonly attachmentLetters: string;
  readonly noAttachments: string;
  readonly footer: (agency: string) => string;
}

/** A company's register number by the name of its country's register, whatever the file's language. */
export const COMPANY_ID_NAMES: Readonly<Record<string, string>> = { DK: 'CVR-nr.', SE: 'Organisationsnummer', NO: 'Organisasjonsnummer', FI: 'Y-tunnus' };

export const CLAIM_FILE_TEXT: Readonly<Record<'da' | 'sv', ClaimFileText>> = {
  da: {
    title: 'Betalingspåkrav',
    subtitle: 'Oplysninger til betalingspåkrav efter retsplejeloven § 477 ff. (indgives via minretssag.dk)',
    caseNumber: 'Inkassosag',
    date: 'Opgjort pr.',
    applicant: 'Fordringshaver (sagsøger)',
    representative: 'Fordringshaverens repræsentant (inkassobureau)',
    respondent: 'Skyldner (sagsøgte)',
    companyId: 'CVR-nr.',
    personalId: 'CPR-nr.',
    personalIdAtFiling: 'oplyses ved indgivelsen',
    unknownId: 'ikke oplyst',
    claim: 'Kravet',
    invoiceRow: (number, issued, due) => `Faktura ${number}, udstedt ${issued}, forfald ${due}`,
    principalTotal: 'Hovedstol i alt (udestående)',
    interest: 'Renter',
    interestBasis: (citation, rate, reference, margin) =>
      `Morarente efter ${citation}: p.t. ${rate} % p.a. (referencesats ${reference} % + ${margin} procentpoint), til betaling sker.`,
    interestFrom: (invoice, from, outstanding) => `Faktura ${invoice}: renter af ${outstanding} fra ${from}`,
    interestAccrued: (rate, from, through, invoice) => `Påløbne renter ${rate} % p.a., ${from} til ${through} · ${invoice}`,
    interestAccruedTotal: 'Påløbne renter i alt',
    costs: 'Omkostninger, som sagen bærer',
    feeBasis: {
      reminder_fee: 'renteloven § 9 b, stk. 1–2',
      collection_fee: 'BEK nr. 601/2002, bilag 1 (BEK nr. 476/2016)',
      compensation: 'renteloven § 9 a, stk. 3',
    },
    basis: 'Hjemmel',
    noBasis: 'ikke registreret',
    applicationCosts: 'Omkostninger ved betalingspåkravet',
    applicationCost: { court_fee: 'Retsafgift for betalingspåkrav', application_fee: 'Ansøgningsafgift', applicant_work: 'Salær' },
    atMost: 'højst',
    toBeDetermined: 'fastsættes senere',
    notice: 'Inkassovarsel',
    noticeSent: (sentOn, payBy) => `Skriftligt inkassovarsel efter inkassoloven § 10 sendt ${sentOn} med betalingsfrist ${payBy}.`,
    noticeMissing: 'Der er ikke registreret et inkassovarsel på sagen (inkassoloven § 10).',
    remindersSent: (dates) => `Rykkere sendt: ${dates}.`,
    payments: 'Modtagne indbetalinger',
    noPayments: 'Ingen indbetalinger modtaget.',
    paymentRow: (date) => `Indbetalt ${date}`,
    total: 'Krav i alt pr. opgørelsesdagen',
    totalNote: 'Hertil kommer renter fra opgørelsesdagen til betaling sker og omkostningerne ved betalingspåkravet.',
    attachments: 'Bilag',
    attachmentLetters: 'Rykkere og inkassovarsel (kopier i sagen)',
    noAttachments: 'Ingen dokumenter på sagen.',
    footer: (agency) => `Udarbejdet af ${agency} på fordringshaverens vegne.`,
  },
  sv: {
    title: 'Ansökan om betalningsföreläggande',
    subtitle: 'Underlag för ansökan till Kronofogden enligt lag (1990:746) om betalningsföreläggande och handräckning',
    caseNumber: 'Inkassoärende',
    date: 'Beräknat per',
    applicant: 'Sökande (borgenär)',
    representative: 'Sökandens ombud (inkassoföretag)',
    respondent: 'Svarande (gäldenär)',
    companyId: 'Organisationsnummer',
    personalId: 'Personnummer',
    personalIdAtFiling: 'lämnas vid ansökan',
    unknownId: 'uppgift saknas',
    claim: 'Fordran',
    invoiceRow: (number, issued, due) => `Faktura ${number}, utfärdad ${issued}, förfallodag ${due}`,
    principalTotal: 'Kapitalbelopp totalt (obetalt)',
    interest: 'Ränta',
    interestBasis: (citation, rate, reference, margin) =>
      `Dröjsmålsränta enligt ${citation}: för närvarande ${rate} % per år (referensränta ${reference} % + ${margin} procentenheter), till dess betalning sker.`,
    interestFrom: (invoice, from, outstanding) => `Faktura ${invoice}: ränta på ${outstanding} från ${from}`,
    interestAccrued: (rate, from, through, invoice) => `Upplupen ränta ${rate} % per år, ${from} till ${through} · ${invoice}`,
    interestAccruedTotal: 'Upplupen ränta totalt',
    costs: 'Kostnader som ärendet bär',
    feeBasis: {
      reminder_fee: 'lag (1981:739) 2 §',
      notice_fee: 'lag (1981:739) 4 §',
      collection_fee: 'lag (1981:739) 4 §',
      compensation: 'lag (1981:739) 4 a §',
      instalment_plan_fee: 'lag (1981:739) 4 §',
    },
    basis: 'Grund',
    noBasis: 'ej registrerad',
    applicationCosts: 'Kostnader för ansökan',
    applicationCost: { application_fee: 'Ansökningsavgift (Kronofogden)', applicant_work: 'Ombudsarvode (ersättning för eget arbete med ansökan)', court_fee: 'Avgift' },
    atMost: 'högst',
    toBeDetermined: 'fastställs senare',
    notice: 'Inkassokrav',
    noticeSent: (sentOn, payBy) => `Inkassokrav enligt inkassolagen 5 § skickat ${sentOn} med sista betalningsdag ${payBy}.`,
    noticeMissing: 'Inget inkassokrav är registrerat i ärendet (inkassolagen 5 §).',
    remindersSent: (dates) => `Påminnelser skickade: ${dates}.`,
    payments: 'Mottagna betalningar',
    noPayments: 'Inga betalningar har mottagits.',
    paymentRow: (date) => `Inbetalt ${date}`,
    total: 'Fordran totalt per beräkningsdagen',
    totalNote: 'Därtill kommer ränta från beräkningsdagen till dess betalning sker och kostnaderna för ansökan.',
    attachments: 'Bilagor',
    attachmentLetters: 'Påminnelser och inkassokrav (kopior i ärendet)',
    noAttachments: 'Inga handlingar i ärendet.',
    footer: (agency) => `Upprättad av ${agency} för sökandens räkning.`,
  },
};
