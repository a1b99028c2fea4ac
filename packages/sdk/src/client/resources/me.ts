/** The signed-in user (packages/server/src/http/me.ts). */
import { MeSchema } from '../../contract/api/account.js';
import type { CoreClient } from '../create-client.js';
import type { CallOptions } from './call-options.js';

export const meResource = (client: CoreClient) => ({
  /** `GET /v1/me`: user, association and (for members) creditor. */
  get: (options?: CallOptions) => client.request({ method: 'GET', path: 'v1/me', schema: MeSchema, conditional: true, ...options }),
});
