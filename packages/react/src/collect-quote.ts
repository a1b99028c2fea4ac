import * as React from 'react';
import { createComponent } from '@lit/react';
// Importing the define file registers <collect-quote> (unless another copy already did).
import { CollectQuote as CollectQuoteElement } from '@collectkit/elements/collect-quote';
import { readyEvent, changeEvent, quoteEvent, errorEvent } from './events.js';

/**
 * <collect-quote> as a React component. The instant collection-cost calculator, no sign-in and no network.
 *
 * Attributes become camelCase props set as properties (`publishableKey`, `apiBase`, …); events
 * are `onCollect…` props with the typed event (`event.detail`).
 */
export const CollectQuote = createComponent({
  react: React,
  tagName: 'collect-quote',
  elementClass: CollectQuoteElement,
  events: { ...readyEvent, ...changeEvent, ...quoteEvent, ...errorEvent },
  displayName: 'CollectQuote',
});
