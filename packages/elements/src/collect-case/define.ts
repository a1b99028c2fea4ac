import { defineElement } from '../define-element.js';
import { CollectCase } from './collect-case.js';

/** Importing this file registers <collect-case> (and the controls it uses), unless a tag is taken. */
defineElement('collect-case', CollectCase);

export { CollectCase };

declare global {
  interface HTMLElementTagNameMap {
    'collect-case': CollectCase;
  }
}
