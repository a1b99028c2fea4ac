import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The API as `simulate` calls it: over HTTP to a running server, or `app.inject` into an app built in
 * this process on the same database. Either way every request passes the routes' validation,
 * transactions and events; nothing here writes to the database itself.
 */
export interface ApiResult {
  status: number;
  json: any;
}

export interface ApiRequest {
  bearer?: string;
  body?: unknown;
  idempotencyKey?: string;
  /** Sent as multipart/form-data in a part named `file`. */
  file?: { filename: string; contentType: string; content: string };
}

export type Api = (method: 'GET' | 'POST', path: string, request?: ApiRequest) => Promise<ApiResult>;

function encode(request: ApiRequest): { headers: Record<string, string>; payload?: Buffer | string } {
  const headers: Record<string, string> = {};
  if (request.bearer) headers.authorization = `Bearer ${request.bearer}`;
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
  if (request.file) {
    const boundary = `collectkit-${randomBytes(12).toString('hex')}`;
    const { filename, contentType, content } = request.file;
    headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename.replace(/"/g, '')}"\r\nContent-Type: ${contentType}\r\n\r\n`),
      Buffer.from(content, 'utf8'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { headers, payload };
  }
  if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    return { headers, payload: JSON.stringify(request.body) };
  }
  return { headers };
}

const parse = (text: string, contentType: string | undefined): unknown => (contentType?.includes('application/json') && text.length > 0 ? JSON.parse(text) : undefined);

export function httpApi(baseUrl: string): Api {
  return async (method, path, request = {}) => {
    const { headers, payload } = encode(request);
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, { method, headers, ...(payload !== undefined ? { body: typeof payload === 'string' ? payload : new Uint8Array(payload) } : {}) });
    } catch (error) {
      throw new Error(`the server at ${baseUrl} does not answer (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`);
    }
    return { status: response.status, json: parse(await response.text(), response.headers.get('content-type') ?? undefined) };
  };
}

export function injectApi(app: FastifyInstance): Api {
  return async (method, url, request = {}) => {
    const { headers, payload } = encode(request);
    const response = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
    const contentType = response.headers['content-type'];
    return { status: response.statusCode, json: parse(response.body, typeof contentType === 'string' ? contentType : undefined) };
  };
}

/** The response's JSON when it has the expected status; otherwise an error saying what failed and why. */
export function expect(result: ApiResult, status: number, what: string): any {
  if (result.status === status) return result.json;
  const error = (result.json as { error?: { message?: string; issues?: { path: string; message: string }[] } } | undefined)?.error;
  const why = error ? [error.message, ...(error.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`)].join('; ') : JSON.stringify(result.json ?? null);
  throw new Error(`${what} failed: HTTP ${result.status} ${why}`);
}

/** Signs the demo operator in (POST /v1/sessions with the publishable key): its bearer token. */
export async function operatorSession(api: Api, credentials: { publishableKey: string; operator: { email: string; password: string } }): Promise<string> {
  const login = await api('POST', '/v1/sessions', { bearer: credentials.publishableKey, body: credentials.operator });
  return expect(login, 201, `signing in as the demo operator ${credentials.operator.email}`).token as string;
}
