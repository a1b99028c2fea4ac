/**
 * Enrolment of a member creditor (packages/server/src/http/enrolments.ts): create, read, sign the
 * agreement, choose the password. Before the password exists, a publishable-key caller proves it
 * is the enrolling person with the `enrolmentToken` returned once by `create`.
 */
import type { z } from 'zod';
import {
  CreatedEnrolmentSchema,
  EnrolmentPasswordRequestSchema,
  EnrolmentRequestSchema,
  EnrolmentSchema,
  SignatureRequestSchema,
} from '../../contract/api/enrolment.js';
import { SessionSchema } from '../../contract/api/account.js';
import type { CoreClient } from '../create-client.js';
import { pathOf } from '../http.js';
import type { CallOptions } from './call-options.js';

/** Header name as the server reads it (packages/server/src/http/enrolment-access.ts). */
export const ENROLMENT_TOKEN_HEADER = 'X-Collectkit-Enrolment-Token';

export interface EnrolmentCallOptions extends CallOptions {
  /** From `create`; required with a publishable key until the password is chosen. */
  enrolmentToken?: string | undefined;
}

function withToken({ enrolmentToken, ...options }: EnrolmentCallOptions = {}): CallOptions {
  return enrolmentToken === undefined ? options : { ...options, headers: { ...options.headers, [ENROLMENT_TOKEN_HEADER]: enrolmentToken } };
}

export const enrolmentsResource = (client: CoreClient) => ({
  /** `POST /v1/enrolments` → the enrolment with its `enrolmentToken` (shown once). */
  create: (body: z.input<typeof EnrolmentRequestSchema>, options?: CallOptions) =>
    client.request({ method: 'POST', path: 'v1/enrolments', json: body, schema: CreatedEnrolmentSchema, ...options }),

  /** `GET /v1/enrolments/:id`. */
  get: (id: string, options?: EnrolmentCallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/enrolments', id), schema: EnrolmentSchema, conditional: true, ...withToken(options) }),

  /** `POST /v1/enrolments/:id/signature`: typed name, consent, and the SHA-256 of the agreement read. */
  sign: (id: string, body: z.input<typeof SignatureRequestSchema>, options?: EnrolmentCallOptions) =>
    client.request({ method: 'POST', path: pathOf('v1/enrolments', id, 'signature'), json: body, schema: EnrolmentSchema, ...withToken(options) }),

  /** `POST /v1/enrolments/:id/password`: the account becomes active; answers a session. */
  setPassword: (id: string, body: z.input<typeof EnrolmentPasswordRequestSchema>, options?: EnrolmentCallOptions) =>
    client.request({ method: 'POST', path: pathOf('v1/enrolments', id, 'password'), json: body, schema: SessionSchema, ...withToken(options) }),

  /** Where the agreement PDF is, relative to the API base (`GET /v1/enrolments/:id/agreement`, application/pdf). */
  agreementPath: (id: string) => pathOf('v1/enrolments', id, 'agreement'),
});
