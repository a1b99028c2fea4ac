import { nullable, object, oneOf, schema, string, type Infer as output } from '../internal/check.js';
import {
  CollectkitApiError,
  ENROLMENT_TOKEN_HEADER,
  createCoreClient,
  kindOfStatus,
  type CreatedEnrolment,
  type Enrolment,
  type EnrolmentRequest,
  type FetchFunction,
  type Session,
} from '@collectkit/sdk';

/**
 * The four enrolment calls the widget makes, on the sdk's core client (ky, retries, idempotency
 * keys, typed `CollectkitApiError`s). Responses are checked with small hand-written copies of the
 * contract's response schemas (internal/check.ts): the sdk's own are classic zod, which would add
 * ~60 KB gzipped to the embed bundle (zod/mini ~8 KB). The compile-time checks below keep the
 * copies equal to the contract's types.
 */

// The hand checks also keep the widget free of eval under `script-src 'self'`, where classic zod's
// `$ZodObjectJIT` probes `new Function('')` once on construction (zod/v4/core/util.js `allowsEval`),
// which a strict CSP blocks and reports. The CSP test (test/browser/csp.test.ts) parses these
// answers under that policy and asserts no report.

const AgreementSummary = object({
  pricingPlanId: string(),
  sha256: string(),
  url: string(),
  signedAt: nullable(string()),
  signedName: nullable(string()),
});
const enrolmentShape = {
  id: string(),
  status: oneOf(['pending_signature', 'pending_password', 'active']),
  company: object({ name: string(), country: string(), nationalId: string() }),
  agreement: AgreementSummary,
};
const EnrolmentResponse = object(enrolmentShape);
const CreatedEnrolmentResponse = object({ ...enrolmentShape, enrolmentToken: string() });
const SessionResponse = object({ token: string(), expiresAt: string(), role: oneOf(['member', 'operator']) });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
/** Fails type-checking when the contract's response types and these copies drift apart. */
export const responseCopiesMatchContract: [
  Same<output<typeof EnrolmentResponse>, Enrolment>,
  Same<output<typeof CreatedEnrolmentResponse>, CreatedEnrolment>,
  Same<output<typeof SessionResponse>, Session>,
] = [true, true, true];

export interface EnrolmentApiOptions {
  apiBase: string;
  publishableKey: string;
  fetch?: FetchFunction | undefined;
}

export interface EnrolmentApi {
  /** `POST /v1/enrolments`: the enrolment, its agreement summary and the one-time enrolment token. */
  create(request: EnrolmentRequest, idempotencyKey: string): Promise<CreatedEnrolment>;
  /** `GET /v1/enrolments/:id/agreement`: the PDF's bytes. */
  agreementPdf(agreement: { url: string }, token: string): Promise<ArrayBuffer>;
  /** `POST /v1/enrolments/:id/signature`. */
  sign(id: string, token: string, body: { name: string; consent: true; sha256: string }): Promise<Enrolment>;
  /** `POST /v1/enrolments/:id/password`: the account becomes active; the server sets the session cookie. */
  setPassword(id: string, token: string, password: string): Promise<Session>;
}

const path = (...segments: string[]) => segments.map(encodeURIComponent).join('/');

/**
 * Only the password call is credentialed (`credentials: 'include'`): it answers with the member's
 * session as an HttpOnly cookie, which the browser keeps only from a credentialed response, and the
 * case and status widgets send it back later. The other calls go without cookies on purpose: a
 * browser still signed in as some member would otherwise be seen as that member, and the server
 * opens enrolment to the publishable key only.
 */
export function enrolmentApi(options: EnrolmentApiOptions): EnrolmentApi {
  const base = { apiBase: options.apiBase, publishableKey: options.publishableKey, fetch: options.fetch };
  const core = createCoreClient({ ...base, credentials: 'omit' });
  const credentialed = createCoreClient({ ...base, credentials: 'include' });
  const withToken = (token: string) => ({ [ENROLMENT_TOKEN_HEADER]: token });
  return {
    create: (request, idempotencyKey) =>
      core.request({ method: 'POST', path: 'v1/enrolments', json: request, schema: schema(CreatedEnrolmentResponse), idempotencyKey }),
    sign: (id, token, body) =>
      core.request({ method: 'POST', path: `v1/enrolments/${path(id)}/signature`, json: body, schema: schema(EnrolmentResponse), headers: withToken(token) }),
    setPassword: (id, token, password) =>
      credentialed.request({ method: 'POST', path: `v1/enrolments/${path(id)}/password`, json: { password }, schema: schema(SessionResponse), headers: withToken(token) }),
    async agreementPdf(agreement, token) {
      // Binary, so not through the JSON transport; the same key and token headers.
      const url = `${options.apiBase.replace(/\/+$/, '')}/${agreement.url.replace(/^\/+/, '')}`;
      const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
      let response: Response;
      try {
        response = await doFetch(url, {
          credentials: 'omit',
          headers: { accept: 'application/pdf', authorization: `Bearer ${options.publishableKey}`, ...withToken(token) },
        });
      } catch (cause) {
        throw new CollectkitApiError({ kind: 'network', status: 0, code: 'network_error', message: `GET ${url} failed before a response arrived`, method: 'GET', url, cause });
      }
      if (!response.ok) {
        throw new CollectkitApiError({ kind: kindOfStatus(response.status), status: response.status, code: `http_${response.status}`, message: `GET ${url}: HTTP ${response.status}`, method: 'GET', url });
      }
      return response.arrayBuffer();
    },
  };
}

/** Lower-case hex SHA-256 of `bytes` (Web Crypto; needs a secure context: https or localhost). */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
