import { html, nothing, type TemplateResult } from 'lit';
import { describedBy, fieldError } from '../controls/field-error.js';

/**
 * Form fields the elements render alike (<collect-enrol>, <collect-case>, <collect-quote>): a
 * labelled text input with its hint and error, and the currency choice of an association's plan.
 */

/** The DOM id of a form field: dots in its path become dashes (`invoices.0.number` → `f-invoices-0-number`). */
export const domId = (field: string): string => `f-${field.replace(/\./g, '-')}`;

/** How a text field looks: `optional` drops `required` and adds the "(optional)" note after the label. */
export interface TextFieldOptions {
  type?: string;
  autocomplete?: string;
  hint?: string;
  optional?: boolean;
  inputmode?: string;
}

/**
 * A labelled `<input>` for `field` with its hint and its error (`aria-invalid`, `aria-describedby`).
 * `optionalText` is the localized word for "optional"; the element owns the value and what input
 * and blur do.
 */
export function textField(
  field: string,
  label: string,
  state: { value: string; error: string; optionalText: string; onInput: (text: string) => void; onBlur: () => void },
  options: TextFieldOptions = {},
): TemplateResult {
  const id = domId(field);
  const { error } = state;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return html`<div class="field">
    <label for=${id}>${label}${options.optional ? html` <span class="optional">(${state.optionalText})</span>` : nothing}</label>
    ${options.hint ? html`<span id=${hintId} class="hint">${options.hint}</span>` : nothing}
    <input
      id=${id}
      name=${field}
      type=${options.type ?? 'text'}
      autocomplete=${options.autocomplete ?? 'off'}
      inputmode=${options.inputmode ?? nothing}
      .value=${state.value}
      ?required=${!options.optional}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(options.hint && hintId, error && errorId)}
      @input=${(e: Event) => state.onInput((e.target as HTMLInputElement).value)}
      @blur=${state.onBlur}
    />
    ${fieldError(errorId, error)}
  </div>`;
}

/** The currency choice, shown only when the plan prices more than one currency. */
export function currencySelect(
  label: string,
  currencies: readonly string[],
  current: string,
  onChange: (event: Event) => void,
): TemplateResult | typeof nothing {
  return currencies.length > 1
    ? html`<div class="field">
        <label for="currency">${label}</label>
        <select id="currency" @change=${onChange}>
          ${currencies.map((c) => html`<option value=${c} ?selected=${c === current}>${c}</option>`)}
        </select>
      </div>`
    : nothing;
}
