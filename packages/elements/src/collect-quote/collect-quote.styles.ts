import { css } from 'lit';

/**
 * Layout of <collect-quote>, after theme/panel.styles.ts (card, title, progress, step heading, nav;
 * invoices, quote lines and warnings).
 */
export const quoteStyles = css`
  .progress {
    font-size: 0.875em;
  }

  .invoice-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0 var(--_space);
  }

  .section {
    margin-block-end: calc(var(--_space) * 1.25);
  }

  .section h4 {
    margin: 0 0 0.4em;
    font-size: 1em;
  }

  .section h5 {
    margin: 0.6em 0 0.2em;
    font-size: 0.875em;
    color: var(--_muted);
    font-weight: 600;
  }

  .net {
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }

  .net .amount {
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .note {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0.3em 0 0;
  }
`;
