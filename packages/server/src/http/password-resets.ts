import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, PasswordResetAcceptedSchema, PasswordResetConfirmationSchema, PasswordResetRequestSchema } from '@collectkit/sdk';
import { loginRateLimit } from '../auth/login-rate-limit.js';
import { hashPassword } from '../auth/passwords.js';
import { newToken } from '../auth/tokens.js';
import { enqueueEmail } from '../store/outbox.js';
import { consumePasswordReset, createPasswordReset, revokeAllSessions } from '../store/password-resets.js';
import { findUserByEmail, setPassword } from '../store/users.js';
import { notFound } from './api-error.js';
import type { RouteOptions } from './route-options.js';

/** A reset link works once, for one hour (long enough to find the mail, short enough if the mailbox leaks). */
const RESET_TOKEN_MINUTES = 60;

const TokenParamsSchema = z.object({ token: z.string().regex(/^rst_[A-Za-z0-9_-]{20,100}$/) });

export const passwordResetRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock, loginRateLimit: max, publicUrl }) => {
  app.post(
    '/v1/password-resets',
    {
      config: { auth: ['publishable', 'secret'], rateLimit: loginRateLimit(max) },
      schema: {
        tags: ['account'],
        summary: 'E-mail a single-use password reset link (always answers 202)',
        body: PasswordResetRequestSchema,
        response: { 202: PasswordResetAcceptedSchema, 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { associationId } = request.auth!;
      const user = await findUserByEmail(request.db, associationId, request.body.email);
      if (user) {
        const now = clock.now();
        const token = newToken('rst');
        await createPasswordReset(request.db, { associationId, userId: user.id, token, now, expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000) });
        await enqueueEmail(request.db, {
          associationId,
          recipient: user.email,
          subject: 'Reset your Collectkit password',
          body: [
            'Someone asked to reset the password of your account.',
            `Choose a new password here within ${RESET_TOKEN_MINUTES} minutes: ${publicUrl}/reset-password#token=${token}`,
            `Reset token: ${token}`,
            'If it was not you, ignore this e-mail: your password stays as it is.',
          ].join('\n\n'),
          at: now,
        });
      }
      reply.code(202);
      return { status: 'accepted' as const };
    },
  );

  app.post(
    '/v1/password-resets/:token',
    {
      config: { auth: ['publishable', 'secret'] },
      schema: {
        tags: ['account'],
        summary: 'Set a new password with a reset token; ends all sessions',
        params: TokenParamsSchema,
        body: PasswordResetConfirmationSchema,
        response: { 204: z.null().describe('Password changed'), 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { associationId } = request.auth!;
      const now = clock.now();
      const userId = await consumePasswordReset(request.db, associationId, request.params.token, now);
      if (!userId) throw notFound('reset token (it may have expired or been used)');
      await setPassword(request.db, associationId, userId, await hashPassword(request.body.password));
      await revokeAllSessions(request.db, associationId, userId, now);
      reply.code(204);
    },
  );
};
