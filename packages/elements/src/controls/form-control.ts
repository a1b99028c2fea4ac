import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LocalizedElement } from '../i18n/localized-element.js';
import { controlStyles } from '../theme/controls.styles.js';
import { tokens } from '../theme/tokens.styles.js';
import { describedBy, fieldError } from './field-error.js';
import { LiveAnnouncer } from './live-announcer.js';

/**
 * The base of the text-like form controls (money, date, national id): a label and an `<input>` in
 * the same shadow root, form participation through ElementInternals (value, validity, reset,
 * disabled), and the error shown once the person has left the field or tried to submit.
 *
 * Subclasses say how typed text becomes a value (`parse`) and how a value is shown (`display`).
 */
export abstract class FormControlElement<TValue> extends LocalizedElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [tokens, controlStyles];


  protected readonly announcer = new LiveAnnouncer(this);
  protected readonly internals: ElementInternals;

  /** The visible label. */
  @property() label = '';
  /** Optional hint under the label (format, example). */
  @property() hint = '';
  @property({ reflect: true }) name = '';
  @property({ type: Boolean, reflect: true }) required = false;
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Language of the control; inherited from the page when unset. */
  @property({ reflect: true }) override lang!: string;

  /** What the person typed, exactly. */
  @state() protected text = '';
  /** The error being shown, or '' for none. */
  @state() protected shownError = '';
  /** Show errors only after the field was left or a submit was tried. */
  @state() protected touched = false;

  @query('input') protected input!: HTMLInputElement;

  private static nextId = 0;
  protected readonly fieldId = `collect-field-${FormControlElement.nextId++}`;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The parsed value, or null when the field is empty or invalid. */
  abstract get value(): TValue | null;
  abstract set value(value: TValue | null);

  /** Turns typed text into a value, or returns the error message to show. `text` is never empty. */
  protected abstract parse(text: string): { value: TValue } | { error: string };
  /** The text shown for a value when the field is not being edited. */
  protected abstract display(value: TValue): string;
  /** What the form submits for a value. */
  protected abstract formValue(value: TValue): string;

  /** The current error message ('' when valid), whether or not it is shown yet. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Shows the error (if any) without moving focus; returns whether the value is valid. */
  showValidity(): boolean {
    this.touched = true;
    this.updateValidity();
    return this.internals.validity.valid;
  }

  /** Shows the error (if any), announces it and focuses the field; returns whether it is valid. */
  reportValidity(): boolean {
    const valid = this.showValidity();
    if (!valid) this.focus();
    return valid;
  }

  /** Called by the form on reset: back to the initial (attribute) state. */
  formResetCallback(): void {
    this.text = '';
    this.touched = false;
    this.setValueFromText('');
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') {
      this.text = state;
      this.setValueFromText(state);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A language change changes both the message and how the value is written.
    if (changed.has('required') || changed.has('lang')) this.updateValidity();
  }

  protected override firstUpdated(): void {
    this.updateValidity();
  }

  override updated(): void {
    // The language may have changed through an ancestor: keep the message in it.
    const message = this.currentError();
    if (message !== this.internals.validationMessage) this.updateValidity();
  }

  /** The parsed value of `text`, recomputed; stores it and updates validity. */
  protected setValueFromText(text: string): void {
    this.text = text;
    this.updateValidity();
  }

  protected abstract storeValue(value: TValue | null): void;

  protected currentError(): string {
    const text = this.text.trim();
    if (!text) return this.required ? this.localize.t.controls.required : '';
    const result = this.parse(text);
    return 'error' in result ? result.error : '';
  }

  protected updateValidity(): void {
    const text = this.text.trim();
    const result = text ? this.parse(text) : null;
    const value = result && 'value' in result ? result.value : null;
    this.storeValue(value);
    this.internals.setFormValue(value === null ? null : this.formValue(value), this.text);
    const error = this.currentError();
    const flags: ValidityStateFlags = !error ? {} : text ? { badInput: true } : { valueMissing: true };
    if (error) this.internals.setValidity(flags, error, this.input ?? undefined);
    else this.internals.setValidity({});
    this.setState('invalid', !!error);
    const show = this.shouldShowError();
    this.setState('user-invalid', !!error && show);
    const shown = show ? error : '';
    if (shown && shown !== this.shownError) this.announcer.announce(shown);
    this.shownError = shown;
  }

  /** Whether errors are shown yet; by default once the field was left or a submit was tried. */
  protected shouldShowError(): boolean {
    return this.touched;
  }

  private setState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // CustomStateSet without the dashed-ident syntax in older engines: styling only, ignore.
    }
  }

  protected handleInput(event: Event): void {
    this.setValueFromText((event.target as HTMLInputElement).value);
  }

  protected handleChange(): void {
    // Native `change` is not composed: re-dispatch it from the host for the page.
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Enter submits the form the control belongs to, as it does in a native text field. */
  protected handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.isComposing) this.internals.form?.requestSubmit();
  }

  protected handleBlur(): void {
    this.touched = true;
    const value = this.value;
    // Show the amount or date the way the locale writes it, so the person sees what was understood.
    if (value !== null) this.text = this.display(value);
    this.updateValidity();
  }

  /** Extra content after the input (a currency, a status). */
  protected renderSuffix(): TemplateResult | typeof nothing {
    return nothing;
  }

  protected keyboardMode(): string {
    return 'text';
  }

  protected autocompleteHint(): string {
    return 'off';
  }

  /** The label text; subclasses may supply a default one. */
  protected labelText(): string {
    return this.label;
  }

  /** The hint under the label; subclasses may supply a default one. */
  protected hintText(): string {
    return this.hint;
  }

  protected override render(): TemplateResult {
    const hint = this.hintText();
    const hintId = `${this.fieldId}-hint`;
    const errorId = `${this.fieldId}-error`;
    return html`<div class="field" part="base">
      <label for=${this.fieldId} part="label">${this.labelText()}</label>
      ${hint ? html`<span id=${hintId} class="hint" part="hint">${hint}</span>` : nothing}
      <div class="input-row">
        <input
          id=${this.fieldId}
          part="input"
          type="text"
          inputmode=${this.keyboardMode()}
          autocomplete=${this.autocompleteHint()}
          spellcheck="false"
          .value=${this.text}
          ?required=${this.required}
          ?disabled=${this.disabled}
          aria-invalid=${this.shownError ? 'true' : 'false'}
          aria-describedby=${describedBy(hint && hintId, this.shownError && errorId)}
          @input=${this.handleInput}
          @change=${this.handleChange}
          @blur=${this.handleBlur}
          @keydown=${this.handleKeydown}
        />
        ${this.renderSuffix()}
      </div>
      ${fieldError(errorId, this.shownError)} ${this.announcer.render()}
    </div>`;
  }
}
