/**
 * `createClient`: checks the options once, builds the transport, and binds the resources to it.
 *
 * A page that needs only one or two calls (the quote widget) can keep its bundle small with
 * `createCoreClient` plus the one resource it uses (`quotesResource(core)`): each resource module
 * imports only its own schemas.
 */
import { CollectkitInputError } from '../errors.js';
import { createTransport, type CallResult, type HttpCall, type ResponseSchema, type TransportOptions } from './http.js';
import type { ItemOf, PageSchema } from './pagination.js';
import { casesResource } from './resources/cases.js';
import { enrolmentsResource } from './resources/enrolments.js';
import { healthResource } from './resources/health.js';
import { meResource } from './resources/me.js';
import { passwordResetsResource } from './resources/password-resets.js';
import { sessionsResource } from './resources/sessions.js';
import { webhookEndpointsResource } from './resources/webhooks.js';
import { documentsResource } from './resources/documents.js';
import { invoicesResource, paymentsResource, payoutsResource } from './resources/payouts.js';
import { businessRulesResource } from './resources/business-rules.js';
import { instalmentPlansResource } from './resources/instalment-plans.js';
import { watchEvents, type WatchOptions } from './watch.js';

export interface ClientOptions extends Omit<TransportOptions, 'authorization'> {
  /** `pk_…`: safe in a web page (quotes, enrolment, a signed-in member's cases). */
  publishableKey?: string | undefined;
  /** `sk_…`: server to server only; never ship it to a browser. */
  secretKey?: string | undefined;
  /** A session token (`ses_…`) from `sessions.create`. */
  token?: string | undefined;
}

/** The generic client every resource is bound to. */
export interface CoreClient {
  /** Any call, for a route the resources do not cover yet. */
  request<S extends ResponseSchema | undefined>(call: HttpCall<S>): Promise<CallResult<S>>;
  /** Long-polls an events endpoint (see `watchEvents`). */
  watch<S extends PageSchema>(path: string, schema: S, options?: WatchOptions): AsyncGenerator<ItemOf<S>, void, undefined>;
}

export interface CollectkitClient extends CoreClient {
  health: ReturnType<typeof healthResource>;
  enrolments: ReturnType<typeof enrolmentsResource>;
  sessions: ReturnType<typeof sessionsResource>;
  me: ReturnType<typeof meResource>;
  cases: ReturnType<typeof casesResource>;
  passwordResets: ReturnType<typeof passwordResetsResource>;
  webhookEndpoints: ReturnType<typeof webhookEndpointsResource>;
  documents: ReturnType<typeof documentsResource>;
  payments: ReturnType<typeof paymentsResource>;
  payouts: ReturnType<typeof payoutsResource>;
  businessRules: ReturnType<typeof businessRulesResource>;
  invoices: ReturnType<typeof invoicesResource>;
  instalmentPlans: ReturnType<typeof instalmentPlansResource>;
}

export function createCoreClient(options: ClientOptions): CoreClient {
  if (typeof options.apiBase !== 'string' || options.apiBase.trim() === '') {
    throw new CollectkitInputError('invalid_argument', 'apiBase', 'Give the base URL of the Collectkit API');
  }
  const http = createTransport({ ...options, authorization: credentialOf(options) });
  return {
    request: (call) => http.request(call),
    watch: (path, schema, watchOptions) => watchEvents(http, path, schema, watchOptions),
  };
}

export function createClient(options: ClientOptions): CollectkitClient {
  const core = createCoreClient(options);
  return {
    ...core,
    health: healthResource(core),
    enrolments: enrolmentsResource(core),
    sessions: sessionsResource(core),
    me: meResource(core),
    cases: casesResource(core),
    passwordResets: passwordResetsResource(core),
    webhookEndpoints: webhookEndpointsResource(core),
    documents: documentsResource(core),
    payments: paymentsResource(core),
    payouts: payoutsResource(core),
    businessRules: businessRulesResource(core),
    invoices: invoicesResource(core),
    instalmentPlans: instalmentPlansResource(core),
  };
}

/** Exactly one kind of credential, and each of the right kind: a mixed-up key fails here, not at the server. */
function credentialOf(options: ClientOptions): string {
  const given = (['publishableKey', 'secretKey', 'token'] as const).filter((field) => options[field] !== undefined);
  if (given.length !== 1) {
    throw new CollectkitInputError(
      'invalid_argument',
      given[1] ?? 'publishableKey',
      `Give exactly one of publishableKey, secretKey or token (got ${given.length === 0 ? 'none' : given.join(' and ')})`,
    );
  }
  const field = given[0]!;
  const value = options[field]!;
  const prefix = field === 'publishableKey' ? 'pk_' : field === 'secretKey' ? 'sk_' : '';
  if (typeof value !== 'string' || value.length <= prefix.length || !value.startsWith(prefix) || /\s/.test(value)) {
    throw new CollectkitInputError(
      'invalid_argument',
      field,
      prefix ? `A ${field} starts with ${prefix} and has no spaces` : 'A token is a non-empty string without spaces',
    );
  }
  return value;
}
