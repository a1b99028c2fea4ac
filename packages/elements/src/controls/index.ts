export { FormControlElement } from './form-control.js';
export { CollectMoneyInput } from './money-input.js';
export { CollectDateInput } from './date-input.js';
export { CollectNationalIdInput } from './national-id-input.js';
export { fieldError, describedBy } from './field-error.js';
export { LiveAnnouncer } from './live-announcer.js';
