import type { AgencyProfile } from '../agency-profile.js';
import { smtpEmailTransport, type EmailTransport } from './email-transport.js';
import { httpSmsProvider, type SmsProvider } from './sms-provider.js';

/**
 * The transports the environment configures:
 * - SMTP_URL (smtp:// or smtps://, credentials in the URL) and MAIL_FROM (default: the agency's name and address);
 * - SMS_HTTP_URL with SMS_HTTP_TOKEN (both or neither) and SMS_SENDER.
 * Without them, null: those messages stay in the outbox.
 */
export function notificationTransportsFromEnv(env: NodeJS.ProcessEnv, agency: AgencyProfile): { email: EmailTransport | null; sms: SmsProvider | null } {
  let email: EmailTransport | null = null;
  if (env.SMTP_URL) {
    if (!/^smtps?:\/\//.test(env.SMTP_URL)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
    email = smtpEmailTransport({ url: env.SMTP_URL, from: env.MAIL_FROM || `"${agency.name.replace(/"/g, '')}" <${agency.email}>` });
  }
  let sms: SmsProvider | null = null;
  if (env.SMS_HTTP_URL || env.SMS_HTTP_TOKEN) {
    if (!env.SMS_HTTP_URL || !env.SMS_HTTP_TOKEN) throw new Error('SMS_HTTP_URL and SMS_HTTP_TOKEN go together');
    try {
      new URL(env.SMS_HTTP_URL);
    } catch {
      throw new Error('SMS_HTTP_URL must be an absolute URL');
    }
    sms = httpSmsProvider({ url: env.SMS_HTTP_URL, token: env.SMS_HTTP_TOKEN, ...(env.SMS_SENDER ? { sender: env.SMS_SENDER } : {}) });
  }
  return { email, sms };
}
