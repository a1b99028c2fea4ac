import type { FeeKind, NotificationKind } from '../kinds.js';

/**
 * What a template is given: every amount and date already formatted in the debtor's language
 * (formatMoney / Intl), so that a catalogue only words sentences and never touches a number.
 */
export interface MessageFacts {
  readonly debtorName: string;
  readonly creditorName: string;
  readonly agencyName: string;
  readonly caseNumber: string;
  /** What the debtor owes now, e.g. "1.434,50 kr.". */
  readonly total: string;
  /** The payment deadline, long form ("20. marts 2026"), and short form for SMS ("20.03.2026"); '' when none. */
  readonly deadline: string;
  readonly deadlineShort: string;
  /** The payment reference as printed. */
  readonly reference: string;
  /** The title of the letter with the country's legal term ("Inkassovarsel"). */
  readonly title: string;
  /** reminder: which one (1, 2, 3). */
  readonly reminderNumber: number;
  /** instalment_plan_confirmation. */
  readonly instalmentCount: number;
  readonly firstInstalmentOn: string;
  readonly firstInstalmentAmount: string;
  /** payment_receipt. */
  readonly paidAmount: string;
  readonly paidOn: string;
  /** Still owed after the payment (formatted), and whether nothing is. */
  readonly remaining: string;
  readonly settled: boolean;
}

/** One language's wording of every message: a typed object per locale (STYLE.md: catalogues). */
export interface MessageCatalogue {
  /** The Intl locale amounts and dates are formatted in. */
  readonly locale: string;
  /** Titles in this language; the debtor country's legal term is added where it differs (kinds.ts). */
  readonly titles: Readonly<Record<NotificationKind, string>>;
  readonly feeNames: Readonly<Record<FeeKind, string>>;
  readonly labels: {
    readonly caseNumber: string;
    readonly date: string;
    readonly creditor: string;
    readonly specification: string;
    readonly amount: string;
    readonly invoice: (number: string, dueDate: string) => string;
    /** Late interest line: rate as formatted percent, the period inclusive. */
    readonly interest: (ratePercent: string, from: string, to: string) => string;
    /** Added to an interest line whose rate is not yet published and was carried forward. */
    readonly provisionalRate: string;
    readonly total: string;
    readonly payBy: string;
    readonly reference: string;
    readonly payTo: string;
    readonly accountNumber: string;
    readonly creditorNumber: string;
    readonly instalment: (number: number) => string;
    readonly dueOn: string;
    readonly amountPaid: string;
    /** A payment already received, subtracted on the specification. */
    readonly paymentReceived: (date: string) => string;
    readonly remaining: string;
  };
  readonly greeting: (name: string) => string;
  readonly paragraphs: Readonly<Record<NotificationKind, (facts: MessageFacts) => readonly string[]>>;
  /** One SMS each: aim for ≤ 160 GSM-7 characters (render-sms.ts measures and reports it). */
  readonly sms: Readonly<Record<NotificationKind, (facts: MessageFacts) => string>>;
  readonly closing: string;
  /** "Questions about the case? Contact …" */
  readonly contact: (agencyName: string, email: string) => string;
}
