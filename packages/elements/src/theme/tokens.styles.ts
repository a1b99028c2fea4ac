import { css } from 'lit';

/**
 * System tokens every element reads (Material Web's tiers, one tier here). The host page sets the
 * public `--collect-*` properties anywhere — on `:root`, on a wrapper, on the element — and they
 * win: the shadow styles only read them, through private `--_*` copies whose defaults live in a
 * zero-specificity `:where(:host)` rule. (Declaring `--collect-*` on `:host` itself would shadow
 * values the page sets on `:root`.)
 *
 * Sizes are px or em, never rem: host pages set `html { font-size: 62.5% }`.
 */
export const tokens = css`
  :where(:host) {
    --_primary: var(--collect-color-primary, #1f4fa3);
    --_on-primary: var(--collect-color-on-primary, #ffffff);
    --_text: var(--collect-color-text, #1d2433);
    --_surface: var(--collect-color-surface, #ffffff);
    --_border: var(--collect-color-border, #6b7385);
    --_danger: var(--collect-color-danger, #b3261e);
    --_radius: var(--collect-radius, 6px);
    --_space: var(--collect-space, 1em);
    --_muted: color-mix(in srgb, var(--_text) 72%, var(--_surface));
    --_subtle: color-mix(in srgb, var(--_primary) 7%, var(--_surface));
    --_focus: 0 0 0 2px var(--_surface), 0 0 0 4px var(--_primary);
    /* Unset -> font-family inherits, so the site's own font is used. */
    font-family: var(--collect-font-family);
    color: var(--_text);
    line-height: 1.45;
  }
`;
