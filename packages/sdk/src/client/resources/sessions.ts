/** Signing in and out (packages/server/src/http/sessions.ts). */
import type { z } from 'zod';
import { LoginRequestSchema, SessionSchema } from '../../contract/api/account.js';
import type { CoreClient } from '../create-client.js';
import type { CallOptions } from './call-options.js';

export const sessionsResource = (client: CoreClient) => ({
  /** `POST /v1/sessions` → a session; pass its `token` to `createClient({ token })`. */
  create: (body: z.input<typeof LoginRequestSchema>, options?: CallOptions) =>
    client.request({ method: 'POST', path: 'v1/sessions', json: body, schema: SessionSchema, ...options }),

  /** `DELETE /v1/sessions/current` (204): ends the session this client signs in with. */
  deleteCurrent: (options?: CallOptions) => client.request({ method: 'DELETE', path: 'v1/sessions/current', ...options }),
});
