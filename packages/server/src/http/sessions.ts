import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, LoginRequestSchema, SessionSchema } from '@collectkit/sdk';
import { decoyHash, verifyPassword } from '../auth/passwords.js';
import { loginRateLimit } from '../auth/login-rate-limit.js';
import { clearSessionCookie, createSession, revokeSession, setSessionCookie } from '../auth/sessions.js';
import { findUserByEmail } from '../store/users.js';
import { ApiError } from './api-error.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };

/** Login of members and operators (e-mail + password within the key's association), and logout. */
export const sessionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock, loginRateLimit: max }) => {
  app.post(
    '/v1/sessions',
    {
      config: { auth: ['publishable', 'secret'], rateLimit: loginRateLimit(max) },
      schema: { tags: ['account'], summary: 'Sign in', body: LoginRequestSchema, response: { 201: SessionSchema, ...errors } },
    },
    async (request, reply) => {
      const { associationId } = request.auth!;
      const user = await findUserByEmail(request.db, associationId, request.body.email);
      // Hash even for an unknown address, so the answer takes as long either way.
      const valid = await verifyPassword(request.body.password, user?.password_hash ?? (await decoyHash()));
      if (!user || !valid) throw new ApiError(401, 'unauthenticated', 'The e-mail address or the password is wrong.');
      const session = await createSession(request.db, { associationId, userId: user.id, now: clock.now() });
      setSessionCookie(request, reply, session);
      reply.code(201);
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), role: user.role };
    },
  );

  app.delete(
    '/v1/sessions/current',
    {
      config: { auth: ['member', 'operator'] },
      schema: { tags: ['account'], summary: 'Sign out: ends this session', response: { 204: z.null().describe('Signed out'), 401: ErrorResponseSchema, 403: ErrorResponseSchema } },
    },
    async (request, reply) => {
      const { associationId, sessionId } = request.auth!;
      await revokeSession(request.db, associationId, sessionId!, clock.now());
      clearSessionCookie(request, reply);
      reply.code(204);
    },
  );
};
