import type { MessageCatalogue } from './types.js';

export const en: MessageCatalogue = {
  locale: 'en-GB',
  titles: {
    reminder: 'Payment reminder',
    pre_collection_notice: 'Pre-collection notice',
    collection_letter: 'Collection letter',
    instalment_plan_confirmation: 'Instalment plan confirmation',
    instalment_plan_lapsed: 'Instalment plan lapsed',
    payment_receipt: 'Payment receipt',
  },
  feeNames: {
    reminder_fee: 'Reminder fee',
    notice_fee: 'Collection notice fee',
    collection_fee: 'Collection costs',
    compensation: 'Fixed compensation for recovery costs',
    instalment_plan_fee: 'Instalment plan fee',
  },
  labels: {
    caseNumber: 'Case number',
    date: 'Date',
    creditor: 'Creditor',
    specification: 'Specification of the claim',
    amount: 'Amount',
    invoice: (number, dueDate) => `Invoice ${number}, due ${dueDate}`,
    interest: (rate, from, to) => `Late interest ${rate}% p.a., ${from} to ${to}`,
    provisionalRate: 'provisional rate',
    total: 'Total to pay',
    payBy: 'Pay by',
    reference: 'Payment reference',
    payTo: 'Pay to',
    accountNumber: 'Account number',
    creditorNumber: 'Creditor number',
    instalment: (n) => `Instalment ${n}`,
    dueOn: 'Due',
    amountPaid: 'Amount received',
    paymentReceived: (date) => `Payment received ${date}`,
    remaining: 'Still owed',
  },
  greeting: (name) => `Dear ${name},`,
  paragraphs: {
    reminder: (f) => [
      `Our records show that the amount below, owed to ${f.creditorName}, has not been paid. This is reminder no. ${f.reminderNumber}.`,
      `Please pay ${f.total} by ${f.deadline}, quoting the payment reference ${f.reference}. If you have already paid, please disregard this letter.`,
    ],
    pre_collection_notice: (f) => [
      `${f.creditorName} has asked us to collect the claim below, which remains unpaid despite earlier reminders.`,
      `Please pay ${f.total} by ${f.deadline}, quoting the payment reference ${f.reference}. If the amount is not paid by then, the claim will be pursued through debt collection, which adds further costs for you.`,
      'If you believe the claim is wrong, contact us before the deadline.',
    ],
    collection_letter: (f) => [
      `The claim of ${f.creditorName} against you is now in debt collection with ${f.agencyName}. Collection costs and late interest have been added as the law allows.`,
      `Please pay ${f.total} by ${f.deadline}, quoting the payment reference ${f.reference}. If you cannot pay in full, contact us to agree an instalment plan. Without payment or an agreement we may take legal action.`,
    ],
    instalment_plan_confirmation: (f) => [
      `We confirm the instalment plan agreed for case ${f.caseNumber}: ${f.instalmentCount} instalments, the first of ${f.firstInstalmentAmount} on ${f.firstInstalmentOn}.`,
      `Quote the payment reference ${f.reference} with every payment. If an instalment is missed, the full remaining claim falls due and collection resumes.`,
    ],
    instalment_plan_lapsed: (f) => [
      `An instalment of the plan agreed for case ${f.caseNumber} was not paid in time, so the instalment plan has lapsed.`,
      `The whole remaining claim, ${f.total}, is now due. Please pay it by ${f.deadline}, quoting the payment reference ${f.reference}. Without payment, collection continues and may lead to legal action.`,
    ],
    payment_receipt: (f) => [
      `We have received ${f.paidAmount} on ${f.paidOn} for case ${f.caseNumber}. Thank you.`,
      f.settled ? 'The claim is now paid in full and the case is closed.' : `Still owed: ${f.remaining}. Please pay the rest by ${f.deadline}, quoting the payment reference ${f.reference}.`,
    ],
  },
  sms: {
    reminder: (f) => `Reminder ${f.reminderNumber}, case ${f.caseNumber}: pay ${f.total} by ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    pre_collection_notice: (f) => `Collection notice, case ${f.caseNumber}: pay ${f.total} by ${f.deadlineShort} to avoid collection. Ref. ${f.reference}. ${f.agencyName}`,
    collection_letter: (f) => `Debt collection, case ${f.caseNumber}: pay ${f.total} by ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    instalment_plan_confirmation: (f) => `Instalment plan, case ${f.caseNumber}: ${f.instalmentCount} instalments, first ${f.firstInstalmentAmount} on ${f.firstInstalmentOn}. Ref. ${f.reference}. ${f.agencyName}`,
    instalment_plan_lapsed: (f) => `Instalment plan lapsed, case ${f.caseNumber}: the whole claim ${f.total} is due by ${f.deadlineShort}. Ref. ${f.reference}. ${f.agencyName}`,
    payment_receipt: (f) => `Received ${f.paidAmount}, case ${f.caseNumber}. ${f.settled ? 'Paid in full, thank you.' : `Still owed: ${f.remaining}.`} ${f.agencyName}`,
  },
  closing: 'Yours sincerely',
  contact: (agency, email) => `Questions about the case? Contact ${agency} at ${email} and quote the case number.`,
};
