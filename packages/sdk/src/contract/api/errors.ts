import { z } from 'zod';
import { FieldIssueSchema, type FieldIssue } from '../issues.js';

/**
 * The one error body of the API (issue 3 §7). `code` is stable and safe to branch on; `issues`
 * name the offending fields with dotted paths (`company.nationalId`, `invoices.2.dueDate`).
 */
export const ErrorCodeSchema = z.enum([
  'invalid_request',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  'origin_not_allowed',
  'not_found',
  'conflict',
  /** The Idempotency-Key was used before with a different request body. */
  'idempotency_key_reused',
  'payload_too_large',
  'rate_limited',
  /** The request is understood but not supported for this case, e.g. a claim file for a country without one (422). */
  'not_supported',
  'internal_error',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Issues are the contract's field issues: `{ path: 'company.nationalId', message }`. */
export const ErrorIssueSchema = FieldIssueSchema;
export type ErrorIssue = FieldIssue;

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    issues: z.array(ErrorIssueSchema).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
