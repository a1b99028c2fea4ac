import type { CaseStage, Country as CountryCode, DocumentKind, QuoteLineCode, QuoteWarningCode } from '@collectkit/sdk';

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
    readonly chooseOne: string;
    readonly currency: string;
    readonly invoice: (index: number) => string;
    readonly amount: (currency: string) => string;
    readonly dueDate: string;
    readonly dueDateNotPassed: string;
    readonly addInvoice: string;
    readonly removeInvoice: (index: number) => string;
    readonly invoiceAdded: (index: number) => string;
    readonly invoiceRemoved: (index: number) => string;
    readonly calculate: string;
    readonly changeInvoices: string;
    readonly nonBinding: string;
    /** `date` is formatted; `plan` is the plan's name. */
    readonly basis: (date: string, plan: string) => string;
    /** Names of the shipped example plans, by plan id; other plans show their own name. */
    readonly planNames: Readonly<Record<string, string>>;
    readonly youPay: string;
    readonly youPayNow: string;
    readonly youPayOnSuccess: string;
    readonly commissionWaived: string;
    readonly totalYouPay: string;
    readonly debtorOwes: string;
    readonly totalDebtorOwes: string;
    readonly expectedNet: string;
    readonly expectedNetNote: string;
    readonly lines: {
      readonly registration_fee: string;
      readonly commission: (percent: string) => string;
      readonly discount: (percent: string) => string;
      readonly vat: (percent: string) => string;
      readonly principal: string;
      readonly reminder_fee: string;
      /** `each` is a formatted amount. */
      readonly compensation: (count: number, each: string) => string;
      readonly collection_fee: string;
      /** Interest accrued up to `date` (formatted). */
      readonly interest: (date: string) => string;
      readonly costs: string;
      readonly commission_incl_vat: string;
      readonly registration_incl_vat: string;
    };
    readonly warnings: string;
    /** One message per sdk warning code: a new code in the sdk fails type-checking here until it is translated. */
    readonly warning: {
      readonly below_minimum: string;
      readonly older_than_max_age: (invoice: string, days: number) => string;
      readonly limitation_near: (invoice: string, date: string) => string;
      readonly limitation_passed: (invoice: string, date: string) => string;
      readonly interest_rate_unknown: string;
      readonly interest_rate_assumed: string;
      readonly law_not_covered: string;
      readonly fees_in_other_currency: string;
      readonly statutory_cost_unknown: string;
      readonly limitation_unknown: string;
    };
    readonly quoteReady: (net: string) => string;
    readonly quoteFailed: string;
  };
  readonly enrol: {
    readonly title: string;
    readonly intro: string;
    readonly stepCompany: string;
    readonly stepContact: string;
    readonly stepPayout: string;
    readonly stepAgreement: string;
    readonly stepPassword: string;
    readonly stepDone: string;
    readonly companyName: string;
    readonly companyCountry: string;
    readonly membershipNumber: string;
    readonly accountingSystem: string;
    /** Product names stay as written; only "other" is translated. */
    readonly accountingSystems: Readonly<Record<'e-conomic' | 'dinero' | 'billy' | 'visma-net' | 'fortnox' | 'other', string>>;
    readonly addressLine: string;
    readonly postalCode: string;
    readonly city: string;
    readonly contactName: string;
    readonly email: string;
    readonly emailHint: string;
    readonly phone: string;
    readonly phoneHint: string;
    readonly payoutKind: string;
    readonly payoutKinds: Readonly<Record<'iban' | 'dk_account' | 'se_bankgiro', string>>;
    readonly iban: string;
    readonly ibanHint: string;
    readonly registrationNumber: string;
    readonly registrationNumberHint: string;
    readonly accountNumber: string;
    readonly bankgiro: string;
    readonly bankgiroHint: string;
    readonly consents: string;
    readonly consentTerms: string;
    readonly consentDataProcessing: string;
    readonly consentMarketing: string;
    readonly createAgreement: string;
    readonly agreementIntro: string;
    readonly agreementLoading: string;
    readonly openAgreement: string;
    /** Label of the document's SHA-256, shown so the signer can compare it with the PDF they keep. */
    readonly agreementFingerprint: string;
    readonly signName: string;
    readonly signNameHint: string;
    readonly signConsent: string;
    readonly sign: string;
    readonly signedBy: (name: string) => string;
    readonly password: string;
    readonly passwordHint: string;
    readonly passwordRepeat: string;
    readonly setPassword: string;
    readonly working: string;
    readonly draftRestored: string;
    readonly agreementReady: string;
    /** `company` is the company's name. */
    readonly done: (company: string) => string;
    readonly doneNote: string;
    readonly errors: {
      readonly invalidEmail: string;
      readonly invalidPhone: string;
      readonly invalidIban: string;
      readonly invalidDanishAccount: string;
      readonly invalidBankgiro: string;
      readonly consentRequired: string;
      readonly signNameTooShort: string;
      readonly passwordTooShort: string;
      readonly passwordMismatch: string;
      /** The server has an account for this e-mail address already. */
      readonly emailTaken: string;
      /** The server refused the value of a field without a more specific message here. */
      readonly refused: string;
      readonly network: string;
      readonly unauthorized: string;
      readonly server: string;
      readonly agreementMismatch: string;
      /** The enrolment can no longer be continued (token gone after a reload, or expired). */
      readonly enrolmentLost: string;
      readonly missingConfig: string;
    };
  };
  /** The file drop control (controls/file-drop.ts). */
  readonly fileDrop: {
    readonly kind: string;
    readonly kinds: Readonly<Record<DocumentKind, string>>;
    readonly dropHere: string;
    readonly choose: string;
    /** `maxMb` is the largest size in megabytes. */
    readonly hint: (maxMb: number) => string;
    /** Accessible name of one file's progress bar. */
    readonly progressOf: (name: string) => string;
    readonly uploaded: (name: string) => string;
    readonly failed: (name: string) => string;
    readonly tooLarge: (name: string, maxMb: number) => string;
    readonly wrongType: (name: string) => string;
    readonly remove: (name: string) => string;
    readonly removed: (name: string) => string;
  };
  /** <collect-case>: a signed-in member submits a case. */
  readonly case: {
    readonly title: string;
    readonly intro: string;
    readonly stepDebtor: string;
    readonly stepInvoices: string;
    readonly stepDocuments: string;
    readonly stepReview: string;
    readonly stepDone: string;
    readonly debtorType: string;
    readonly debtorCountry: string;
    readonly companyName: string;
    readonly personName: string;
    readonly personalId: string;
    readonly personalIdHint: string;
    readonly addressLine: string;
    readonly postalCode: string;
    readonly city: string;
    readonly email: string;
    readonly phone: string;
    readonly phoneHint: string;
    readonly invoiceNumber: string;
    readonly issueDate: string;
    readonly dueBeforeIssue: string;
    readonly documentsIntro: string;
    readonly estimate: string;
    readonly estimateEmpty: string;
    readonly youPayNow: string;
    /** `percent` is formatted, e.g. "10 %". */
    readonly commissionOnSuccess: (percent: string) => string;
    readonly reviewIntro: string;
    readonly change: string;
    readonly total: string;
    readonly noDocuments: string;
    readonly submit: string;
    readonly submitting: string;
    /** `number` is the case number the server gave, e.g. 2026-000123. */
    readonly done: (number: string) => string;
    readonly doneNote: string;
    readonly newCase: string;
    readonly signedInAs: (company: string) => string;
    readonly errors: {
      readonly invalidEmail: string;
      readonly invalidPhone: string;
      readonly refused: string;
      readonly network: string;
      readonly unauthorized: string;
      readonly signedOut: string;
      readonly server: string;
      readonly conflict: string;
      readonly missingConfig: string;
    };
  };
  /** <collect-status>: the member's cases and one case's detail. */
  readonly status: {
    readonly title: string;
    readonly filterStage: string;
    readonly allStages: string;
    readonly stages: Readonly<Record<CaseStage, string>>;
    readonly totalsByStage: string;
    readonly caseCount: (count: number) => string;
    readonly caseNumber: string;
    readonly debtor: string;
    readonly stage: string;
    readonly principal: string;
    readonly outstanding: string;
    readonly submittedOn: string;
    readonly empty: string;
    readonly loading: string;
    readonly open: (number: string) => string;
    readonly backToList: string;
    /** Heading of a case: its number and the debtor's name. */
    readonly caseHeading: (number: string, debtor: string) => string;
    readonly timeline: string;
    /**
     * One line per case event type (collect-status/event-lines.ts). Amounts and dates arrive formatted;
     * `null` where the event does not carry the value (an older event), and the line then leaves it out.
     */
    readonly events: {
      readonly created: string;
      /** `amount`: the invoices' total. */
      readonly invoicesAdded: (count: number, amount: string | null) => string;
      readonly messageFromYou: string;
      readonly messageFromHandler: string;
      readonly documentAdded: (name: string) => string;
      /** `fee`: what withdrawing cost, null when free. */
      readonly withdrawn: (fee: string | null) => string;
      readonly stageChanged: (stage: string) => string;
      /** `date`: the day the debtor paid (may be before it was registered). */
      readonly paymentReceived: (amount: string, date: string | null) => string;
      readonly payoutCreated: (amount: string) => string;
      /** `payBy`: the deadline the reminder gives. */
      readonly reminderSent: (number: number, payBy: string | null) => string;
      /** The pre-collection notice (DK inkassovarsel, SE inkassokrav, NO inkassovarsel) with its deadline. */
      readonly noticeSent: (payBy: string | null) => string;
      readonly collectionStarted: string;
      /** `fee` is one of `feeKinds`; `invoice` names the invoice a per-invoice fee is for. */
      readonly feeAdded: (fee: string, amount: string, invoice: string | null) => string;
      readonly feeKinds: Readonly<Record<'reminder_fee' | 'notice_fee' | 'collection_fee' | 'compensation' | 'instalment_plan_fee', string>>;
      readonly otherFee: string;
      readonly legalApprovalRequested: string;
      /** `estimate`: the known part of the cost estimate approved. */
      readonly legalApproved: (estimate: string | null) => string;
      readonly legalStarted: string;
      /** `authority` is one of `authorities`; `total` the claim in the file. */
      readonly claimFile: (authority: string | null, total: string | null) => string;
      readonly authorities: Readonly<Record<'fogedret' | 'kronofogden', string>>;
      readonly legalManualPreparation: string;
      readonly judgment: (date: string | null, reference: string | null) => string;
      readonly debtAcknowledged: (date: string | null) => string;
      readonly disputeRaised: string;
      readonly disputeResolved: Readonly<Record<'continue' | 'withdraw' | 'write_off', string>>;
      readonly disputeResolvedOther: string;
      /** `total`: what the debtor owed on the day of the check. */
      readonly surveillanceChecked: (total: string | null) => string;
      readonly limitationWarning: (invoice: string, date: string) => string;
      readonly limitationPassed: (invoice: string, date: string) => string;
      readonly planProposed: (count: number, total: string, firstDue: string) => string;
      readonly planAgreed: (count: number, total: string, firstDue: string) => string;
      readonly planCancelled: string;
      /** `dueOn`: the due date of the instalment that was not paid. */
      readonly instalmentMissed: (dueOn: string) => string;
      /** A `notification.queued` shown on its own, followed by `sentBy(…)` or `notSent`: `letter` is one of `letters`. */
      readonly notificationQueued: (letter: string) => string;
      /**
       * How the debtor was told, a sentence after the step's line ("Reminder 1 was sent to the debtor. Sent by
       * letter and e-mail."); `channels` is a list such as "letter and e-mail".
       */
      readonly sentBy: (channels: string) => string;
      readonly notSent: string;
      readonly channels: Readonly<Record<'letter' | 'email' | 'sms', string>>;
      readonly letters: Readonly<
        Record<
          | 'reminder'
          | 'pre_collection_notice'
          | 'collection_letter'
          | 'instalment_plan_confirmation'
          | 'instalment_plan_lapsed'
          | 'payment_receipt'
          | 'surveillance_statement',
          string
        >
      >;
      readonly otherLetter: string;
      /** A type this version does not know (a newer server): shown as it is. */
      readonly other: (type: string) => string;
    };
    /** The instalment plan section of a case. */
    readonly plan: {
      readonly title: string;
      /** `total` is formatted. */
      readonly summary: (count: number, total: string) => string;
      readonly statuses: Readonly<Record<'proposed' | 'agreed' | 'completed', string>>;
      readonly planFee: (fee: string) => string;
      readonly caption: string;
      readonly number: string;
      readonly dueOn: string;
      readonly amount: string;
      readonly state: string;
      readonly states: Readonly<Record<'paid' | 'due' | 'missed', string>>;
      readonly paidSoFar: (amount: string) => string;
      readonly interestNote: string;
    };
    readonly messages: string;
    readonly you: string;
    readonly handler: string;
    readonly noMessages: string;
    readonly messageLabel: string;
    readonly send: string;
    readonly messageSent: string;
    readonly newMessage: string;
    readonly documents: string;
    readonly noDocuments: string;
    readonly addDocuments: string;
    readonly moreInvoices: string;
    readonly addInvoices: string;
    readonly invoicesAdded: (count: number) => string;
    readonly invoices: string;
    readonly statement: string;
    readonly collected: string;
    readonly keptByAgency: string;
    readonly paidToCreditor: string;
    readonly components: { readonly principal: string; readonly interest: string; readonly costs: string };
    readonly paidOut: string;
    readonly notYetPaidOut: string;
    readonly claimOutstanding: string;
    readonly withdraw: string;
    /** `fee` is formatted. */
    readonly withdrawalFee: (fee: string) => string;
    readonly withdrawalFree: string;
    readonly withdrawalNotAllowed: string;
    readonly withdrawalReason: string;
    readonly confirmWithdrawal: string;
    readonly cancel: string;
    readonly withdrawn: string;
    readonly live: string;
    readonly updated: (number: string) => string;
  };
  /** The sign-in form <collect-case> and <collect-status> show a member who is not signed in, and the sign-out. */
  readonly signIn: {
    readonly heading: string;
    readonly email: string;
    readonly password: string;
    readonly submit: string;
    readonly submitting: string;
    /** Wrong e-mail or password: the same words whether or not the address has an account. */
    readonly wrongCredentials: string;
    readonly rateLimited: string;
    readonly forgotPassword: string;
    readonly forgotHeading: string;
    readonly forgotIntro: string;
    readonly sendReset: string;
    /** Neutral: said whether or not the address has an account. */
    readonly resetSent: string;
    readonly backToSignIn: string;
    readonly signedIn: string;
    readonly signOut: string;
    readonly signedOut: string;
  };
}

