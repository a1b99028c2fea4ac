import { isCollectkitApiError, type CollectkitApiError } from '@collectkit/sdk';
import type { LiveAnnouncer } from '../controls/live-announcer.js';
import { emit, type CollectErrorCode } from '../events.js';
import type { Messages } from '../i18n/catalogue.js';

/**
 * How the elements that talk to the API (<collect-enrol>, <collect-case>, <collect-status>) report a
 * failure: one alert in the form, the same words spoken assertively, and one `collect-error` event
 * for the page. Each element keeps its own mapping where its words differ; what they share is here.
 */

/** What an element shows and tells the page about one failure. */
export interface Failure {
  readonly code: CollectErrorCode;
  /** The localized alert shown to the visitor. */
  readonly shown: string;
  /** The technical message for the page's `collect-error` listener. */
  readonly message: string;
  readonly field?: string | undefined;
}

/** The message both elements give when `publishable-key` or `api-base` is missing. */
export const MISSING_CONFIG_MESSAGE = 'publishable-key and api-base must both be set';

/** True when the element has both attributes it needs to reach the API. */
export function isConfigured(element: { publishableKey: string; apiBase: string }): boolean {
  return Boolean(element.publishableKey && element.apiBase);
}

/** Speaks the alert assertively and fires `collect-error` (with `field` only when there is one). */
export function announceFailure(host: HTMLElement, announcer: LiveAnnouncer, failure: Failure): void {
  const { code, shown, message, field } = failure;
  announcer.announce(shown, 'assertive');
  emit(host, 'collect-error', { code, message, ...(field ? { field } : {}) });
}

/** A thrown value that is not the client's typed error: a server error with whatever message it has. */
export function unexpectedFailure(error: unknown, shown: string): Failure {
  return { code: 'server_error', shown, message: error instanceof Error ? error.message : String(error) };
}

/** True when a member's call was refused for want of a session (401, or a 403 that is not the origin check). */
export function isSignedOutError(error: unknown): boolean {
  return isCollectkitApiError(error) && (error.kind === 'authentication' || (error.kind === 'permission' && error.code !== 'origin_not_allowed'));
}

/**
 * The alert for a failed call on a member's cases (<collect-case>, <collect-status>). A refusal
 * from the server's origin check says the site is not allowed; any other refusal asks to sign in.
 * `issueField` names the field of a refused request when the element has no field to mark.
 */
export function caseFailure(
  error: unknown,
  e: Messages['case']['errors'],
  options: { issueField?: boolean } = {},
): Failure {
  if (!isCollectkitApiError(error)) return unexpectedFailure(error, e.server);
  const message = error.message;
  switch (error.kind) {
    case 'network':
      return { code: 'network_error', shown: e.network, message };
    case 'authentication':
      return { code: 'unauthorized', shown: e.signedOut, message };
    case 'permission':
      return { code: 'unauthorized', shown: error.code === 'origin_not_allowed' ? e.unauthorized : e.signedOut, message };
    case 'conflict':
      return { code: 'conflict', shown: e.conflict, message };
    case 'invalid_request':
      return { code: 'validation_failed', shown: e.refused, message, field: options.issueField ? error.issues[0]?.path : undefined };
    default:
      return { code: 'server_error', shown: e.server, message };
  }
}

/**
 * The server's field issues marked on an element's own fields: each field once, with the first
 * message `messageOf` gives it; and the marked fields in the order of the form's steps (`stepOf`),
 * so that the first one is where the form goes. Null when no issue names a field of the form.
 */
export function markIssues<F extends string>(
  error: CollectkitApiError,
  fieldOf: (path: string) => F | undefined,
  messageOf: (path: string) => string,
  stepOf: (field: F) => number,
): { marked: Partial<Record<F, string>>; fields: F[] } | null {
  const marked: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    if (!field || marked[field]) continue;
    marked[field] = messageOf(issue.path);
  }
  const fields = Object.keys(marked) as F[];
  if (fields.length === 0) return null;
  return { marked, fields: fields.sort((a, b) => stepOf(a) - stepOf(b)) };
}
