import type { CountryCode } from '@collectkit/sdk';

/**
 * The English catalogue, and the `Messages` type every other locale implements completely.
 * Every string an element shows or announces lives here; interpolated ones are functions so that
 * each language can place the values where its grammar wants them. Amounts and dates arrive
 * already formatted by the LocalizeController (Intl), never as raw numbers.
 */
export interface Messages {
  /** BCP 47 tag of the catalogue, as Intl takes it. */
  readonly locale: string;
  readonly common: {
    readonly yes: string;
    readonly no: string;
    readonly next: string;
    readonly back: string;
    readonly startOver: string;
    readonly optional: string;
    readonly stepOf: (step: number, total: number) => string;
    readonly countries: Readonly<Record<CountryCode, string>>;
  };
  readonly controls: {
    readonly required: string;
    /** `example` is an amount formatted in the locale, e.g. "1.234,50". */
    readonly invalidAmount: (example: string) => string;
    readonly negativeAmount: string;
    readonly amountTooLarge: string;
    readonly amountMustBePositive: string;
    /** `pattern` is the locale's date pattern, e.g. "dd.mm.yyyy". */
    readonly invalidDate: (pattern: string) => string;
    /** Letters for day, month and year in the date pattern shown as a hint: d, m, y in English. */
    readonly datePatternLetters: { readonly day: string; readonly month: string; readonly year: string };
    readonly dateFormatHint: (pattern: string) => string;
    /** The name of the business identifier in each country: CVR number, organisationsnummer, … */
    readonly companyIdName: Readonly<Record<CountryCode, string>>;
    readonly invalidCompanyId: (idName: string) => string;
    readonly validCompanyId: (idName: string) => string;
    readonly companyIdHint: Readonly<Record<CountryCode, string>>;
    readonly errorCount: (count: number) => string;
  };
  readonly quote: {
    readonly title: string;
    readonly intro: string;
    readonly stepCompany: string;
    readonly stepDebtor: string;
    readonly stepInvoices: string;
    readonly stepResult: string;
    readonly companyCountry: string;
    readonly member: string;
    readonly debtorType: string;
    readonly business: string;
    readonly consumer: string;
    readonly debtorCountry: string;
    readonly invoice: (index: number) => string;
    readonly amount: (currency: string) => string;
    readonly dueDate: string;
    readonly dueDateNotPassed: string;
    readonly addInvoice: string;
    readonly removeInvoice: (index: number) => string;
    readonly invoiceAdded: (index: number) => string;
    readonly invoiceRemoved: (index: number) => string;
    readonly mixedCurrencies: string;
    readonly calculate: string;
    readonly changeInvoices: string;
    readonly nonBinding: string;
    readonly asOf: (date: string) => string;
    readonly youPay: string;
    readonly registrationFee: string;
    readonly commission: (percent: string) => string;
    readonly ageSurcharge: (percent: string) => string;
    readonly memberDiscount: string;
    readonly vat: (percent: string) => string;
    readonly totalYouPay: string;
    readonly commissionNote: string;
    readonly debtorOwes: string;
    readonly principal: string;
    readonly reminderFees: string;
    readonly collectionFee: string;
    readonly compensation: string;
    readonly interest: (days: number) => string;
    readonly totalDebtorOwes: string;
    readonly expectedNet: string;
    readonly expectedNetNote: string;
    readonly warnings: string;
    readonly warningBelowMinimum: (minimum: string) => string;
    readonly warningOldDebt: (days: number) => string;
    readonly warningLimitationSoon: (date: string) => string;
    readonly warningLimitationPassed: (date: string) => string;
    readonly quoteReady: (net: string) => string;
    readonly quoteFailed: string;
  };
}

