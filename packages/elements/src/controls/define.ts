import { defineElement } from '../define-element.js';
import { CollectDateInput } from './date-input.js';
import { CollectMoneyInput } from './money-input.js';
import { CollectNationalIdInput } from './national-id-input.js';

/** Registers the shared controls for use on their own (the elements register what they use themselves). */
defineElement('collect-money-input', CollectMoneyInput);
defineElement('collect-date-input', CollectDateInput);
defineElement('collect-national-id-input', CollectNationalIdInput);

declare global {
  interface HTMLElementTagNameMap {
    'collect-money-input': CollectMoneyInput;
    'collect-date-input': CollectDateInput;
    'collect-national-id-input': CollectNationalIdInput;
  }
}
