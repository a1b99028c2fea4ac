import { property } from 'lit/decorators.js';
import { isIsoDate, formatIsoDate, type IsoDate } from '@collectkit/sdk';
import { FormControlElement } from './form-control.js';

type DatePart = 'day' | 'month' | 'year';

interface DatePattern {
  /** Order of the parts as the locale writes a numeric date. */
  readonly order: readonly DatePart[];
  readonly separator: string;
}

const patternCache = new Map<string, DatePattern>();

/** How the locale writes a numeric date, read from Intl: da `15.03.2025`, sv `2025-03-15`, en-US `03/15/2025`. */
function datePattern(locale: string): DatePattern {
  let pattern = patternCache.get(locale);
  if (!pattern) {
    const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(
      new Date(Date.UTC(2025, 2, 15)),
    );
    const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as DatePart);
    const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '-';
    pattern = { order: order.length === 3 ? order : ['year', 'month', 'day'], separator };
    patternCache.set(locale, pattern);
  }
  return pattern;
}

/**
 * @summary A calendar date typed as the page's language writes it (`15.03.2025` in Danish,
 * `2025-03-15` in Swedish); ISO `YYYY-MM-DD` is accepted everywhere. The value is an ISO date.
 *
 * A text field rather than `<input type="date">`: the native picker formats in the browser's
 * language, not the element's, and cannot be typed into the same way in every browser.
 *
 * @event input - Native, on every keystroke.
 * @event change - When the person leaves a changed field.
 * @csspart label - The label.
 * @csspart hint - The format hint.
 * @csspart input - The text input.
 * @csspart field-error - The error text.
 */
export class CollectDateInput extends FormControlElement<IsoDate> {
  /** Earliest allowed date (ISO); dates before it are errors with `rangeError` as the message. */
  @property() min = '';
  /** Latest allowed date (ISO). */
  @property() max = '';
  /** The message for a date outside min/max; the element using the control knows what it means. */
  @property({ attribute: 'range-error' }) rangeError = '';

  private parsed: IsoDate | null = null;

  get value(): IsoDate | null {
    return this.parsed;
  }

  set value(value: IsoDate | null) {
    this.parsed = value && isIsoDate(value) ? value : null;
    this.text = this.parsed ? this.display(this.parsed) : '';
    this.updateValidity();
  }

  /** The locale's pattern in its own letters, e.g. `dd.mm.åååå` (da), `pp.kk.vvvv` (fi). */
  get patternText(): string {
    const { order, separator } = datePattern(this.localize.locale);
    const letters = this.localize.t.controls.datePatternLetters;
    return order.map((part) => letters[part].repeat(part === 'year' ? 4 : 2)).join(separator);
  }

  protected storeValue(value: IsoDate | null): void {
    this.parsed = value;
  }

  protected parse(text: string): { value: IsoDate } | { error: string } {
    const invalid = { error: this.localize.t.controls.invalidDate(this.patternText) };
    const numbers = text.trim().split(/[\s./-]+/);
    if (numbers.length !== 3 || numbers.some((n) => !/^\d{1,4}$/.test(n))) return invalid;
    // ISO first when the first number has four digits, whatever the locale.
    const order: readonly DatePart[] = numbers[0]!.length === 4 ? ['year', 'month', 'day'] : datePattern(this.localize.locale).order;
    const found: Record<DatePart, number> = { day: 0, month: 0, year: 0 };
    order.forEach((part, i) => (found[part] = Number(numbers[i])));
    const yearText = numbers[order.indexOf('year')]!;
    if (yearText.length !== 4) return invalid;
    const iso = formatIsoDate(found);
    if (!isIsoDate(iso)) return invalid;
    if ((this.min && iso < this.min) || (this.max && iso > this.max)) {
      return { error: this.rangeError || invalid.error };
    }
    return { value: iso };
  }

  protected display(value: IsoDate): string {
    const { order, separator } = datePattern(this.localize.locale);
    const [year, month, day] = value.split('-') as [string, string, string];
    const parts: Record<DatePart, string> = { year, month, day };
    return order.map((part) => parts[part]).join(separator);
  }

  protected formValue(value: IsoDate): string {
    return value;
  }

  protected override hintText(): string {
    return this.hint || this.localize.t.controls.dateFormatHint(this.patternText);
  }
}
