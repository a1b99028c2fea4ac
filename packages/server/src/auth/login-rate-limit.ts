import type { FastifyRequest } from 'fastify';

/**
 * Rate limit of login and password-reset attempts, per client IP and e-mail address: guessing one
 * member's password, or flooding one mailbox, is slowed down without locking the account for
 * everyone else (an attacker elsewhere cannot make the real member's own logins fail).
 * Counted in this process's memory: behind several instances, each counts on its own.
 */
export function loginRateLimit(max: number) {
  return {
    max,
    timeWindow: '1 minute',
    // After body parsing, so the e-mail is known.
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => {
      const body = request.body as { email?: unknown } | undefined;
      const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
      return `${request.ip}|${email}`;
    },
  };
}
