import * as React from 'react';
import { createComponent } from '@lit/react';
// Importing the define file registers <collect-enrol> (unless another copy already did).
import { CollectEnrol as CollectEnrolElement } from '@collectkit/elements/collect-enrol';
import { readyEvent, changeEvent, submitEvent, errorEvent } from './events.js';

/**
 * <collect-enrol> as a React component. Enrolment of a member company, ending signed in.
 *
 * Attributes become camelCase props set as properties (`publishableKey`, `apiBase`, …); events
 * are `onCollect…` props with the typed event (`event.detail`).
 */
export const CollectEnrol = createComponent({
  react: React,
  tagName: 'collect-enrol',
  elementClass: CollectEnrolElement,
  events: { ...readyEvent, ...changeEvent, ...submitEvent, ...errorEvent },
  displayName: 'CollectEnrol',
});
