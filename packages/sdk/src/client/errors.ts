/**
 * Typed errors of the HTTP client. One class with a `kind` to branch on (and a stable `code` from
 * the server), plus type guards that work across realms and bundle copies, unlike `instanceof`
 * (a widget bundle and a host page's own copy of the sdk may both be loaded).
 *
 * The server answers errors as `{ error: { code, message, issues?: [{ path, message }] } }`.
 */

/** What went wrong, by who can fix it. */
export type ApiErrorKind =
  /** 400, 422 and other 4xx not listed below: the request itself is wrong. */
  | 'invalid_request'
  /** 401: missing, unknown or expired key, token or session. */
  | 'authentication'
  /** 403: the credential is valid but may not do this (e.g. a publishable key from a foreign origin). */
  | 'permission'
  /** 404, 410. */
  | 'not_found'
  /** 409, 412: the resource is in a state that forbids this, or an Idempotency-Key was reused with another body. */
  | 'conflict'
  /** 429: see `retryAfterMs`. */
  | 'rate_limited'
  /** 5xx. */
  | 'server'
  /** No response at all (DNS, connection refused, CORS, offline) or the request timed out (incl. 408). */
  | 'network'
  /** A response arrived but is not what the contract promises: never handed on as data. */
  | 'invalid_response';

/** One problem with one field, as the server reports it (`path` is dotted: `invoices.2.dueDate`). */
export interface ApiIssue {
  readonly path: string;
  readonly message: string;
}

export interface CollectkitApiErrorInit {
  kind: ApiErrorKind;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  code: string;
  message: string;
  issues?: readonly ApiIssue[];
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  method?: string | undefined;
  url?: string | undefined;
  cause?: unknown;
}

/** Every failure of a client call, whatever its kind. */
export class CollectkitApiError extends Error {
  override readonly name = 'CollectkitApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  /** Stable machine-readable reason: the server's `error.code`, else a client code (`timeout`, `network_error`, `invalid_response`, `http_<status>`). */
  readonly code: string;
  readonly issues: readonly ApiIssue[];
  /** The server's `x-request-id`: quote it to the operator. */
  readonly requestId: string | undefined;
  /** From `Retry-After` (429, 503), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(init: CollectkitApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.method = init.method;
    this.url = init.url;
  }
}

/**
 * True for a `CollectkitApiError` from any copy of the sdk; with `kind`, only for that kind:
 * `if (isCollectkitApiError(e, 'conflict')) …`.
 */
export function isCollectkitApiError(error: unknown, kind?: ApiErrorKind): error is CollectkitApiError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; kind?: unknown; status?: unknown };
  return (
    candidate.name === 'CollectkitApiError' &&
    typeof candidate.kind === 'string' &&
    typeof candidate.status === 'number' &&
    (kind === undefined || candidate.kind === kind)
  );
}

/** The kind an HTTP error status belongs to. */
export function kindOfStatus(status: number): ApiErrorKind {
  switch (status) {
    case 401:
      return 'authentication';
    case 403:
      return 'permission';
    case 404:
    case 410:
      return 'not_found';
    case 408:
      return 'network';
    case 409:
    case 412:
      return 'conflict';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'server' : 'invalid_request';
  }
}

/**
 * Reads the server's error body; anything else (an HTML page from a proxy, an empty body) still
 * yields a typed error with the status, never a crash while reporting a crash.
 */
export function errorFromResponse(
  status: number,
  bodyText: string,
  meta: { requestId?: string | undefined; retryAfterMs?: number | undefined; method?: string; url?: string },
): CollectkitApiError {
  let code = `http_${status}`;
  let message = `HTTP ${status}`;
  let issues: ApiIssue[] = [];
  const body = parseJsonOrUndefined(bodyText);
  const payload = isRecord(body) && isRecord(body['error']) ? body['error'] : undefined;
  if (payload !== undefined) {
    if (typeof payload['code'] === 'string') code = payload['code'];
    if (typeof payload['message'] === 'string') message = payload['message'];
    if (Array.isArray(payload['issues'])) issues = payload['issues'].filter(isIssue).map(toIssue);
    // The header is the primary source; a browser only sees it if CORS exposes it, the body always.
    if (meta.requestId === undefined && typeof payload['requestId'] === 'string') {
      meta = { ...meta, requestId: payload['requestId'] };
    }
  }
  return new CollectkitApiError({ kind: kindOfStatus(status), status, code, message, issues, ...meta });
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIssue(value: unknown): value is { path: unknown; message: string } {
  return isRecord(value) && typeof value['message'] === 'string';
}

/** The server sends `path` as a dotted string; accept a zod-style array too. */
function toIssue(issue: { path: unknown; message: string }): ApiIssue {
  const path = Array.isArray(issue.path) ? issue.path.map(String).join('.') : String(issue.path ?? '');
  return { path, message: issue.message };
}
