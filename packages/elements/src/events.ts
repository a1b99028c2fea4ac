import type { IsoDate, Money } from '@collectkit/sdk';

/**
 * The typed events every Collectkit element emits. All bubble and are composed, so a host page can
 * listen on `document` whatever shadow roots sit in between:
 *
 * ```js
 * document.addEventListener('collect-quote', (e) => console.log(e.detail.quote));
 * document.addEventListener('collect-error', (e) => { if (e.detail.code === 'quote_failed') … });
 * ```
 */

/** Stable reasons a host page can branch on; the message is for people and may change. */
export type CollectErrorCode =
  /** The quote could not be computed from the input (the sdk rejected it). */
  | 'quote_failed'
  /** A configuration attribute has a value the element cannot use (e.g. `plan="gold"`). */
  | 'invalid_config'
  /** The server could not be reached (offline, CORS, timeout). */
  | 'network_error'
  /** The publishable key or session was refused, or the page's origin is not allowed. */
  | 'unauthorized'
  /** The server refused some fields; they are marked on the form (`field` is the first). */
  | 'validation_failed'
  /** Too many sign-in or password-reset attempts for now (429): wait and try again. */
  | 'rate_limited'
  /** The server's state forbids the step (e.g. an account with this e-mail exists). */
  | 'conflict'
  /** The agreement downloaded does not hash to the SHA-256 the server gave: nothing is signed. */
  | 'agreement_mismatch'
  /** The enrolment cannot be continued (after a reload its token is gone by design, or it expired). */
  | 'enrolment_lost'
  /** The server failed (5xx) or answered outside the contract. */
  | 'server_error';

export interface CollectReadyDetail {
  /** The tag of the element that became ready, e.g. `collect-quote`. */
  readonly element: string;
}

export interface CollectChangeDetail {
  /** Dotted name of the field that changed, e.g. `debtor.country` or `invoices.1.amount`. */
  readonly field: string;
  readonly value: unknown;
}

/** Fired when an element has computed a quote; `quote` is the sdk's result, `request` what it was computed from. */
export interface CollectQuoteDetail<TRequest = unknown, TQuote = unknown> {
  readonly request: TRequest;
  readonly quote: TQuote;
  readonly asOf: IsoDate;
  /** The amount the creditor can expect to receive if the debtor pays in full. */
  readonly expectedNet?: Money;
}

export interface CollectSubmitDetail {
  /** What was submitted, as it was sent. */
  readonly payload: unknown;
  /** The server's reference, e.g. a case number, once known. */
  readonly reference?: string;
}

export interface CollectErrorDetail {
  readonly code: CollectErrorCode;
  readonly message: string;
  /** The input that caused it, when one did (`invoices.0.dueDate`). */
  readonly field?: string;
}

export interface CollectEventDetails {
  'collect-ready': CollectReadyDetail;
  'collect-change': CollectChangeDetail;
  'collect-quote': CollectQuoteDetail;
  'collect-submit': CollectSubmitDetail;
  'collect-error': CollectErrorDetail;
}

export type CollectEventName = keyof CollectEventDetails;

/** Creates a bubbling, composed event with a typed detail. */
export function collectEvent<K extends CollectEventName>(name: K, detail: CollectEventDetails[K]): CustomEvent<CollectEventDetails[K]> {
  return new CustomEvent(name, { bubbles: true, composed: true, cancelable: false, detail });
}

/** Dispatches a Collectkit event from `target`. */
export function emit<K extends CollectEventName>(target: EventTarget, name: K, detail: CollectEventDetails[K]): boolean {
  return target.dispatchEvent(collectEvent(name, detail));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'collect-ready': CustomEvent<CollectReadyDetail>;
    'collect-change': CustomEvent<CollectChangeDetail>;
    'collect-quote': CustomEvent<CollectQuoteDetail>;
    'collect-submit': CustomEvent<CollectSubmitDetail>;
    'collect-error': CustomEvent<CollectErrorDetail>;
  }
}
