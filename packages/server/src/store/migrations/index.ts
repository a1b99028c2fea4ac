import { sql as tenancyAndAccounts } from './0001-tenancy-and-accounts.js';

export interface Migration {
  /** Strictly increasing; a released migration is never edited, only followed by a new one. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'tenancy-and-accounts', sql: tenancyAndAccounts }];
