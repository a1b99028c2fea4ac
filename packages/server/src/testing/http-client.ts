/**
 * Plain fetch against the started server, the way a browser or the SDK would call it. No
 * in-process injection: every test request crosses a real socket.
 */
export interface CallOptions {
  /** `pk_…`/`sk_…` as `Authorization: Bearer`, or a session token `ses_…`. */
  bearer?: string;
  /** A publishable key in `X-Collectkit-Key` (e.g. alongside a session). */
  key?: string;
  /** A JSON value, or a raw string sent as is (with `contentType`). */
  body?: unknown;
  rawBody?: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else undefined. */
  json: any;
  bytes: Uint8Array;
}

export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.key) headers['x-collectkit-key'] = options.key;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (options.rawBody !== undefined) {
    // A copy on its own ArrayBuffer: fetch takes no view of a SharedArrayBuffer.
    body = typeof options.rawBody === 'string' ? options.rawBody : new Uint8Array(options.rawBody);
    if (options.contentType) headers['content-type'] = options.contentType;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  let json: unknown;
  if (isJson && bytes.length > 0) json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  return { status: response.status, headers: response.headers, json, bytes };
}

/** The session token from a `Set-Cookie` header, for cookie-based calls. */
export function sessionCookie(headers: Headers): string | undefined {
  return headers.getSetCookie().find((cookie) => cookie.startsWith('collectkit_session='));
}
