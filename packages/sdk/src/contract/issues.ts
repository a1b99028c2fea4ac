import { z } from 'zod';
import { CollectkitInputError, type InputErrorCode } from '../errors.js';

/** One problem with a request, as the server returns it in a 400: `{ path: 'invoices.0.dueDate', message }`. */
export const FieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** Dotted path of an issue: `['invoices', 0, 'dueDate']` → `invoices.0.dueDate` (root → ''). */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((key) => String(key)).join('.');
}

/** Flattens a zod error into the wire shape of field issues, one per problem, in zod's order. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
}

/**
 * Parses `value` with `schema`, or throws a `CollectkitInputError` naming the first offending field
 * (prefixed with `field` where given). The SDK's functions validate once at their edge with this.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, field = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [field, issuePath(issue.path)].filter(Boolean).join('.') || '(root)';
  const custom = (issue as { params?: { collectkitCode?: InputErrorCode } }).params?.collectkitCode;
  throw new CollectkitInputError(custom ?? codeFor(path), path, issue.message);
}

function codeFor(path: string): InputErrorCode {
  if (/(^|\.)currency$/.test(path)) return 'unsupported_currency';
  if (/(^|\.)amount$/.test(path)) return 'invalid_amount';
  if (/Date$|(^|\.)asOf$|(^|\.)date$/.test(path)) return 'invalid_date';
  return 'invalid_argument';
}
