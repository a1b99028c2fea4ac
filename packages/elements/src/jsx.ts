/**
 * Types for writing the elements as tags in JSX/TSX (React 19, Preact, Solid, Stencil, …): the
 * attributes each tag takes and its typed event handlers. Types only; nothing here runs.
 *
 * React users get them on `React.JSX.IntrinsicElements` by importing `@collectkit/react`. Other
 * frameworks merge them into their own JSX namespace, giving the framework's HTML attributes as
 * `Base` and its event-prop spelling as `Prefix`:
 *
 * ```ts
 * // Preact: <collect-quote oncollect-quote={(e) => e.detail.quote} />
 * import type { JSX } from 'preact';
 * import type { CollectkitIntrinsicElements } from '@collectkit/elements';
 * declare module 'preact' {
 *   namespace JSX {
 *     interface IntrinsicElements extends CollectkitIntrinsicElements<JSX.HTMLAttributes<HTMLElement>> {}
 *   }
 * }
 *
 * // Solid: <collect-quote on:collect-quote={(e) => e.detail.quote} />
 * import type { JSX } from 'solid-js';
 * declare module 'solid-js' {
 *   namespace JSX {
 *     interface IntrinsicElements extends CollectkitIntrinsicElements<JSX.HTMLAttributes<HTMLElement>, 'on:'> {}
 *   }
 * }
 * ```
 *
 * Attributes are written as in HTML (`publishable-key`, `api-base`, `as-of`, `case-id`); the
 * elements read them through Lit's attribute converters. Every event bubbles and is composed (see
 * events.ts), so listening on an ancestor works as well.
 */
import type { CaseSubmitDetail } from './collect-case/collect-case.js';
import type { CollectChangeDetail, CollectErrorDetail, CollectQuoteDetail, CollectReadyDetail, CollectSubmitDetail } from './events.js';

/** The four countries Collectkit serves; the elements ignore any other value. */
export type CollectCountryAttribute = 'DK' | 'SE' | 'NO' | 'FI' | '';

/** What <collect-quote> reads from attributes (see its JSDoc and custom-elements.json). */
export interface CollectQuoteAttributes {
  lang?: string;
  country?: CollectCountryAttribute;
  plan?: 'member' | 'standard';
  /** ISO date the estimate is for; today in the visitor's time zone when unset. */
  'as-of'?: string;
  'publishable-key'?: string;
  'api-base'?: string;
}

/** What <collect-enrol> reads from attributes. */
export interface CollectEnrolAttributes {
  lang?: string;
  country?: CollectCountryAttribute;
  /** The association's publishable key (`pk_…`). */
  'publishable-key'?: string;
  /** Base URL of the Collectkit API. */
  'api-base'?: string;
}

/** What <collect-case> reads from attributes. */
export interface CollectCaseAttributes extends CollectEnrolAttributes {
  /** ISO date the instant quote is for. */
  'as-of'?: string;
}

/** What <collect-status> reads from attributes. */
export interface CollectStatusAttributes extends CollectEnrolAttributes {
  /** Open this case (`cs_…`) when the element starts. */
  'case-id'?: string;
}

/** Each tag's attributes, by tag. */
export interface CollectkitElementAttributes {
  'collect-quote': CollectQuoteAttributes;
  'collect-enrol': CollectEnrolAttributes;
  'collect-case': CollectCaseAttributes;
  'collect-status': CollectStatusAttributes;
}

/** The events each tag emits (its JSDoc `@event` lines), with the event each handler receives. */
export interface CollectkitElementEvents {
  'collect-quote': {
    'collect-ready': CustomEvent<CollectReadyDetail>;
    'collect-change': CustomEvent<CollectChangeDetail>;
    'collect-quote': CustomEvent<CollectQuoteDetail>;
    'collect-error': CustomEvent<CollectErrorDetail>;
  };
  'collect-enrol': {
    'collect-ready': CustomEvent<CollectReadyDetail>;
    'collect-change': CustomEvent<CollectChangeDetail>;
    'collect-submit': CustomEvent<CollectSubmitDetail>;
    'collect-error': CustomEvent<CollectErrorDetail>;
  };
  'collect-case': {
    'collect-ready': CustomEvent<CollectReadyDetail>;
    'collect-change': CustomEvent<CollectChangeDetail>;
    'collect-quote': CustomEvent<CollectQuoteDetail>;
    'collect-submit': CustomEvent<CaseSubmitDetail>;
    'collect-error': CustomEvent<CollectErrorDetail>;
  };
  'collect-status': {
    'collect-ready': CustomEvent<CollectReadyDetail>;
    'collect-change': CustomEvent<CollectChangeDetail>;
    'collect-submit': CustomEvent<CollectSubmitDetail>;
    'collect-error': CustomEvent<CollectErrorDetail>;
  };
}

export type CollectkitTag = keyof CollectkitElementAttributes;

/**
 * Handler props for a tag's events. `'on'` gives `oncollect-quote` (React 19 and Preact add a
 * listener for the event named after `on` on a custom element); `'on:'` gives Solid's `on:collect-quote`.
 */
export type CollectkitEventHandlerProps<Tag extends CollectkitTag, Prefix extends string = 'on'> = {
  [Name in keyof CollectkitElementEvents[Tag] & string as `${Prefix}${Name}`]?: (event: CollectkitElementEvents[Tag][Name]) => void;
};

/** Every Collectkit tag's JSX props: the framework's `Base` props, the tag's attributes and its event handlers. */
export type CollectkitIntrinsicElements<Base = unknown, Prefix extends string = 'on'> = {
  [Tag in CollectkitTag]: Base & CollectkitElementAttributes[Tag] & CollectkitEventHandlerProps<Tag, Prefix>;
};
