import type { AuthContext, RouteAuth } from '../auth/auth-context.js';
import type { Queryable } from '../store/database.js';
import type { Clock } from '../clock.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's one clock (src/clock.ts). */
    clock: Clock;
    /**
     * The session cookie's SameSite policy: 'lax' (default) when the association's pages and the API are
     * one site; 'none' (Secure, Partitioned) when the elements run on another site than the API.
     */
    sessionCookieSameSite: 'lax' | 'none';
  }
  interface FastifyRequest {
    /** The request's database handle: inside the command's transaction on mutating routes. */
    db: Queryable;
    /** Set on every route that accepts credentials; null on public routes. */
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** Required on every route: who may call it. The auth plugin enforces it. */
    auth?: RouteAuth;
  }
}
