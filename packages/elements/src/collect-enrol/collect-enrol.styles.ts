import { css } from 'lit';

/** Layout of <collect-enrol>; the fields, buttons and focus ring come from theme/controls.styles.ts. */
export const enrolStyles = css`
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

  .intro,
  .note,
  .optional {
    color: var(--_muted);
  }

  .intro {
    margin: 0 0 var(--_space);
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

  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10em, 1fr));
    gap: 0 var(--_space);
  }

  .check .choice {
    align-items: flex-start;
  }

  .agreement {
    margin-block-end: var(--_space);
    padding: var(--_space);
    border: 1px solid color-mix(in srgb, var(--_border) 45%, var(--_surface));
    border-radius: var(--_radius);
  }

  .agreement a {
    display: inline-block;
    min-block-size: 24px;
    color: var(--_primary);
    font-weight: 600;
  }

  .agreement a:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }

  .fingerprint {
    margin: 0.5em 0 0;
    font-size: 0.875em;
  }

  .fingerprint code {
    display: block;
    overflow-wrap: anywhere;
    font-size: 0.875em;
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
