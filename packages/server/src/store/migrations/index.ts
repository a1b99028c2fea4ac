import { sql as tenancyAndAccounts } from './0001-tenancy-and-accounts.js';
import { sql as cases } from './0002-cases.js';
import { sql as webhooks } from './0003-webhooks.js';
import { sql as documentsPaymentsPayouts } from './0004-documents-payments-payouts.js';
import { sql as notifications } from './0005-notifications.js';
import { sql as businessRulesAndSimulatedTime } from './0006-business-rules-and-simulated-time.js';
import { sql as paymentImports } from './0009-payment-imports.js';
import { sql as lettersRenderedAfterTheStep } from './0010-letters-rendered-after-the-step.js';
import { sql as caseEventNotifyTrigger } from './0011-case-event-notify-trigger.js';

export interface Migration {
  /** Strictly increasing; a released migration is never edited, only followed by a new one. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'tenancy-and-accounts', sql: tenancyAndAccounts },
  { version: 2, name: 'cases', sql: cases },
  { version: 3, name: 'webhooks', sql: webhooks },
  { version: 4, name: 'documents-payments-payouts', sql: documentsPaymentsPayouts },
  { version: 5, name: 'notifications', sql: notifications },
  { version: 6, name: 'business-rules-and-simulated-time', sql: businessRulesAndSimulatedTime },
  { version: 9, name: 'payment-imports', sql: paymentImports },
  { version: 10, name: 'letters-rendered-after-the-step', sql: lettersRenderedAfterTheStep },
  { version: 11, name: 'case-event-notify-trigger', sql: caseEventNotifyTrigger },
];
