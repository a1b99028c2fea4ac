import * as React from 'react';
import { createComponent } from '@lit/react';
// Importing the define file registers <collect-case> (unless another copy already did).
import { CollectCase as CollectCaseElement } from '@collectkit/elements/collect-case';
import { readyEvent, changeEvent, caseQuoteEvent, caseSubmitEvent, errorEvent } from './events.js';

/**
 * <collect-case> as a React component. A signed-in member submits a case; `onCollectSubmit` receives the case number and the case.
 *
 * Attributes become camelCase props set as properties (`publishableKey`, `apiBase`, …); events
 * are `onCollect…` props with the typed event (`event.detail`).
 */
export const CollectCase = createComponent({
  react: React,
  tagName: 'collect-case',
  elementClass: CollectCaseElement,
  events: { ...readyEvent, ...changeEvent, ...caseQuoteEvent, ...caseSubmitEvent, ...errorEvent },
  displayName: 'CollectCase',
});
