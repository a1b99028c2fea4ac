/**
 * The transport every resource call goes through: one ky instance (retries and HTTP-error throwing
 * switched off in ky, because this layer decides both), client options merged in one place, and
 * ky's `beforeRequest` hook as the seam for credentials and the caller's `onRequest`.
 *
 * Zod is imported as a type only: schemas come from the caller, so a widget that never lists cases
 * does not ship the case schemas.
 */
import ky, { isTimeoutError, type KyInstance, type Options as KyOptions } from 'ky';
import type { $ZodType, output } from 'zod/v4/core';
import { CollectkitInputError } from '../errors.js';
import { CollectkitApiError, errorFromResponse, type ApiIssue } from './errors.js';
import { IDEMPOTENCY_HEADER, newIdempotencyKey } from './idempotency.js';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, withRetry, type RetryPolicy } from './retry.js';
import { systemClock, timerSleep, type AbortSignalLike, type Clock, type Sleep } from './platform.js';

/** Any zod 4 schema, classic (`zod`) or `zod/mini`: both have `safeParse`. */
export type ResponseSchema = $ZodType & {
  safeParse(data: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly ZodLikeIssue[] } };
};
interface ZodLikeIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The `Request` ky hands to hooks (the platform's `Request`). */
export type OutgoingRequest = Parameters<NonNullable<NonNullable<KyOptions['hooks']>['beforeRequest']>[number]>[0];
export type FetchFunction = NonNullable<KyOptions['fetch']>;
export type RequestCredentials = NonNullable<KyOptions['credentials']>;
export type RequestSignal = NonNullable<KyOptions['signal']>;

/** Everything `createClient` accepts that concerns the wire. */
export interface TransportOptions {
  /** Base URL of the API, e.g. `https://collect.example.org/api` (relative, e.g. `/api`, only in a browser). */
  apiBase: string;
  /** Sent as `Authorization: Bearer <authorization>`. */
  authorization?: string | undefined;
  /** `'include'` sends the member's session cookie (the widget on the association's site). */
  credentials?: RequestCredentials | undefined;
  fetch?: FetchFunction | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
  /** Called before every attempt (retries included), e.g. to log or add a tracing header. */
  onRequest?: ((request: OutgoingRequest) => void | Promise<void>) | undefined;
  /** For tests: the back-off's randomness, the waiting, and the clock for an HTTP-date `Retry-After`. */
  random?: (() => number) | undefined;
  sleep?: Sleep | undefined;
  now?: Clock | undefined;
  /** How many single-resource GET responses to keep for `If-None-Match`. Default 100. */
  etagCacheSize?: number | undefined;
}

/**
 * A `FormData` (the platform's, from `globalThis`): the sdk compiles without the DOM lib, so only
 * the part the client calls is spelled out.
 */
export interface FormDataLike {
  append(name: string, value: unknown, filename?: string): void;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

/** One logical call (however many attempts it takes). */
export interface HttpCall<S extends ResponseSchema | undefined = ResponseSchema | undefined> {
  method: HttpMethod;
  /** Relative to `apiBase`, e.g. `v1/cases/cs_1`; path segments from user input must be encoded (see `pathOf`). */
  path: string;
  query?: Readonly<Record<string, QueryValue>> | undefined;
  /** Sent as JSON. */
  json?: unknown;
  /**
   * Sent as `multipart/form-data` (instead of `json`). No Content-Type is set here: fetch sets it
   * with the boundary. No Idempotency-Key is generated for a form unless `formIdempotent` says its
   * route deduplicates by it; otherwise it is retried only when the caller sends one.
   */
  form?: FormDataLike | undefined;
  /** The route deduplicates this `form` by Idempotency-Key (document uploads): a key is generated as for a JSON POST. */
  formIdempotent?: boolean | undefined;
  /** The response body's schema; omitted when the answer has no body (204). */
  schema?: S;
  /** A POST's key; generated when absent (for a `form` only with `formIdempotent`), and the same on each retry of this call. */
  idempotencyKey?: string | undefined;
  signal?: RequestSignal | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
  /** GET of a single resource: send `If-None-Match` and answer a 304 from the last parsed body. */
  conditional?: boolean | undefined;
  timeoutMs?: number | undefined;
  /** Override of the client's retry policy for this call. */
  retry?: Partial<RetryPolicy> | undefined;
}

export type CallResult<S> = S extends ResponseSchema ? output<S> : void;

export interface HttpTransport {
  request<S extends ResponseSchema | undefined>(call: HttpCall<S>): Promise<CallResult<S>>;
  readonly policy: RetryPolicy;
  readonly random: () => number;
  readonly sleep: Sleep;
  readonly now: Clock;
  readonly timeoutMs: number;
}

interface CachedRepresentation {
  etag: string;
  value: unknown;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function createTransport(options: TransportOptions): HttpTransport {
  const resolved = {
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    random: options.random ?? Math.random,
    sleep: options.sleep ?? timerSleep,
    now: options.now ?? systemClock,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    etagCacheSize: options.etagCacheSize ?? 100,
  };
  const base = options.apiBase.replace(/\/+$/, '');
  const api: KyInstance = ky.create({
    retry: 0,
    throwHttpErrors: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    headers: {
      accept: 'application/json',
      ...options.headers,
      ...(options.authorization ? { authorization: `Bearer ${options.authorization}` } : {}),
    },
    hooks: {
      beforeRequest: options.onRequest ? [async (request) => void (await options.onRequest!(request))] : [],
    },
  });
  const etags = new Map<string, CachedRepresentation>();

  async function attempt(call: HttpCall, url: string, idempotencyKey: string | undefined): Promise<unknown> {
    const cached = call.conditional ? etags.get(url) : undefined;
    const headers: Record<string, string> = { ...call.headers };
    if (idempotencyKey !== undefined) headers[IDEMPOTENCY_HEADER] = idempotencyKey;
    if (cached) headers['if-none-match'] = cached.etag;

    let response;
    let text: string;
    try {
      response = await api(url, {
        method: call.method,
        headers,
        timeout: call.timeoutMs ?? resolved.timeoutMs,
        ...(call.json !== undefined ? { json: call.json } : {}),
        // The same FormData on each attempt: unlike a stream it can be sent again.
        ...(call.form !== undefined ? { body: call.form as NonNullable<KyOptions['body']> } : {}),
        ...(call.signal ? { signal: call.signal } : {}),
      });
      text = response.status === 304 ? '' : await response.text();
    } catch (error) {
      throw transportFailure(error, call, url);
    }

    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (response.status === 304 && cached) {
      touch(cached, url);
      return cached.value;
    }
    if (!response.ok) {
      throw errorFromResponse(response.status, text, {
        requestId,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), resolved.now()),
        method: call.method,
        url,
      });
    }
    if (call.schema === undefined) return undefined;

    const value = parseBody(call.schema, text, { status: response.status, requestId, method: call.method, url });
    const etag = response.headers.get('etag');
    if (call.conditional && etag) touch({ etag, value }, url);
    return value;
  }

  /** Insertion order of a Map as recency: re-inserting moves an entry to the end. */
  function touch(entry: CachedRepresentation, url: string): void {
    etags.delete(url);
    etags.set(url, entry);
    if (etags.size > resolved.etagCacheSize) etags.delete(etags.keys().next().value!);
  }

  return {
    ...resolved,
    async request<S extends ResponseSchema | undefined>(call: HttpCall<S>): Promise<CallResult<S>> {
      if (call.form !== undefined && call.json !== undefined) {
        throw new CollectkitInputError('invalid_argument', 'form', 'Send either json or form, not both');
      }
      const url = `${base}/${call.path.replace(/^\/+/, '')}${queryString(call.query)}`;
      // A POST may be repeated only because the server deduplicates it by this key (DESIGN.md § 6).
      // A form gets a generated key only where the route deduplicates forms (document uploads);
      // other forms are repeated only under a key the caller chose.
      const generateKey = call.method === 'POST' && (call.form === undefined || call.formIdempotent === true);
      const idempotencyKey = generateKey ? (call.idempotencyKey ?? newIdempotencyKey()) : call.idempotencyKey;
      const repeatable =
        call.form === undefined && call.method !== 'POST' && call.method !== 'PATCH' ? true : idempotencyKey !== undefined;
      const value = await withRetry(() => attempt(call, url, idempotencyKey), {
        policy: { ...resolved.policy, ...call.retry },
        random: resolved.random,
        sleep: resolved.sleep,
        signal: call.signal as AbortSignalLike | undefined,
        repeatable,
      });
      return value as CallResult<S>;
    },
  };
}

/**
 * A user's abort is passed through untouched (the caller asked for it); anything else that kept a
 * response from arriving is a `network` error.
 */
function transportFailure(error: unknown, call: HttpCall, url: string): unknown {
  if ((call.signal as AbortSignalLike | undefined)?.aborted) return error;
  const timedOut = isTimeoutError(error);
  return new CollectkitApiError({
    kind: 'network',
    status: 0,
    code: timedOut ? 'timeout' : 'network_error',
    message: timedOut
      ? `${call.method} ${url} got no response within the timeout`
      : `${call.method} ${url} failed before a response arrived`,
    method: call.method,
    url,
    cause: error,
  });
}

function parseBody(
  schema: ResponseSchema,
  text: string,
  meta: { status: number; requestId: string | undefined; method: string; url: string },
): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw invalidResponse('The response is not JSON', [], meta, cause);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues: ApiIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw invalidResponse('The response does not match the API contract', issues, meta);
}

function invalidResponse(
  message: string,
  issues: ApiIssue[],
  meta: { status: number; requestId: string | undefined; method: string; url: string },
  cause?: unknown,
): CollectkitApiError {
  return new CollectkitApiError({ kind: 'invalid_response', code: 'invalid_response', message, issues, ...meta, cause });
}

function queryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (query === undefined) return '';
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

/** A path from segments, each percent-encoded: `pathOf('v1/cases', id, 'messages')`. */
export function pathOf(...segments: readonly string[]): string {
  return segments.map((segment, index) => (index === 0 ? segment : encodeURIComponent(segment))).join('/');
}
