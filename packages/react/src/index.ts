/**
 * @collectkit/react — React components for Collectkit's web components, made with @lit/react.
 *
 * ```tsx
 * import { CollectQuote } from '@collectkit/react';
 * <CollectQuote lang="da" plan="member" onCollectQuote={(e) => console.log(e.detail.expectedNet)} />
 * ```
 *
 * Importing a component registers its tag. Importing this module also types the plain tags
 * (`<collect-quote>`) in React's JSX (./jsx.ts).
 * @packageDocumentation
 */
export { CollectQuote } from './collect-quote.js';
export { CollectEnrol } from './collect-enrol.js';
export { CollectCase } from './collect-case.js';
export { CollectStatus } from './collect-status.js';
export type { QuoteEventDetail } from './events.js';
export type { CollectkitReactIntrinsicProps } from './jsx.js';
