import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { Clock } from '../clock.js';
import type { Database } from '../store/database.js';
import { findAssociation, isOriginAllowedAnywhere } from '../store/associations.js';
import { ApiError } from '../http/api-error.js';
import type { AuthContext, AuthKind } from './auth-context.js';
import { findApiKey, presentedCredentials } from './credentials.js';
import { findLiveSession } from './sessions.js';

/**
 * Resolves who is calling, once per request, into `request.auth`, and enforces the route's
 * `config.auth` (what it accepts). Handlers only read `request.auth`; none repeats these checks.
 *
 * - publishable key (`pk_…`, header `X-Collectkit-Key` or `Authorization: Bearer`): browsers; a
 *   request carrying an `Origin` must come from one of the association's allowed origins. Requests
 *   without `Origin` (same-origin GETs, non-browser clients) pass: the check protects browsers
 *   from other sites, which always send `Origin` on cross-origin requests.
 * - secret key (`sk_…`): servers; full access to its association.
 * - session (`Authorization: Bearer ses_…` or the HttpOnly cookie): a member or an operator. With
 *   a key as well, both must belong to the same association — except that on a route open to the
 *   key, a session that only came as the cookie is ignored and the key decides.
 * - a publishable key alone on a member's route is answered 401 (sign in), not 403.
 */
export async function installAuth(app: FastifyInstance, options: { db: Database; clock: Clock }): Promise<void> {
  const { db, clock } = options;
  await app.register(cookie);
  // Preflights carry no key, so they pass for any origin some association allows; the request
  // itself is then held to its own key's association's origins below.
  await app.register(cors, {
    origin: async (origin: string | undefined) => (origin ? isOriginAllowedAnywhere(db, origin) : false),
    credentials: true,
    // The plugin's default is GET,HEAD,POST: sign-out (DELETE /v1/sessions/current) and the
    // business rules (PUT) from an association's page would fail their preflight. No route PATCHes.
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    // What the API reads; preflights asking for anything else are answered without it.
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-none-match', 'x-collectkit-key', 'x-collectkit-enrolment-token', 'x-request-id'],
    exposedHeaders: ['etag', 'location', 'retry-after', 'x-request-id'],
    maxAge: 600,
  });
  await app.register(rateLimit, { global: false });

  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const accepts = request.routeOptions.config.auth;
    // Documentation assets, preflights and public routes ignore credentials, even broken ones.
    if (accepts === undefined || accepts === 'public') return;
    request.auth = await resolveAuth(request, db, clock, accepts);
    if (!request.auth) throw new ApiError(401, 'unauthenticated', 'Send an API key or a session token.');
    // A publishable key is the page's credential, not a person's: on a member's route it lacks the
    // member's session, which signing in supplies (401), not a permission it could never have (403).
    if (request.auth.kind === 'publishable' && !accepts.includes('publishable') && accepts.includes('member')) {
      throw new ApiError(401, 'unauthenticated', 'Sign in first: this operation needs a member session beside the publishable key.');
    }
    if (!accepts.includes(request.auth.kind)) {
      throw new ApiError(403, 'forbidden', `This operation is not open to ${article(request.auth.kind)} ${request.auth.kind} credential.`);
    }
  });

  // Every API route must say who may call it: a forgotten `auth` would otherwise be public.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/v1/') && route.method !== 'OPTIONS' && route.config?.auth === undefined) {
      throw new Error(`route ${String(route.method)} ${route.url} does not declare config.auth`);
    }
  });
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser sends the session cookie by itself (with SameSite=None even from other sites), so a request
 * that changes something and rides on the cookie must come from this server's own pages or one of the
 * association's allowed origins — the CSRF check. Reads are left alone: CORS already keeps their answers
 * from other sites, and the status polling path stays one lookup. Bearer tokens are sent on purpose and
 * need no check; a request without Origin is not a cross-site browser request.
 */
async function refuseForeignOrigin(request: FastifyRequest, db: Database, associationId: string): Promise<void> {
  const origin = request.headers.origin;
  if (origin === undefined || READS.has(request.method)) return;
  if (origin === `${request.protocol}://${request.host}`) return;
  const association = await findAssociation(db, associationId);
  if (association?.allowed_origins.includes(origin)) return;
  throw new ApiError(403, 'origin_not_allowed', `A signed-in request from ${origin} is refused: it is not one of the association's sites.`);
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? 'an' : 'a';
}

async function resolveAuth(request: FastifyRequest, db: Database, clock: Clock, accepts: readonly AuthKind[]): Promise<AuthContext | null> {
  const presented = presentedCredentials(request);
  const key = presented.key ? await findApiKey(db, presented.key) : undefined;
  if (presented.key && !key) throw new ApiError(401, 'unauthenticated', 'The API key is not valid.');
  if (key?.kind === 'publishable') {
    const origin = request.headers.origin;
    if (origin !== undefined && !key.allowedOrigins.includes(origin)) {
      throw new ApiError(403, 'origin_not_allowed', `The publishable key may not be used from ${origin}.`);
    }
  }
  // The cookie rides along on every credentialed request a browser makes; a key is sent on
  // purpose. Where the route takes the key (enrolment, quotes, sign-in, password reset), the key
  // decides: a browser still signed in as one member can enrol another company or sign in anew.
  if (key && accepts.includes(key.kind) && !presented.bearerSession) {
    return { associationId: key.associationId, kind: key.kind };
  }

  const now = clock.now();
  let session = presented.bearerSession ? await findLiveSession(db, presented.bearerSession, now) : undefined;
  if (presented.bearerSession && !session) throw new ApiError(401, 'unauthenticated', 'The session has expired or was ended; sign in again.');
  if (!session && presented.cookieSession) {
    session = await findLiveSession(db, presented.cookieSession, now);
    if (session) await refuseForeignOrigin(request, db, session.associationId);
  }

  if (session) {
    if (key && key.associationId !== session.associationId) {
      throw new ApiError(401, 'unauthenticated', 'The key and the session belong to different associations.');
    }
    return {
      associationId: session.associationId,
      kind: session.role,
      userId: session.userId,
      sessionId: session.sessionId,
      ...(session.creditorId ? { creditorId: session.creditorId } : {}),
    };
  }
  return key ? { associationId: key.associationId, kind: key.kind } : null;
}
