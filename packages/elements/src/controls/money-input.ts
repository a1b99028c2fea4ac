import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isCollectkitInputError, parseMoney, toDecimalString, type CurrencyCode, type Money } from '@collectkit/sdk';
import { FormControlElement } from './form-control.js';

/** More digits than this cannot be a safe integer of minor units. */
const MAX_DIGITS = 15;

/**
 * @summary An amount of money typed the way the page's language writes it — `1.234,50` in Danish,
 * `1,234.50` in English, `1 234,50` in Swedish — parsed exactly by the sdk's `parseMoney`.
 *
 * On blur the amount is rewritten in the locale's format, so the person sees what was understood.
 * The value is a `Money` (`{ amount, currency }` in minor units); the form receives the decimal
 * string ("1234.50").
 *
 * @event input - Native, on every keystroke.
 * @event change - When the person leaves a changed field.
 * @csspart label - The label.
 * @csspart input - The text input.
 * @csspart currency - The currency code after the input.
 * @csspart field-error - The error text.
 */
export class CollectMoneyInput extends FormControlElement<Money> {
  /** ISO 4217 code of the amount. */
  @property() currency: CurrencyCode = 'DKK';
  /** Reject zero as well as negative amounts. */
  @property({ type: Boolean }) positive = false;

  private parsed: Money | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('currency') || changed.has('positive')) this.updateValidity();
  }

  get value(): Money | null {
    return this.parsed;
  }

  set value(value: Money | null) {
    this.parsed = value;
    this.text = value ? this.display(value) : '';
    this.updateValidity();
  }

  protected storeValue(value: Money | null): void {
    this.parsed = value;
  }

  protected parse(text: string): { value: Money } | { error: string } {
    const t = this.localize.t.controls;
    if (text.replace(/\D/g, '').length > MAX_DIGITS) return { error: t.amountTooLarge };
    try {
      const value = parseMoney(text, this.currency, this.localize.locale, this.name || 'amount');
      if (this.positive && value.amount === 0) return { error: t.amountMustBePositive };
      return { value };
    } catch (error) {
      if (!isCollectkitInputError(error)) throw error;
      if (error.code === 'negative_amount') return { error: t.negativeAmount };
      return { error: t.invalidAmount(this.localize.formatAmount({ amount: 123450, currency: this.currency })) };
    }
  }

  protected display(value: Money): string {
    return this.localize.formatAmount(value);
  }

  protected formValue(value: Money): string {
    return toDecimalString(value);
  }

  protected override keyboardMode(): string {
    return 'decimal';
  }

  protected override renderSuffix(): TemplateResult {
    return html`<span class="suffix" part="currency" aria-hidden="true">${this.currency}</span>`;
  }
}
