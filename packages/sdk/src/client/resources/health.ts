/** `GET /health` (packages/server/src/http/health.ts): liveness and database check. */
import { HealthSchema } from '../../contract/api/health.js';
import type { CoreClient } from '../create-client.js';
import type { CallOptions } from './call-options.js';

export const healthResource = (client: CoreClient) => ({
  get: (options?: CallOptions) => client.request({ method: 'GET', path: 'health', schema: HealthSchema, ...options }),
});
