import type { ErrorCode, ErrorIssue } from '@collectkit/sdk';

/** An expected failure a handler throws; the error handler turns it into the API's error body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
  }
}

/** Unknown id, or another tenant's id: the same answer, so existence is never revealed. */
export function notFound(what = 'resource'): ApiError {
  return new ApiError(404, 'not_found', `No such ${what}.`);
}

export function invalidRequest(path: string, message: string): ApiError {
  return new ApiError(400, 'invalid_request', message, [{ path, message }]);
}
