import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** pino-pretty is a development nicety: used only on a terminal and only when installed. */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** JSON lines for log collectors; readable lines when a person watches the terminal. */
export function loggerOptions(level: LogLevel): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  const pretty = process.stdout.isTTY === true && prettyAvailable();
  return {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-collectkit-key"]'],
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  };
}
