import type { Clock } from '../clock.js';

/** What every route plugin is registered with. */
export interface RouteOptions {
  clock: Clock;
  databaseKind: 'pglite' | 'postgres';
  /** Base of links in e-mails, e.g. https://collect.example.org. */
  publicUrl: string;
  /** Login and password-reset attempts per IP and e-mail per minute. */
  loginRateLimit: number;
}
