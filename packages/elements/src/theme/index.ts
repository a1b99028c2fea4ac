export { tokens } from './tokens.styles.js';
export { controlStyles } from './controls.styles.js';
export { panelStyles, quoteLineStyles } from './panel.styles.js';
