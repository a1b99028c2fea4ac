import { css } from 'lit';

/**
 * The look of the shared pieces — labels, text inputs, selects, radio choices, buttons, field
 * errors — shared by every element's shadow root. Targets are at least 24 px whatever the host's
 * font size (WCAG 2.2 2.5.8).
 */
export const controlStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  .field {
    display: grid;
    gap: calc(var(--_space) * 0.3);
    margin-block-end: var(--_space);
  }

  label,
  legend,
  .label {
    font-weight: 600;
  }

  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }

  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: max(2.5em, 24px);
    padding: 0.4em 0.6em;
    inline-size: 100%;
    max-inline-size: 22em;
  }

  input:focus-visible,
  select:focus-visible,
  button:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus);
  }

  input[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }

  fieldset {
    border: 0;
    margin: 0 0 var(--_space);
    padding: 0;
    min-inline-size: 0;
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin-block-start: calc(var(--_space) * 0.4);
  }

  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: max(2.5em, 24px);
    padding: 0.25em 0.9em 0.25em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
    font-weight: 400;
  }

  .choice:has(input:checked) {
    border-color: var(--_primary);
    background: var(--_subtle);
  }

  .choice input {
    inline-size: max(1.15em, 24px);
    block-size: max(1.15em, 24px);
    min-block-size: 0;
    margin: 0;
    padding: 0;
    accent-color: var(--_primary);
  }

  button {
    font: inherit;
    font-weight: 600;
    min-block-size: max(2.5em, 24px);
    min-inline-size: 24px;
    padding: 0.4em 1.1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
  }

  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }

  button:hover {
    filter: brightness(0.95);
  }

  button.link {
    border-color: transparent;
    background: transparent;
    text-decoration: underline;
    padding-inline: 0.4em;
  }

  .input-row {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }

  .suffix {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .valid {
    color: var(--_primary);
    font-weight: 700;
  }

  .field-error {
    display: flex;
    gap: 0.4em;
    color: var(--_danger);
    font-size: 0.9375em;
    margin: 0;
  }

  .field-error:empty {
    display: none;
  }

  .field-error::before {
    content: '!';
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.25em;
    block-size: 1.25em;
    border-radius: 50%;
    background: var(--_danger);
    color: var(--_surface);
    font-weight: 700;
    font-size: 0.85em;
    margin-block-start: 0.1em;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
