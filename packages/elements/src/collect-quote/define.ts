import { defineElement } from '../define-element.js';
import { CollectQuote } from './collect-quote.js';

/** Importing this file registers <collect-quote> (and the controls it uses), unless a tag is taken. */
defineElement('collect-quote', CollectQuote);

export { CollectQuote };

declare global {
  interface HTMLElementTagNameMap {
    'collect-quote': CollectQuote;
  }
}
