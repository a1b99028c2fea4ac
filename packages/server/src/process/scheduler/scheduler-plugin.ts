import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../clock.js';
import type { Database } from '../../store/database.js';
import { readAgencyProfile } from '../notifications/agency-profile.js';
import { storedRulesFor } from '../../store/business-rules.js';
import { createDunningScheduler } from './dunning-scheduler.js';

export interface DunningSchedulerPluginOptions {
  db: Database;
  clock: Clock;
  /** Default process.env: COLLECTKIT_DUNNING_SCHEDULER=1 turns it on, DUNNING_INTERVAL_SECONDS (default 5), COLLECTKIT_AGENCY_PROFILE. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs the dunning scheduler while the app runs — only when COLLECTKIT_DUNNING_SCHEDULER=1, so that
 * test servers and API-only instances do not act on cases behind their tests' backs.
 */
export const dunningSchedulerPlugin: FastifyPluginAsync<DunningSchedulerPluginOptions> = async (app, options) => {
  const env = options.env ?? process.env;
  if (env.COLLECTKIT_DUNNING_SCHEDULER !== '1' && env.COLLECTKIT_DUNNING_SCHEDULER !== 'true') return;
  const seconds = env.DUNNING_INTERVAL_SECONDS === undefined ? 5 : Number(env.DUNNING_INTERVAL_SECONDS);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 86_400) throw new Error('DUNNING_INTERVAL_SECONDS must be a number of seconds from 0.1 to 86400');
  const scheduler = createDunningScheduler({
    db: options.db,
    clock: options.clock,
    intervalMs: Math.round(seconds * 1000),
    agency: readAgencyProfile(env),
    // Each creditor's stored rules with the debtor's override (GET/PUT /v1/creditors/{id}/business-rules).
    rulesFor: storedRulesFor,
    onError: (err, caseId) => app.log.error({ err, caseId }, 'dunning scheduler: a case failed'),
  });
  app.addHook('onReady', async () => scheduler.start());
  app.addHook('onClose', async () => scheduler.stop());
};
