import { css } from 'lit';

/**
 * Layout of <collect-enrol>, after theme/panel.styles.ts (card, title, progress, step heading, nav); the
 * fields, buttons and focus ring come from theme/controls.styles.ts.
 */
export const enrolStyles = css`
  .note,
  .optional {
    color: var(--_muted);
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

`;
