import { css } from 'lit';

/**
 * Layout of <collect-case> (and the parts <collect-status> shares with it); the fields, buttons and
 * focus ring come from theme/controls.styles.ts. Sizes in em and px only.
 */
export const caseStyles = css`
  :host {
    display: block;
    max-inline-size: 52em;
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

  .intro,
  .note,
  .optional {
    color: var(--_muted);
  }

  .intro {
    margin: 0 0 var(--_space);
  }

  .note {
    font-size: 0.875em;
    margin: 0.3em 0 0;
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

  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }

  @container (min-width: 46em) {
    .layout.with-estimate {
      grid-template-columns: minmax(0, 1fr) 16em;
    }
  }

  .base {
    container-type: inline-size;
  }

  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10em, 1fr));
    gap: 0 var(--_space);
  }

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

  .estimate {
    align-self: start;
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: var(--_space);
  }

  .estimate h4,
  .review h4,
  .panel h4 {
    margin: 0 0 0.4em;
    font-size: 1em;
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
    margin-block: 0.75em 0;
  }

  .warnings ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }

  .review section {
    margin-block-end: var(--_space);
  }

  .review-heading {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_space);
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

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    text-align: start;
    padding: 0.4em 0.5em 0.4em 0;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 25%, var(--_surface));
    vertical-align: top;
  }

  td.amount,
  th.amount {
    text-align: end;
    white-space: nowrap;
  }

  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4em 0.6em;
    inline-size: 100%;
    min-block-size: 5em;
  }

  textarea:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus);
  }
`;
