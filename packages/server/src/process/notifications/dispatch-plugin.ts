import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../clock.js';
import type { Database } from '../../store/database.js';
import { readAgencyProfile } from './agency-profile.js';
import { createNotificationDispatcher } from './dispatcher.js';
import { notificationTransportsFromEnv } from './transports/from-env.js';

export interface NotificationDispatchOptions {
  db: Database;
  clock: Clock;
  /** Default process.env: SMTP_URL, MAIL_FROM, SMS_HTTP_URL, SMS_HTTP_TOKEN, SMS_SENDER, COLLECTKIT_AGENCY_PROFILE. */
  env?: NodeJS.ProcessEnv;
}

/** Runs the notification dispatcher while the app runs, when a transport is configured. */
export const notificationDispatch: FastifyPluginAsync<NotificationDispatchOptions> = async (app, options) => {
  const env = options.env ?? process.env;
  const { email, sms } = notificationTransportsFromEnv(env, readAgencyProfile(env));
  if (!email && !sms) return;
  const dispatcher = createNotificationDispatcher({
    db: options.db,
    clock: options.clock,
    email,
    sms,
    onError: (err) => app.log.error({ err }, 'notification dispatch round failed'),
  });
  app.addHook('onReady', async () => dispatcher.start());
  app.addHook('onClose', async () => {
    await dispatcher.stop();
    email?.close();
  });
};
