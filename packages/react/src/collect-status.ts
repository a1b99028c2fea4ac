import * as React from 'react';
import { createComponent } from '@lit/react';
// Importing the define file registers <collect-status> (unless another copy already did).
import { CollectStatus as CollectStatusElement } from '@collectkit/elements/collect-status';
import { readyEvent, changeEvent, submitEvent, errorEvent } from './events.js';

/**
 * <collect-status> as a React component. The signed-in member's cases and one case's detail, followed live.
 *
 * Attributes become camelCase props set as properties (`publishableKey`, `apiBase`, …); events
 * are `onCollect…` props with the typed event (`event.detail`).
 */
export const CollectStatus = createComponent({
  react: React,
  tagName: 'collect-status',
  elementClass: CollectStatusElement,
  events: { ...readyEvent, ...changeEvent, ...submitEvent, ...errorEvent },
  displayName: 'CollectStatus',
});
