import { css } from 'lit';

/**
 * Layout of <collect-case> (and the parts <collect-status> shares with it), after theme/panel.styles.ts
 * (card, title, progress, step heading, nav; invoices, quote lines and warnings); the fields, buttons
 * and focus ring come from theme/controls.styles.ts. Sizes in em and px only.
 */
export const caseStyles = css`
  :host {
    max-inline-size: 52em;
  }

  .session {
    display: flex;
    justify-content: flex-end;
  }

  .sign-in {
    max-inline-size: 28em;
  }

  .note,
  .optional {
    color: var(--_muted);
  }

  .note {
    font-size: 0.875em;
    margin: 0.3em 0 0;
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

  .warnings {
    margin-block: 0.75em 0;
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
