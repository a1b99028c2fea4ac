import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isCollectkitInputError, type ErrorCode, type ErrorIssue, type ErrorResponse } from '@collectkit/sdk';
import { ApiError } from './api-error.js';

/** Fastify's own client errors (body parsing, content type, size) mapped to the API's codes. */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_request', message: 'Content-Length does not match the body.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_request', message: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_request', message: 'The body is not valid JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The body is too large.' },
};

/** `/company/nationalId` → `company.nationalId`. */
function dottedPath(instancePath: string): string {
  return instancePath.split('/').filter(Boolean).join('.');
}

/**
 * One message per field, the first zod reports: after a type error zod 4 may still run length
 * checks of the expected type ("expected array" then "expected string to have <=4 characters").
 */
function firstIssuePerPath(issues: ErrorIssue[]): ErrorIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => !seen.has(issue.path) && seen.add(issue.path));
}

/**
 * The challenge every 401 carries (RFC 9110 §11.6.1: a 401 "MUST send a WWW-Authenticate header"):
 * keys and session tokens both go as `Authorization: Bearer` (RFC 6750 §3). The session cookie
 * needs no challenge of its own: signing in sets it.
 */
const WWW_AUTHENTICATE = 'Bearer realm="collectkit"';

/** Sets the status, and the challenge when it is 401, so no path to a 401 can leave it out. */
function status(reply: FastifyReply, code: number): FastifyReply {
  if (code === 401) void reply.header('www-authenticate', WWW_AUTHENTICATE);
  return reply.code(code);
}

function body(code: ErrorCode, message: string, request: FastifyRequest, issues?: ErrorIssue[]): ErrorResponse {
  return { error: { code, message, ...(issues ? { issues } : {}), requestId: String(request.id) } };
}

/**
 * Errors fastify raises before routing (a malformed percent-encoding, a path parameter over the
 * length limit): the same body, and the request id header the hooks would have set.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const code = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  void status(reply, code).header('x-request-id', request.id).send(body('invalid_request', error.message, request));
}

/**
 * The one error handler: every failure leaves in the same shape, and only a bug gives a 5xx.
 * Path-parameter validation failures answer 404: an id that cannot exist is an unknown id.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) {
      return status(reply, error.statusCode).send(body(error.code, error.message, request, error.issues));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      if (error.validationContext === 'params') return reply.code(404).send(body('not_found', 'No such resource.', request));
      const issues = firstIssuePerPath(error.validation.map((issue) => ({ path: dottedPath(issue.instancePath), message: issue.message ?? 'Invalid value.' })));
      const where = error.validationContext === 'body' ? 'body' : error.validationContext ?? 'request';
      return reply.code(400).send(body('invalid_request', `The ${where} is invalid.`, request, issues));
    }
    if (isCollectkitInputError(error)) {
      const message = error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
      return reply.code(400).send(body('invalid_request', error.message, request, [{ path: error.field, message }]));
    }
    const fastifyError = error as FastifyError;
    const known = fastifyError.code ? FASTIFY_CLIENT_ERRORS[fastifyError.code] : undefined;
    if (known) return reply.code(known.status).send(body(known.code, known.message, request));
    if (fastifyError.statusCode === 429) {
      return reply.code(429).send(body('rate_limited', 'Too many attempts; wait a minute and try again.', request));
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const code: ErrorCode = fastifyError.statusCode === 404 ? 'not_found' : fastifyError.statusCode === 413 ? 'payload_too_large' : 'invalid_request';
      return status(reply, fastifyError.statusCode).send(body(code, fastifyError.message, request));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(body('internal_error', 'Something went wrong on our side; it has been logged.', request));
  });

  app.setNotFoundHandler((request, reply) => reply.code(404).send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`, request)));
}
