import { defineElement } from '../define-element.js';
import { CollectEnrol } from './collect-enrol.js';

/** Importing this file registers <collect-enrol> (and the controls it uses), unless a tag is taken. */
defineElement('collect-enrol', CollectEnrol);

export { CollectEnrol };

declare global {
  interface HTMLElementTagNameMap {
    'collect-enrol': CollectEnrol;
  }
}
