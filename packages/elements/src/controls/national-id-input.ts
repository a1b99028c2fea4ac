import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { normalizeNationalCompanyId, type Country as CountryCode } from '@collectkit/sdk';
import { FormControlElement } from './form-control.js';

/** Digits in a complete identifier: once typed, the check digit can be judged (RULES.md §8). */
const DIGITS: Readonly<Record<CountryCode, number>> = { DK: 8, SE: 10, NO: 9, FI: 8 };

/**
 * @summary A company's national identifier — Danish CVR-nummer, Swedish organisationsnummer,
 * Norwegian organisasjonsnummer, Finnish Y-tunnus — checked as it is typed with the sdk's
 * check-digit rules. The value is the register's spelling (`556677-8899`, `1234567-8`).
 *
 * The error shows as soon as all digits are typed (or the field is left), not at the first keystroke.
 *
 * @event input - Native, on every keystroke.
 * @event change - When the person leaves a changed field.
 * @csspart label - The label.
 * @csspart hint - The expected format.
 * @csspart input - The text input.
 * @csspart valid - The "valid" mark shown when the number checks out.
 * @csspart field-error - The error text.
 */
export class CollectNationalIdInput extends FormControlElement<string> {
  /** Whose identifier: DK, SE, NO or FI. */
  @property() country: CountryCode = 'DK';

  private normalized: string | null = null;

  get value(): string | null {
    return this.normalized;
  }

  set value(value: string | null) {
    this.text = value ?? '';
    this.updateValidity();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('country')) this.updateValidity();
  }

  protected storeValue(value: string | null): void {
    const becameValid = value !== null && this.normalized === null;
    this.normalized = value;
    if (becameValid) this.announcer.announce(this.localize.t.controls.validCompanyId(this.idName()));
  }

  protected parse(text: string): { value: string } | { error: string } {
    const value = DIGITS[this.country] ? normalizeNationalCompanyId(this.country, text) : null;
    return value !== null ? { value } : { error: this.localize.t.controls.invalidCompanyId(this.idName()) };
  }

  protected display(value: string): string {
    return value;
  }

  protected formValue(value: string): string {
    return value;
  }

  protected override shouldShowError(): boolean {
    return this.touched || this.text.replace(/\D/g, '').length >= (DIGITS[this.country] ?? 8);
  }

  protected override keyboardMode(): string {
    return 'numeric';
  }

  protected override hintText(): string {
    return this.hint || this.localize.t.controls.companyIdHint[this.country];
  }

  private idName(): string {
    return this.localize.t.controls.companyIdName[this.country];
  }

  protected override renderSuffix(): TemplateResult | typeof nothing {
    return this.normalized
      ? html`<span class="valid" part="valid">✓ <span class="visually-hidden">${this.localize.t.controls.validCompanyId(this.idName())}</span></span>`
      : nothing;
  }

  protected override labelText(): string {
    if (this.label) return this.label;
    const name = this.idName();
    return name.charAt(0).toLocaleUpperCase(this.localize.locale) + name.slice(1);
  }
}