/**
 * Compile-time guard: a quote line or warning code the sdk adds without a message here fails
 * type-checking (`true` is not assignable to `never`) instead of showing `undefined` on screen.
 */
type Covers<T, K extends PropertyKey> = [Exclude<K, keyof T>] extends [never] ? true : never;
export const quoteCodesCovered: [Covers<Messages['quote']['lines'], QuoteLineCode>, Covers<Messages['quote']['warning'], QuoteWarningCode>] = [
  true,
  true,
];

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
    chooseOne: 'Choose one of the options.',
    currency: 'Currency of the invoices',
    invoice: (index) => `Invoice ${index}`,
    amount: (currency) => `Amount owed (${currency})`,
    dueDate: 'Due date',
    dueDateNotPassed: 'The due date has not passed yet, so the invoice is not overdue.',
    addInvoice: 'Add another invoice',
    removeInvoice: (index) => `Remove invoice ${index}`,
    invoiceAdded: (index) => `Invoice ${index} added.`,
    invoiceRemoved: (index) => `Invoice ${index} removed.`,
    calculate: 'Calculate',
    changeInvoices: 'Change the invoices',
    nonBinding: 'This estimate is not binding. The final price is confirmed when you submit the case.',
    basis: (date, plan) => `Calculated as of ${date} with the price plan “${plan}”.`,
    planNames: { 'association-member': 'Association member', standard: 'Standard' },
    youPay: 'What you pay',
    youPayNow: 'When you submit the case',
    youPayOnSuccess: 'If the debtor pays in full',
    commissionWaived: 'No commission in the amicable phase',
    totalYouPay: 'Total you pay',
    debtorOwes: 'What the debtor owes by law',
    totalDebtorOwes: 'Total the debtor owes',
    expectedNet: 'You receive, if paid in full',
    expectedNetNote: 'The invoices, less what you pay.',
    lines: {
      registration_fee: 'Registration fee',
      commission: (percent) => `Commission, ${percent} of what is collected`,
      discount: (percent) => `Discount, ${percent}`,
      vat: (percent) => `VAT, ${percent}`,
      principal: 'The invoices',
      reminder_fee: 'Reminder fee',
      compensation: (count, each) => `Compensation for late payment, ${count} × ${each}`,
      collection_fee: 'Collection fee',
      interest: (date) => `Late-payment interest until ${date}`,
      costs: 'Statutory costs the debtor pays',
      commission_incl_vat: 'Commission incl. VAT',
      registration_incl_vat: 'Registration fee incl. VAT',
    },
    warnings: 'Before you submit',
    warning: {
      below_minimum: 'The amount is below the minimum for a case; collection may cost more than it brings in.',
      older_than_max_age: (invoice, days) => `Invoice ${invoice} is ${days} days overdue. Old debt is harder to collect.`,
      limitation_near: (invoice, date) => `Invoice ${invoice} becomes time-barred on ${date}. Act before then.`,
      limitation_passed: (invoice, date) => `Invoice ${invoice} may have been time-barred since ${date}.`,
      interest_rate_assumed: 'Late-payment interest uses the last published rate: the rate for the latest period is not published yet.',
      interest_rate_unknown: 'Late-payment interest is not included: the rate for the period is not known yet.',
      law_not_covered: 'Statutory fees and interest are not included for the debtor’s country.',
      fees_in_other_currency: 'Statutory fees are not included because the invoices are in another currency than the debtor’s country uses.',
      statutory_cost_unknown: 'Some statutory fees are not included: their amount for the period is not known yet.',
      limitation_unknown: 'The limitation period could not be checked for the debtor’s country.',
    },
    quoteReady: (net) => `Estimate ready. You receive ${net} if the debtor pays in full.`,
    quoteFailed: 'The estimate could not be calculated. Check the invoices and try again.',
  },
  enrol: {
    title: 'Join the collection service',
    intro: 'Enrol your company, sign the agreement and choose a password. It takes about five minutes.',
    stepCompany: 'Your company',
    stepContact: 'Address and contact',
    stepPayout: 'Payouts and consents',
    stepAgreement: 'The agreement',
    stepPassword: 'Your password',
    stepDone: 'Done',
    companyName: 'Company name',
    companyCountry: 'Country where the company is registered',
    membershipNumber: 'Membership number in the association',
    accountingSystem: 'Accounting system',
    accountingSystems: { 'e-conomic': 'e-conomic', dinero: 'Dinero', billy: 'Billy', 'visma-net': 'Visma.net', fortnox: 'Fortnox', other: 'Other' },
    addressLine: 'Street address',
    postalCode: 'Postcode',
    city: 'Town or city',
    contactName: 'Your name',
    email: 'E-mail',
    emailHint: 'This becomes your login.',
    phone: 'Phone',
    phoneHint: 'For example +45 12 34 56 78',
    payoutKind: 'Where should we pay out the money we collect?',
    payoutKinds: { iban: 'IBAN', dk_account: 'Danish bank account (reg. no. and account no.)', se_bankgiro: 'Swedish bankgiro' },
    iban: 'IBAN',
    ibanHint: 'For example DK50 0040 0440 1162 43',
    registrationNumber: 'Reg. no.',
    registrationNumberHint: '4 digits',
    accountNumber: 'Account no.',
    bankgiro: 'Bankgiro number',
    bankgiroHint: '7 or 8 digits, for example 5050-1055',
    consents: 'Consents',
    consentTerms: 'I accept the terms of the association and the collection agency.',
    consentDataProcessing: 'I accept the data processing agreement for the personal data of my debtors.',
    consentMarketing: 'Send me news from the association.',
    createAgreement: 'Create the agreement',
    agreementIntro: 'Read the agreement before you sign it. It is made out to your company with the prices that apply to you.',
    agreementLoading: 'Fetching the agreement…',
    openAgreement: 'Open the agreement (PDF)',
    agreementFingerprint: 'Fingerprint of the document (SHA-256)',
    signName: 'Your full name as your signature',
    signNameHint: 'Typing your name has the same effect as signing by hand.',
    signConsent: 'I have read the agreement and sign it on behalf of the company.',
    sign: 'Sign the agreement',
    signedBy: (name) => `The agreement is signed by ${name}.`,
    password: 'Choose a password',
    passwordHint: 'At least 10 characters.',
    passwordRepeat: 'Repeat the password',
    setPassword: 'Save the password and sign in',
    working: 'Please wait…',
    draftRestored: 'Your answers from before have been restored.',
    agreementReady: 'The agreement is ready. Read it and sign below.',
    done: (company) => `Welcome! ${company} is enrolled, and you are signed in.`,
    doneNote: 'You can now submit invoices for collection.',
    errors: {
      invalidEmail: 'Write an e-mail address such as name@example.com.',
      invalidPhone: 'Write a phone number such as +45 12 34 56 78.',
      invalidIban: 'This is not a valid IBAN. Check the letters and digits.',
      invalidDanishAccount: 'Write a 4-digit reg. no. and an account number of up to 10 digits.',
      invalidBankgiro: 'This is not a valid bankgiro number. Check the digits.',
      consentRequired: 'This consent is needed to enrol.',
      signNameTooShort: 'Type your full name.',
      passwordTooShort: 'Use at least 10 characters.',
      passwordMismatch: 'The two passwords are not the same.',
      emailTaken: 'There is already an account with this e-mail address. Sign in instead.',
      refused: 'This value was not accepted. Check it and try again.',
      network: 'We could not reach the server. Check your connection and try again.',
      unauthorized: 'This page may not use the collection service. Contact the association.',
      server: 'Something went wrong on our side. Try again in a moment.',
      agreementMismatch: 'The agreement changed while you read it. Open it again before you sign.',
      enrolmentLost: 'The enrolment can no longer be continued. Check your answers and create the agreement again.',
      missingConfig: 'The enrolment form is not set up: it needs a publishable key and an API address.',
    },
  },
  fileDrop: {
    kind: 'Kind of document',
    kinds: { invoice: 'Invoice', correspondence: 'Correspondence', contract: 'Contract', dispute: 'Dispute information', other: 'Other' },
    dropHere: 'Drag files here, or',
    choose: 'Choose files',
    hint: (maxMb) => `PDF, PNG, JPEG or text, at most ${maxMb} MB each.`,
    progressOf: (name) => `Upload of ${name}`,
    uploaded: (name) => `${name} is uploaded.`,
    failed: (name) => `${name} could not be uploaded. Try again.`,
    tooLarge: (name, maxMb) => `${name} is larger than ${maxMb} MB.`,
    wrongType: (name) => `${name} is not a PDF, PNG, JPEG or text file.`,
    remove: (name) => `Remove ${name}`,
    removed: (name) => `${name} removed.`,
  },
  case: {
    title: 'Submit a case for collection',
    intro: 'Tell us who owes, which invoices are unpaid, and add the documents you have.',
    stepDebtor: 'The debtor',
    stepInvoices: 'The invoices',
    stepDocuments: 'Documents',
    stepReview: 'Check and submit',
    stepDone: 'Submitted',
    debtorType: 'Is the debtor a business or a private person?',
    debtorCountry: 'Country of the debtor',
    companyName: 'Company name',
    personName: 'Full name',
    personalId: 'Personal identity number',
    personalIdHint: 'Only the case handler sees it.',
    addressLine: 'Street address',
    postalCode: 'Postcode',
    city: 'Town or city',
    email: 'E-mail',
    phone: 'Phone',
    phoneHint: 'For example +45 12 34 56 78',
    invoiceNumber: 'Invoice number',
    issueDate: 'Invoice date',
    dueBeforeIssue: 'The due date cannot be before the invoice date.',
    documentsIntro: 'Add the invoices, reminders you sent, the contract and anything about a dispute. You can add more later.',
    estimate: 'Estimate',
    estimateEmpty: 'The estimate appears as you type the invoices.',
    youPayNow: 'You pay when you submit',
    commissionOnSuccess: (percent) => `Commission on what is collected: ${percent}`,
    reviewIntro: 'Check the case before you submit it. The price is confirmed when the case is submitted.',
    change: 'Change',
    total: 'Total',
    noDocuments: 'No documents added.',
    submit: 'Submit the case',
    submitting: 'Submitting…',
    done: (number) => `Case ${number} is submitted.`,
    doneNote: 'You can follow it in your list of cases.',
    newCase: 'Submit another case',
    signedInAs: (company) => `Submitting for ${company}.`,
    errors: {
      invalidEmail: 'Write an e-mail address such as name@example.com.',
      invalidPhone: 'Write a phone number such as +45 12 34 56 78.',
      refused: 'This value was not accepted. Check it and try again.',
      network: 'We could not reach the server. Check your connection and try again.',
      unauthorized: 'This page may not use the collection service. Contact the association.',
      signedOut: 'Sign in as a member to submit and follow cases.',
      server: 'Something went wrong on our side. Try again in a moment.',
      conflict: 'The case could not be changed in its current stage.',
      missingConfig: 'The form is not set up: it needs a publishable key and an API address.',
    },
  },
  status: {
    title: 'Your cases',
    filterStage: 'Show cases in stage',
    allStages: 'All stages',
    stages: {
      draft: 'Draft',
      submitted: 'Submitted',
      reminder: 'Reminder sent',
      notice: 'Debt collection notice',
      collection: 'In collection',
      instalment_plan: 'Instalment plan',
      disputed: 'Disputed',
      legal: 'Legal action',
      surveillance: 'Surveillance',
      paid: 'Paid',
      paid_out: 'Paid out',
      closed: 'Closed',
      withdrawn: 'Withdrawn',
      written_off: 'Written off',
    },
    totalsByStage: 'Totals by stage',
    caseCount: (count) => (count === 1 ? '1 case' : `${count} cases`),
    caseNumber: 'Case',
    debtor: 'Debtor',
    stage: 'Stage',
    principal: 'Claimed',
    outstanding: 'Outstanding',
    submittedOn: 'Submitted',
    empty: 'No cases to show.',
    loading: 'Loading…',
    open: (number) => `Open case ${number}`,
    backToList: 'Back to the list',
    caseHeading: (number, debtor) => `Case ${number}: ${debtor}`,
    timeline: 'What has happened',
    events: {
      created: 'The case was submitted.',
      invoicesAdded: (count, amount) =>
        `${count === 1 ? '1 invoice was' : `${count} invoices were`} added${amount ? ` (${amount})` : ''}.`,
      messageFromYou: 'You wrote to the case handler.',
      messageFromHandler: 'The case handler wrote to you.',
      documentAdded: (name) => `Document added: ${name}.`,
      withdrawn: (fee) => (fee ? `The case was withdrawn, for a fee of ${fee}.` : 'The case was withdrawn.'),
      stageChanged: (stage) => `The case moved to: ${stage}.`,
      paymentReceived: (amount, date) => `The debtor paid ${amount}${date ? ` on ${date}` : ''}.`,
      payoutCreated: (amount) => `${amount} was paid out to you.`,
      reminderSent: (number, payBy) => `Reminder ${number} was sent to the debtor${payBy ? `, to pay by ${payBy}` : ''}.`,
      noticeSent: (payBy) => `The debt collection notice was sent to the debtor${payBy ? `, to pay by ${payBy}` : ''}.`,
      collectionStarted: 'Collection started: the debtor was sent a collection letter.',
      feeAdded: (fee, amount, invoice) => `${fee}${invoice ? ` for invoice ${invoice}` : ''} added to the claim: ${amount}.`,
      feeKinds: {
        reminder_fee: 'Reminder fee',
        notice_fee: 'Debt collection notice fee',
        collection_fee: 'Collection fee',
        compensation: 'Compensation for late payment',
        instalment_plan_fee: 'Instalment plan fee',
      },
      otherFee: 'Fee',
      legalApprovalRequested: 'The debtor has not paid: legal action needs your approval of its costs.',
      legalApproved: (estimate) => `Legal action was approved${estimate ? `, at an estimated ${estimate}` : ''}.`,
      legalStarted: 'Legal action started: the claim is filed.',
      claimFile: (authority, total) =>
        `The claim file${authority ? ` for ${authority}` : ''} was prepared${total ? `, claiming ${total}` : ''}. It is among the documents.`,
      authorities: { fogedret: 'the enforcement court (fogedretten)', kronofogden: 'the Swedish Enforcement Authority (Kronofogden)' },
      legalManualPreparation: 'The case handler prepares the legal step by hand for the debtor’s country.',
      judgment: (date, reference) => `Judgment was given${date ? ` on ${date}` : ''}${reference ? ` (${reference})` : ''}.`,
      debtAcknowledged: (date) => `The debtor acknowledged the debt${date ? ` on ${date}` : ''}.`,
      disputeRaised: 'The claim is disputed: collection stops until the case handler decides.',
      disputeResolved: {
        continue: 'The dispute is resolved: collection continues.',
        withdraw: 'The dispute is resolved: the case is withdrawn.',
        write_off: 'The dispute is resolved: the claim is written off.',
      },
      disputeResolvedOther: 'The dispute is resolved.',
      surveillanceChecked: (total) => `Surveillance check${total ? `: the debtor owes ${total}` : ''}.`,
      limitationWarning: (invoice, date) => `Invoice ${invoice} becomes time-barred on ${date}.`,
      limitationPassed: (invoice, date) => `Invoice ${invoice} may have been time-barred since ${date}.`,
      planProposed: (count, total, firstDue) => `An instalment plan was proposed: ${total} in ${count} instalment${count === 1 ? '' : 's'}, the first due ${firstDue}.`,
      planAgreed: (count, total, firstDue) => `The debtor agreed to pay ${total} in ${count} instalment${count === 1 ? '' : 's'}, the first due ${firstDue}.`,
      planCancelled: 'The proposed instalment plan was cancelled.',
      instalmentMissed: (dueOn) => `The instalment due ${dueOn} was not paid: the plan has lapsed and collection continues.`,
      notificationQueued: (letter) => `${letter} to the debtor.`,
      sentBy: (channels) => `Sent by ${channels}.`,
      notSent: 'Not sent: the debtor has no address for the channels chosen.',
      channels: { letter: 'letter', email: 'e-mail', sms: 'SMS' },
      letters: {
        reminder: 'Reminder',
        pre_collection_notice: 'Debt collection notice',
        collection_letter: 'Collection letter',
        instalment_plan_confirmation: 'Confirmation of the instalment plan',
        instalment_plan_lapsed: 'Notice that the instalment plan has lapsed',
        payment_receipt: 'Receipt for a payment',
        surveillance_statement: 'Statement of the claim',
      },
      otherLetter: 'A letter',
      other: (type) => `Update: ${type}.`,
    },
    plan: {
      title: 'Instalment plan',
      summary: (count, total) => `${total} in ${count} instalment${count === 1 ? '' : 's'}.`,
      statuses: { proposed: 'Proposed to the debtor, not yet agreed', agreed: 'Agreed', completed: 'Every instalment is paid' },
      planFee: (fee) => `Includes the plan fee of ${fee}.`,
      caption: 'The instalments',
      number: 'No.',
      dueOn: 'Due',
      amount: 'Amount',
      state: 'Status',
      states: { paid: 'Paid', due: 'Due', missed: 'Missed' },
      paidSoFar: (amount) => `Paid since the agreement: ${amount}.`,
      interestNote: 'Late-payment interest keeps running during the plan and is owed on top.',
    },
    messages: 'Messages with the case handler',
    you: 'You',
    handler: 'Case handler',
    noMessages: 'No messages yet.',
    messageLabel: 'Your message',
    send: 'Send',
    messageSent: 'Your message is sent.',
    newMessage: 'New message from the case handler.',
    documents: 'Documents',
    noDocuments: 'No documents yet.',
    addDocuments: 'Add documents',
    moreInvoices: 'More invoices from the same debtor',
    addInvoices: 'Add the invoices to the case',
    invoicesAdded: (count) => (count === 1 ? '1 invoice is added to the case.' : `${count} invoices are added to the case.`),
    invoices: 'Invoices',
    statement: 'Payout statement',
    collected: 'Collected',
    keptByAgency: 'Kept by the agency',
    paidToCreditor: 'To you',
    components: { principal: 'The invoices', interest: 'Interest', costs: 'Fees paid by the debtor' },
    paidOut: 'Paid out so far',
    notYetPaidOut: 'Collected, not yet paid out',
    claimOutstanding: 'The debtor still owes',
    withdraw: 'Withdraw the case',
    withdrawalFee: (fee) => `Withdrawing the case now costs ${fee}.`,
    withdrawalFree: 'Withdrawing the case now costs nothing.',
    withdrawalNotAllowed: 'The case can no longer be withdrawn.',
    withdrawalReason: 'Why do you withdraw the case?',
    confirmWithdrawal: 'Confirm: withdraw the case',
    cancel: 'Cancel',
    withdrawn: 'The case is withdrawn.',
    live: 'Updates appear here as they happen.',
    updated: (number) => `Case ${number} has news.`,
  },
  signIn: {
    heading: 'Sign in',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in …',
    wrongCredentials: 'The e-mail address or the password is wrong.',
    rateLimited: 'Too many attempts. Wait a minute and try again.',
    forgotPassword: 'Forgot your password?',
    forgotHeading: 'Choose a new password',
    forgotIntro: 'Write the e-mail address you sign in with. We will send it a link to choose a new password.',
    sendReset: 'Send the link',
    resetSent: 'If there is an account with this e-mail address, a link to choose a new password is on its way.',
    backToSignIn: 'Back to sign in',
    signedIn: 'You are signed in.',
    signOut: 'Sign out',
    signedOut: 'You are signed out.',
  },
};

export default en;