const en: Messages = {
  locale: 'en',
  common: {
    yes: 'Yes',
    no: 'No',
    next: 'Next',
    back: 'Back',
    startOver: 'Start over',
    optional: 'optional',
    stepOf: (step, total) => `Step ${step} of ${total}`,
    countries: { DK: 'Denmark', SE: 'Sweden', NO: 'Norway', FI: 'Finland' },
  },
  controls: {
    required: 'Fill in this field.',
    invalidAmount: (example) => `Write the amount as a number, for example ${example}.`,
    negativeAmount: 'The amount cannot be negative.',
    amountTooLarge: 'The amount is too large.',
    amountMustBePositive: 'The amount must be more than zero.',
    invalidDate: (pattern) => `Write a real date as ${pattern}.`,
    datePatternLetters: { day: 'd', month: 'm', year: 'y' },
    dateFormatHint: (pattern) => `Format: ${pattern}`,
    companyIdName: { DK: 'CVR number', SE: 'organisation number', NO: 'organisation number', FI: 'Business ID' },
    invalidCompanyId: (idName) => `This is not a valid ${idName}. Check the digits.`,
    validCompanyId: (idName) => `Valid ${idName}.`,
    companyIdHint: { DK: '8 digits', SE: '10 digits, e.g. 556677-8899', NO: '9 digits', FI: '7 digits, a dash and a check digit' },
    errorCount: (count) => (count === 1 ? 'There is 1 error to fix.' : `There are ${count} errors to fix.`),
  },
  quote: {
    title: 'What does collection cost?',
    intro: 'An instant, non-binding estimate. No sign-in needed.',
    stepCompany: 'Your company',
    stepDebtor: 'The debtor',
    stepInvoices: 'The invoices',
    stepResult: 'Your estimate',
    companyCountry: 'Country of your company',
    member: 'Is your company a member of the association?',
    debtorType: 'Is the debtor a business or a consumer?',
    business: 'Business',
    consumer: 'Consumer',
    debtorCountry: 'Country of the debtor',
    invoice: (index) => `Invoice ${index}`,
    amount: (currency) => `Amount owed (${currency})`,
    dueDate: 'Due date',
    dueDateNotPassed: 'The due date has not passed yet, so the invoice is not overdue.',
    addInvoice: 'Add another invoice',
    removeInvoice: (index) => `Remove invoice ${index}`,
    invoiceAdded: (index) => `Invoice ${index} added.`,
    invoiceRemoved: (index) => `Invoice ${index} removed.`,
    mixedCurrencies: 'All invoices in one case must be in the same currency.',
    calculate: 'Calculate',
    changeInvoices: 'Change the invoices',
    nonBinding: 'This estimate is not binding. The final price is confirmed when you submit the case.',
    asOf: (date) => `Calculated as of ${date}.`,
    youPay: 'What you pay',
    registrationFee: 'Registration fee',
    commission: (percent) => `Commission, ${percent} of what is collected`,
    ageSurcharge: (percent) => `Surcharge for old debt, ${percent}`,
    memberDiscount: 'Member discount',
    vat: (percent) => `VAT ${percent}`,
    totalYouPay: 'Total you pay if everything is collected',
    commissionNote: 'Commission is paid only on what is actually collected.',
    debtorOwes: 'What the debtor owes by law',
    principal: 'The invoices',
    reminderFees: 'Reminder fees',
    collectionFee: 'Collection fee',
    compensation: 'Compensation for late payment',
    interest: (days) => `Late-payment interest (${days} days)`,
    totalDebtorOwes: 'Total the debtor owes',
    expectedNet: 'You receive, if paid in full',
    expectedNetNote: 'The invoices minus what you pay.',
    warnings: 'Before you submit',
    warningBelowMinimum: (minimum) => `The amount is below the minimum of ${minimum}; collection may cost more than it brings in.`,
    warningOldDebt: (days) => `The oldest invoice is ${days} days overdue. Old debt is harder to collect.`,
    warningLimitationSoon: (date) => `The claim becomes time-barred on ${date}. Act before then.`,
    warningLimitationPassed: (date) => `The claim may have been time-barred since ${date}.`,
    quoteReady: (net) => `Estimate ready. You receive ${net} if paid in full.`,
    quoteFailed: 'The estimate could not be calculated. Check the invoices and try again.',
  },
};

export default en;
