import type { LogLevel } from './logger.js';
import { DEFAULT_DATA_DIR } from './store/open-database.js';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL when set; otherwise PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite's data and the demo keys file. */
  dataDir: string;
  /** Where people reach the server; links in e-mails and the banner use it. */
  publicUrl: string;
  trustProxy: boolean;
  /** COLLECTKIT_CROSS_SITE_SESSIONS: the elements run on another site than the API (SameSite=None session cookie). */
  crossSiteSessions: boolean;
  logLevel: LogLevel;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The `collectkit-server` configuration, from the environment; bad values stop the start with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute URL, got ${env.PUBLIC_URL}`);
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: env.COLLECTKIT_DATA_DIR || DEFAULT_DATA_DIR,
    publicUrl,
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    crossSiteSessions: env.COLLECTKIT_CROSS_SITE_SESSIONS === 'true' || env.COLLECTKIT_CROSS_SITE_SESSIONS === '1',
    logLevel,
  };
}
