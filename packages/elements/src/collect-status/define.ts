import { defineElement } from '../define-element.js';
import { CollectStatus } from './collect-status.js';

/** Importing this file registers <collect-status> (and the controls it uses), unless a tag is taken. */
defineElement('collect-status', CollectStatus);

export { CollectStatus };

declare global {
  interface HTMLElementTagNameMap {
    'collect-status': CollectStatus;
  }
}
