import { css } from 'lit';

/**
 * The frame every step-by-step element shares (<collect-quote>, <collect-enrol>, <collect-case>,
 * <collect-status>): the card on the host, title and intro, the step progress bar, the focusable
 * step heading, the back/next row and the alert line. Each element's own sheet comes after this one
 * and overrides what differs (its width, the progress bar's type size).
 */
export const panelStyles = css`
  :host {
    display: block;
    max-inline-size: 40em;
    background: var(--_surface);
    border: 1px solid color-mix(in srgb, var(--_border) 45%, var(--_surface));
    border-radius: calc(var(--_radius) * 2);
    padding: calc(var(--_space) * 1.5);
  }

  :host([hidden]) {
    display: none;
  }

  .title {
    margin: 0 0 calc(var(--_space) * 0.25);
    font-size: 1.375em;
    line-height: 1.25;
  }

  .intro {
    margin: 0 0 var(--_space);
    color: var(--_muted);
  }

  .progress {
    display: flex;
    gap: calc(var(--_space) * 0.5);
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    font-size: 0.8125em;
  }

  .progress li {
    flex: 1;
    padding-block-start: 0.5em;
    border-block-start: 4px solid color-mix(in srgb, var(--_border) 35%, var(--_surface));
    color: var(--_muted);
  }

  .progress li[aria-current='step'],
  .progress li.done {
    border-color: var(--_primary);
    color: var(--_text);
  }

  .progress li[aria-current='step'] {
    font-weight: 600;
  }

  .step-heading {
    margin: 0 0 var(--_space);
    font-size: 1.125em;
  }

  .step-heading:focus {
    outline: none;
  }

  .step-heading:focus-visible {
    box-shadow: var(--_focus);
    border-radius: 2px;
  }

  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    margin-block-start: var(--_space);
  }

  .nav .primary {
    margin-inline-start: auto;
  }

  .alert {
    color: var(--_danger);
    font-weight: 600;
  }
`;

/**
 * The invoice fieldsets and the quote's lines and warnings, shared by <collect-quote> and the
 * estimate beside <collect-case>'s invoices.
 */
export const quoteLineStyles = css`
  .invoice {
    border: 1px solid color-mix(in srgb, var(--_border) 45%, var(--_surface));
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: var(--_space);
  }

  .invoice legend {
    padding-inline: 0.25em;
  }

  .invoice collect-money-input,
  .invoice collect-date-input {
    min-inline-size: 0;
  }

  dl {
    margin: 0;
  }

  .line {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    padding-block: 0.3em;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 25%, var(--_surface));
  }

  .line dt,
  .line dd {
    margin: 0;
  }

  .line dd {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    text-align: end;
  }

  .line.total {
    font-weight: 700;
    border-block-end: 0;
  }

  .warnings {
    border-inline-start: 4px solid var(--_danger);
    padding: 0.5em var(--_space);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }

  .warnings ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
`;
