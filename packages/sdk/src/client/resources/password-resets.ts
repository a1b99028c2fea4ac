/** Password reset (packages/server/src/http/password-resets.ts). */
import type { z } from 'zod';
import { PasswordResetAcceptedSchema, PasswordResetConfirmationSchema, PasswordResetRequestSchema } from '../../contract/api/account.js';
import type { CoreClient } from '../create-client.js';
import { pathOf } from '../http.js';
import type { CallOptions } from './call-options.js';

export const passwordResetsResource = (client: CoreClient) => ({
  /** `POST /v1/password-resets` (202, whether or not the address has an account). */
  create: (body: z.input<typeof PasswordResetRequestSchema>, options?: CallOptions) =>
    client.request({ method: 'POST', path: 'v1/password-resets', json: body, schema: PasswordResetAcceptedSchema, ...options }),

  /** `POST /v1/password-resets/:token` (204): sets the new password and ends every session. */
  confirm: (token: string, body: z.input<typeof PasswordResetConfirmationSchema>, options?: CallOptions) =>
    client.request({ method: 'POST', path: pathOf('v1/password-resets', token), json: body, ...options }),
});
