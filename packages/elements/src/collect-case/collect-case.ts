import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  addDays,
  addMoney,
  isCollectkitApiError,
  isCollectkitInputError,
  isIsoDate,
  newIdempotencyKey,
  type Country,
  type CreateCaseRequest,
  type CurrencyCode,
  type IsoDate,
  type QuoteWarning,
} from '@collectkit/sdk';
import { CollectDateInput } from '../controls/date-input.js';
import { describedBy, fieldError as renderFieldError } from '../controls/field-error.js';
import { CollectFileDrop, type FileUploader } from '../controls/file-drop.js';
import type { FormControlElement } from '../controls/form-control.js';
import { LiveAnnouncer } from '../controls/live-announcer.js';
import { CollectMoneyInput } from '../controls/money-input.js';
import { CollectNationalIdInput } from '../controls/national-id-input.js';
import { emit, type CollectErrorCode, type CollectSubmitDetail } from '../events.js';
import { LocalizedElement } from '../i18n/localized-element.js';
import { announceFailure, caseFailure, isConfigured, isSignedOutError, markIssues, MISSING_CONFIG_MESSAGE } from '../internal/api-errors.js';
import { SignInController } from '../internal/sign-in.js';
import { currencySelect, domId, textField, type TextFieldOptions } from '../internal/fields.js';
import { todayIso } from '../internal/today.js';
import { controlStyles } from '../theme/controls.styles.js';
import { panelStyles, quoteLineStyles } from '../theme/panel.styles.js';
import { tokens } from '../theme/tokens.styles.js';
import { caseApi, type CaseApi, type CaseView, type MeView } from './case-api.js';
import {
  COUNTRIES,
  DEBTOR_TEXT,
  HOME_CURRENCY,
  caseRequest,
  debtorFieldError,
  debtorFields,
  emptyDebtor,
  fieldOfIssuePath,
  instantQuote,
  planOf,
  stepOfField,
  type CaseField,
  type DebtorDraft,
  type DebtorTextField,
  type InstantQuote,
  type InvoiceDraft,
  type InvoiceField,
} from './case-form.js';
import { caseStyles } from './collect-case.styles.js';

const COUNTRY_OF_LANGUAGE: Readonly<Record<string, Country>> = { da: 'DK', sv: 'SE', nb: 'NO', fi: 'FI' };
const REVIEW = 3;
const DONE = 4;
type Step = 0 | 1 | 2 | 3 | 4;

/** `collect-submit`'s detail from <collect-case>: the request as sent, the case number, and the case the server made. */
export interface CaseSubmitDetail extends CollectSubmitDetail {
  readonly payload: CreateCaseRequest;
  readonly reference: string;
  readonly case: CaseView;
}

/**
 * @summary A signed-in member submits a case: the debtor, the unpaid invoices (with an instant,
 * non-binding quote computed in the browser by the sdk's `quote()` with the association's plan, as
 * the server will), the documents (dropped or chosen, uploaded with progress), a review, and the
 * confirmation with the case number.
 *
 * The member's session is the server's HttpOnly cookie: set by <collect-enrol>'s last step, or by
 * the sign-in form this element shows when nobody is signed in (e-mail and password, "forgot
 * password"); a signed-in member gets a sign-out button. One Idempotency-Key is made when the review step is reached and sent with every
 * attempt to submit that review — retries, double clicks — so the server makes at most one case;
 * changing the case after the review makes a new key.
 *
 * Every step is completed with the keyboard alone; the step's heading takes focus when it opens;
 * an invalid step focuses its first invalid field and announces the number of errors. Fields the
 * server refuses are marked the same way, on the step that asks them.
 *
 * @event collect-ready - Once, after the first render. `detail: { element }`.
 * @event collect-change - When a field changes. `detail: { field, value }`, e.g. `{ field: 'invoices.0.amount', value: { amount: 125000, currency: 'DKK' } }`; on sign-in `{ field: 'session', value: 'member' }` (the role) and on sign-out `{ field: 'session', value: null }`.
 * @event collect-quote - When the instant quote changes. `detail: { request, quote, asOf, expectedNet }`.
 * @event collect-submit - When the server has made the case. `detail: { payload, reference, case }`: the request as sent, the case number, the case.
 * @event collect-error - `detail: { code, message, field? }`; codes `invalid_config`, `unauthorized` (also a wrong e-mail or password), `rate_limited`, `network_error`, `validation_failed`, `conflict`, `server_error`, `quote_failed`.
 *
 * @csspart base - The wrapper.
 * @csspart title - The title.
 * @csspart progress - The list of steps.
 * @csspart step - The current step's container.
 * @csspart heading - The current step's heading (focused on step change).
 * @csspart invoice - One invoice row.
 * @csspart estimate - The instant quote beside the invoices.
 * @csspart warnings - The quote's warnings.
 * @csspart review - The review of the case before submitting.
 * @csspart nav - The row of buttons.
 * @csspart button - Every button.
 * @csspart button-primary - The button that moves on or submits.
 * @csspart sign-in - The sign-in form (shown when nobody is signed in).
 * @csspart sign-out - The sign-out button.
 * @csspart done - The confirmation.
 * @csspart live-region - The visually hidden live region.
 *
 * @cssprop --collect-color-primary - Buttons, focus ring, current step. Default #1f4fa3.
 * @cssprop --collect-color-on-primary - Text on primary buttons. Default #ffffff.
 * @cssprop --collect-color-text - Body text. Default #1d2433.
 * @cssprop --collect-color-surface - Background. Default #ffffff.
 * @cssprop --collect-color-border - Field borders. Default #6b7385.
 * @cssprop --collect-color-danger - Errors and warnings. Default #b3261e.
 * @cssprop --collect-radius - Corner radius. Default 6px.
 * @cssprop --collect-font-family - Font. Default: the page's (inherited).
 * @cssprop --collect-space - Base spacing. Default 1em.
 */
export class CollectCase extends LocalizedElement {
  static dependencies = {
    'collect-money-input': CollectMoneyInput,
    'collect-date-input': CollectDateInput,
    'collect-national-id-input': CollectNationalIdInput,
    'collect-file-drop': CollectFileDrop,
  };
  static override styles = [tokens, controlStyles, panelStyles, quoteLineStyles, caseStyles];


  private readonly announcer = new LiveAnnouncer(this);
  private readonly session = new SignInController(this, {
    localize: this.localize,
    announcer: this.announcer,
    api: () => this.client(),
    signedIn: async () => {
      this.signedOut = false;
      this.failure = '';
      this.focusAfterUpdate = 'heading';
      await this.loadMember();
    },
    signedOut: () => {
      // The next person at this browser starts from an empty form.
      this.signedOut = true;
      this.me = null;
      this.failure = '';
      this.resetDraft();
    },
  });

  /** The association's publishable key (`pk_…`). */
  @property({ attribute: 'publishable-key' }) publishableKey = '';
  /** Base URL of the Collectkit API, e.g. `https://collect.example.org`. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** Language of the form; inherited from the page when unset. */
  @property({ reflect: true }) override lang!: string;
  /** The debtor's country to start with (DK, SE, NO or FI); by default the page language's. */
  @property() country = '';
  /** The date the instant quote is for (ISO); today in the visitor's time zone when unset. */
  @property({ attribute: 'as-of' }) asOf = '';

  @state() private step: Step = 0;
  @state() private debtor: DebtorDraft = emptyDebtor('DK');
  @state() private invoices: InvoiceDraft[] = [];
  @state() private currency: CurrencyCode | null = null;
  @state() private touched = new Set<string>();
  /** Errors shown on fields: the server's (until the field is edited) and cross-field checks. */
  @state() private serverErrors: Partial<Record<CaseField, string>> = {};
  @state() private busy = false;
  @state() private failure = '';
  @state() private me: MeView | null = null;
  /** The API said nobody is signed in: the sign-in form is shown and the case form kept hidden. */
  @state() private signedOut = false;
  @state() private created: CaseView | null = null;
  @state() private documentCount = 0;

  private nextKey = 0;
  private started = false;
  private focusAfterUpdate: string | null = null;
  private api: CaseApi | null = null;
  /** The review's request and its one Idempotency-Key (DESIGN.md §6). */
  private submission: { key: string; json: string; payload: CreateCaseRequest } | null = null;
  private lastQuoteKey = '';

  /** The step on screen: 0 debtor, 1 invoices, 2 documents, 3 review, 4 done. */
  get currentStep(): number {
    return this.step;
  }

  /** The Idempotency-Key the review's submission is sent with (null before the review). */
  get idempotencyKey(): string | null {
    return this.submission?.key ?? null;
  }

  /** Who is signed in (`GET /v1/me`), once known; null before, or when nobody is. */
  get member(): MeView | null {
    return this.me;
  }

  /** The case the server made, after submission. */
  get case(): CaseView | null {
    return this.created;
  }

  // --- lifecycle -----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.started) return;
    this.started = true;
    const country = COUNTRIES.includes(this.country as Country) ? (this.country as Country) : (COUNTRY_OF_LANGUAGE[this.localize.language] ?? 'DK');
    this.debtor = emptyDebtor(country);
    this.invoices = [this.emptyInvoice()];
  }

  protected override firstUpdated(): void {
    emit(this, 'collect-ready', { element: this.localName });
    void this.loadMember();
  }

  protected override updated(): void {
    const target = this.focusAfterUpdate;
    if (target === null) return;
    this.focusAfterUpdate = null;
    this.renderRoot.querySelector<HTMLElement>(target === 'heading' ? `#heading-${this.step}` : `#${domId(target)}`)?.focus();
  }

  private emptyInvoice(): InvoiceDraft {
    return { key: this.nextKey++, number: '', issueDate: null, dueDate: null, amount: null };
  }

  private client(): CaseApi | null {
    if (!isConfigured(this)) {
      this.fail('invalid_config', this.localize.t.case.errors.missingConfig, MISSING_CONFIG_MESSAGE);
      return null;
    }
    this.api ??= caseApi({ apiBase: this.apiBase, publishableKey: this.publishableKey });
    return this.api;
  }

  /** Who is signed in: the creditor's country and the association's plan price the instant quote. */
  private async loadMember(): Promise<void> {
    const api = this.client();
    if (!api) return;
    try {
      this.me = await api.me();
    } catch (error) {
      this.handleFailure(error);
    }
  }

  // --- the instant quote ---------------------------------------------------------------------

  private get effectiveAsOf(): IsoDate {
    return isIsoDate(this.asOf) ? this.asOf : todayIso();
  }

  private get creditorCountry(): string {
    return this.me?.creditor?.country ?? (COUNTRIES.includes(this.country as Country) ? this.country : (COUNTRY_OF_LANGUAGE[this.localize.language] ?? 'DK'));
  }

  private get planCurrencies(): readonly CurrencyCode[] {
    return planOf(this.me?.association.pricingPlanId).currencies;
  }

  private get effectiveCurrency(): CurrencyCode {
    const currencies = this.planCurrencies;
    if (this.currency && currencies.includes(this.currency)) return this.currency;
    const home = HOME_CURRENCY[this.creditorCountry as Country];
    return home && currencies.includes(home) ? home : currencies[0]!;
  }

  private computeQuote(): InstantQuote | null {
    const asOf = this.effectiveAsOf;
    try {
      const result = instantQuote({ creditorCountry: this.creditorCountry, pricingPlanId: this.me?.association.pricingPlanId }, this.debtor, this.invoices, asOf);
      if (result) {
        const key = JSON.stringify([result.quote.principal, result.quote.debtor, result.quote.invoiceCount, result.quote.oldestDueDate, result.plan.id]);
        if (key !== this.lastQuoteKey) {
          this.lastQuoteKey = key;
          emit(this, 'collect-quote', { request: { debtor: this.debtor, invoices: this.invoices }, quote: result.quote, asOf, expectedNet: result.quote.expectedNetToCreditor.total });
        }
      }
      return result;
    } catch (error) {
      if (!isCollectkitInputError(error)) throw error;
      return null;
    }
  }

  // --- editing -------------------------------------------------------------------------------

  private changed(field: string, value: unknown): void {
    this.clearServerError(field as CaseField);
    emit(this, 'collect-change', { field, value });
  }

  private clearServerError(field: CaseField): void {
    if (this.serverErrors[field] === undefined) return;
    const { [field]: _removed, ...rest } = this.serverErrors;
    this.serverErrors = rest;
  }

  private setDebtor<K extends keyof DebtorDraft>(key: K, value: DebtorDraft[K], field: string): void {
    this.debtor = { ...this.debtor, [key]: value };
    this.changed(field, value);
  }

  private setInvoice(index: number, change: Partial<InvoiceDraft>, part: 'number' | 'issueDate' | 'dueDate' | 'amount'): void {
    this.invoices = this.invoices.map((invoice, i) => (i === index ? { ...invoice, ...change } : invoice));
    this.changed(`invoices.${index}.${part}`, change[part]);
    if (part === 'issueDate') this.clearServerError(`invoices.${index}.dueDate`);
  }

  private onCurrency(event: Event): void {
    const currency = (event.target as HTMLSelectElement).value as CurrencyCode;
    this.currency = currency;
    this.invoices = this.invoices.map((invoice) => (invoice.amount ? { ...invoice, amount: { amount: invoice.amount.amount, currency } } : invoice));
    this.changed('currency', currency);
  }

  private async addInvoice(): Promise<void> {
    this.invoices = [...this.invoices, this.emptyInvoice()];
    const number = this.invoices.length;
    this.announcer.announce(this.localize.t.quote.invoiceAdded(number));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${domId(`invoices.${number - 1}.number`)}`)?.focus();
  }

  private async removeInvoice(index: number): Promise<void> {
    this.invoices = this.invoices.filter((_, i) => i !== index);
    this.serverErrors = {};
    this.announcer.announce(this.localize.t.quote.invoiceRemoved(index + 1));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${domId(`invoices.${Math.min(index, this.invoices.length - 1)}.number`)}`)?.focus();
  }

  // --- checking and moving on ----------------------------------------------------------------

  private get fileDrop(): CollectFileDrop | null {
    return this.renderRoot.querySelector<CollectFileDrop>('collect-file-drop');
  }

  private control<T extends FormControlElement<unknown>>(field: string): T | null {
    return this.renderRoot.querySelector<T>(`#${domId(field)}`);
  }

  /** The error shown under a plain field now ('' for none). */
  private shownError(field: CaseField): string {
    const server = this.serverErrors[field];
    if (server) return server;
    if (!this.touched.has(field)) return '';
    if (field in DEBTOR_TEXT) return debtorFieldError(this.debtor, field as DebtorTextField, this.localize.t);
    const invoiceNumber = /^invoices\.(\d+)\.number$/.exec(field);
    if (invoiceNumber) return this.invoices[Number(invoiceNumber[1])]?.number.trim() ? '' : this.localize.t.controls.required;
    return '';
  }

  private touch(field: string): void {
    if (!this.touched.has(field)) this.touched = new Set(this.touched).add(field);
  }

  /** Shows every error of the step; focuses the first invalid field and announces how many there are. */
  private validateStep(): boolean {
    const invalid: string[] = [];
    const touched = new Set(this.touched);
    if (this.step === 0) {
      for (const field of debtorFields(this.debtor)) {
        touched.add(field);
        if (field === 'debtor.nationalId') {
          if (!(this.control<CollectNationalIdInput>(field)?.showValidity() ?? true)) invalid.push(field);
        } else if (field in DEBTOR_TEXT && (this.serverErrors[field] || debtorFieldError(this.debtor, field as DebtorTextField, this.localize.t))) {
          invalid.push(field);
        }
      }
    } else if (this.step === 1) {
      const crossErrors: Partial<Record<CaseField, string>> = {};
      this.invoices.forEach((invoice, i) => {
        const number = `invoices.${i}.number` as InvoiceField;
        touched.add(number);
        if (!invoice.number.trim() || this.serverErrors[number]) invalid.push(number);
        for (const part of ['issueDate', 'dueDate', 'amount'] as const) {
          const field = `invoices.${i}.${part}` as InvoiceField;
          if (!(this.control(field)?.showValidity() ?? true)) invalid.push(field);
        }
        if (invoice.issueDate && invoice.dueDate && invoice.dueDate < invoice.issueDate) {
          crossErrors[`invoices.${i}.dueDate`] = this.localize.t.case.dueBeforeIssue;
          invalid.push(`invoices.${i}.dueDate`);
        }
      });
      this.serverErrors = { ...this.serverErrors, ...crossErrors };
    }
    this.touched = touched;
    if (invalid.length === 0) return true;
    this.focusField(invalid[0]!);
    this.announcer.announce(this.localize.t.controls.errorCount(new Set(invalid).size), 'assertive');
    return false;
  }

  private focusField(field: string): void {
    this.focusAfterUpdate = field;
    this.requestUpdate();
  }

  private goTo(step: Step): void {
    this.step = step;
    this.failure = '';
    this.focusAfterUpdate = 'heading';
    if (step === REVIEW) this.prepareSubmission();
  }

  /** One key per reviewed request: the same review sent twice is the same case; a changed one is a new case. */
  private prepareSubmission(): void {
    const payload = caseRequest(this.debtor, this.invoices, this.fileDrop?.documentIds ?? []);
    const json = JSON.stringify(payload);
    if (this.submission?.json !== json) this.submission = { key: newIdempotencyKey(), json, payload };
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.step === REVIEW) {
      void this.submit();
      return;
    }
    if (this.busy || !this.validateStep()) return;
    if (this.step === 2 && this.fileDrop?.busy) return; // the uploads first
    this.goTo((this.step + 1) as Step);
  }

  private async submit(): Promise<void> {
    const submission = this.submission;
    // A second click while the first is on its way does nothing here; were it sent anyway, it would
    // carry the same key and the server would answer the first case again.
    if (!submission || this.busy) return;
    const api = this.client();
    if (!api) return;
    this.busy = true;
    this.failure = '';
    try {
      const made = await api.createCase(submission.payload, submission.key);
      this.created = made;
      this.step = DONE;
      this.focusAfterUpdate = 'heading';
      this.announcer.announce(this.localize.t.case.done(made.number));
      const detail: CaseSubmitDetail = { payload: submission.payload, reference: made.number, case: made };
      emit(this, 'collect-submit', detail);
    } catch (error) {
      this.handleFailure(error);
    } finally {
      this.busy = false;
    }
  }

  private startOver(): void {
    this.resetDraft();
    this.goTo(0);
  }

  private resetDraft(): void {
    this.fileDrop?.clear();
    this.debtor = emptyDebtor(this.debtor.country);
    this.invoices = [this.emptyInvoice()];
    this.touched = new Set();
    this.serverErrors = {};
    this.submission = null;
    this.created = null;
    this.step = 0;
  }

  private fail(code: CollectErrorCode, shown: string, message: string, field?: string): void {
    this.failure = shown;
    announceFailure(this, this.announcer, { code, shown, message, field });
  }

  /** Maps the client's typed errors onto the form (field issues) or one alert (everything else). */
  private handleFailure(error: unknown): void {
    // The draft stays (hidden) behind the sign-in form: signed in, the member submits it again.
    if (isSignedOutError(error)) {
      this.signedOut = true;
      this.me = null;
    }
    const e = this.localize.t.case.errors;
    if (isCollectkitApiError(error) && error.kind === 'invalid_request') {
      const issues = markIssues<CaseField>(error, (path) => fieldOfIssuePath(path, this.invoices.length), () => e.refused, stepOfField);
      if (issues) {
        const { marked, fields } = issues;
        const first = fields[0]!;
        this.serverErrors = { ...this.serverErrors, ...marked };
        this.step = stepOfField(first);
        this.focusField(first === 'documents' ? 'heading' : first);
        this.failure = '';
        const shown = `${this.localize.t.controls.errorCount(fields.length)} ${marked[first]}`;
        announceFailure(this, this.announcer, { code: 'validation_failed', shown, message: error.message, field: first });
        return;
      }
    }
    const failure = caseFailure(error, e);
    this.fail(failure.code, failure.shown, failure.message, failure.field);
  }

  private readonly upload: FileUploader = (file, kind, options) => {
    const api = this.client();
    if (!api) return Promise.reject(new Error('not configured'));
    return api.uploadDocument(null, file, kind, options);
  };

  // --- rendering -----------------------------------------------------------------------------

  private textInput(
    field: DebtorTextField | InvoiceField,
    label: string,
    value: string,
    onInput: (text: string) => void,
    options: TextFieldOptions = {},
  ): TemplateResult {
    const optionalText = this.localize.t.common.optional;
    return textField(field, label, { value, error: this.shownError(field), optionalText, onInput, onBlur: () => this.touch(field) }, options);
  }

  /** The server's (or a cross-field) message under a control that keeps its own error text. */
  private controlError(field: CaseField): TemplateResult | typeof nothing {
    return renderFieldError(`${domId(field)}-error`, this.serverErrors[field]);
  }

  private renderDebtor(): TemplateResult {
    const t = this.localize.t;
    const d = this.debtor;
    const text = (field: DebtorTextField, label: string, options: { type?: string; autocomplete?: string; hint?: string; optional?: boolean } = {}) =>
      this.textInput(field, label, d[DEBTOR_TEXT[field]], (value) => this.setDebtor(DEBTOR_TEXT[field], value, field), options);
    const idName = t.controls.companyIdName[d.country];
    return html`<fieldset>
        <legend>${t.case.debtorType}</legend>
        <div class="choices">
          ${(['business', 'consumer'] as const).map(
            (type) => html`<label class="choice">
              <input type="radio" name="debtor-type" value=${type} .checked=${d.type === type} @change=${() => this.setDebtor('type', type, 'debtor.type')} />
              ${type === 'business' ? t.quote.business : t.quote.consumer}
            </label>`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for=${domId('debtor.country')}>${t.case.debtorCountry}</label>
        <select
          id=${domId('debtor.country')}
          aria-invalid=${this.serverErrors['debtor.country'] ? 'true' : 'false'}
          aria-describedby=${describedBy(this.serverErrors['debtor.country'] && `${domId('debtor.country')}-error`)}
          @change=${(e: Event) => this.setDebtor('country', (e.target as HTMLSelectElement).value as Country, 'debtor.country')}
        >
          ${COUNTRIES.map((c) => html`<option value=${c} ?selected=${c === d.country}>${t.common.countries[c]}</option>`)}
        </select>
        ${this.controlError('debtor.country')}
      </div>
      ${text('debtor.name', d.type === 'business' ? t.case.companyName : t.case.personName, { autocomplete: 'off' })}
      ${d.type === 'business'
        ? html`<collect-national-id-input
              id=${domId('debtor.nationalId')}
              name="debtor.nationalId"
              .country=${d.country}
              .label=${`${idName.charAt(0).toLocaleUpperCase(this.localize.locale)}${idName.slice(1)} (${t.common.optional})`}
              @input=${(e: Event) => this.setDebtor('nationalId', (e.target as CollectNationalIdInput).value ?? '', 'debtor.nationalId')}
            ></collect-national-id-input>
            ${this.controlError('debtor.nationalId')}`
        : text('debtor.personalId', t.case.personalId, { hint: t.case.personalIdHint, optional: true })}
      ${text('debtor.address.line', t.case.addressLine)}
      <div class="row">${text('debtor.address.postalCode', t.case.postalCode)} ${text('debtor.address.city', t.case.city)}</div>
      <div class="row">
        ${text('debtor.email', t.case.email, { type: 'email', optional: true })}
        ${text('debtor.phone', t.case.phone, { type: 'tel', hint: t.case.phoneHint, optional: true })}
      </div>`;
  }

  private renderInvoices(estimate: InstantQuote | null): TemplateResult {
    const t = this.localize.t;
    const currency = this.effectiveCurrency;
    const currencies = this.planCurrencies;
    const today = this.effectiveAsOf;
    // Collection is for overdue invoices: the due date at the latest the day before.
    const latestDue = addDays(today, -1);
    return html`<div class="layout with-estimate">
      <div>
        ${currencySelect(t.quote.currency, currencies, currency, this.onCurrency)}
        ${repeat(
          this.invoices,
          (row) => row.key,
          (row, i) => html`<fieldset class="invoice" part="invoice">
            <legend>${t.quote.invoice(i + 1)}</legend>
            ${this.textInput(`invoices.${i}.number`, t.case.invoiceNumber, row.number, (value) => this.setInvoice(i, { number: value }, 'number'))}
            <div class="row">
              <collect-date-input
                id=${domId(`invoices.${i}.issueDate`)}
                name=${`invoices.${i}.issueDate`}
                .label=${t.case.issueDate}
                max=${today}
                required
                @input=${(e: Event) => this.setInvoice(i, { issueDate: (e.target as CollectDateInput).value }, 'issueDate')}
              ></collect-date-input>
              <collect-date-input
                id=${domId(`invoices.${i}.dueDate`)}
                name=${`invoices.${i}.dueDate`}
                .label=${t.quote.dueDate}
                max=${latestDue}
                .rangeError=${t.quote.dueDateNotPassed}
                required
                @input=${(e: Event) => this.setInvoice(i, { dueDate: (e.target as CollectDateInput).value }, 'dueDate')}
              ></collect-date-input>
            </div>
            ${this.controlError(`invoices.${i}.issueDate`)} ${this.controlError(`invoices.${i}.dueDate`)}
            <collect-money-input
              id=${domId(`invoices.${i}.amount`)}
              name=${`invoices.${i}.amount`}
              .label=${t.quote.amount(currency)}
              .currency=${currency}
              required
              positive
              @input=${(e: Event) => this.setInvoice(i, { amount: (e.target as CollectMoneyInput).value }, 'amount')}
            ></collect-money-input>
            ${this.controlError(`invoices.${i}.amount`)}
            ${this.invoices.length > 1
              ? html`<button type="button" class="link" part="button" @click=${() => this.removeInvoice(i)}>${t.quote.removeInvoice(i + 1)}</button>`
              : nothing}
          </fieldset>`,
        )}
        <button type="button" id="add-invoice" part="button" @click=${this.addInvoice}>${t.quote.addInvoice}</button>
      </div>
      ${this.renderEstimate(estimate)}
    </div>`;
  }

  private warningText(warning: QuoteWarning): string {
    const w = this.localize.t.quote.warning;
    const invoice = warning.index === undefined ? undefined : this.invoices.filter((i) => i.amount && i.dueDate)[warning.index];
    const number = warning.invoice ?? invoice?.number ?? '';
    switch (warning.code) {
      case 'older_than_max_age': {
        const due = invoice?.dueDate;
        const days = due ? Math.round((Date.parse(this.effectiveAsOf) - Date.parse(due)) / 86_400_000) : 0;
        return w.older_than_max_age(number, days);
      }
      case 'limitation_near':
      case 'limitation_passed':
        return w[warning.code](number, warning.date ? this.localize.formatDate(warning.date) : '');
      default:
        return w[warning.code];
    }
  }

  private renderEstimate(estimate: InstantQuote | null): TemplateResult {
    const t = this.localize.t;
    if (!estimate) {
      return html`<aside class="estimate" part="estimate" aria-labelledby="estimate-title">
        <h4 id="estimate-title">${t.case.estimate}</h4>
        <p class="note">${t.case.estimateEmpty}</p>
      </aside>`;
    }
    const q = estimate.quote;
    return html`<aside class="estimate" part="estimate" aria-labelledby="estimate-title" data-plan=${estimate.plan.id}>
      <h4 id="estimate-title">${t.case.estimate}</h4>
      <dl>
        <div class="line"><dt>${t.quote.lines.principal}</dt><dd data-total="principal">${this.localize.formatMoney(q.principal)}</dd></div>
        <div class="line"><dt>${t.case.youPayNow}</dt><dd data-total="creditor-pays">${this.localize.formatMoney(q.creditorPays.total)}</dd></div>
        <div class="line">
          <dt>${q.commission.waived ? t.quote.commissionWaived : t.case.commissionOnSuccess(this.localize.formatPercent(q.commission.percent))}</dt>
          <dd data-total="commission">${this.localize.formatMoney(q.commission.total)}</dd>
        </div>
        <div class="line"><dt>${t.quote.debtorOwes}</dt><dd data-total="debtor-owes">${this.localize.formatMoney(q.debtorOwes.total)}</dd></div>
        <div class="line total"><dt>${t.quote.expectedNet}</dt><dd data-total="expected-net">${this.localize.formatMoney(q.expectedNetToCreditor.total)}</dd></div>
      </dl>
      ${q.warnings.length > 0
        ? html`<div class="warnings" part="warnings">
            <h4>${t.quote.warnings}</h4>
            <ul>
              ${q.warnings.map((w) => html`<li data-code=${w.code}>${this.warningText(w)}</li>`)}
            </ul>
          </div>`
        : nothing}
      <p class="note">${t.quote.nonBinding}</p>
    </aside>`;
  }

  private renderDocuments(): TemplateResult {
    return html`<p>${this.localize.t.case.documentsIntro}</p>
      <collect-file-drop
        .uploader=${this.upload}
        @change=${() => (this.documentCount = this.fileDrop?.documentIds.length ?? 0)}
      ></collect-file-drop>
      ${this.controlError('documents')}`;
  }

  private renderReview(estimate: InstantQuote | null): TemplateResult {
    const t = this.localize.t;
    const d = this.debtor;
    const files = (this.fileDrop?.items ?? []).filter((f) => f.status === 'uploaded');
    const priced = this.invoices.filter((i) => i.amount);
    const total = priced.reduce((sum, i) => addMoney(sum, i.amount!), { amount: 0, currency: this.effectiveCurrency });
    const change = (step: Step, what: string) =>
      html`<button type="button" class="link" part="button" aria-label=${`${t.case.change}: ${what}`} @click=${() => this.goTo(step)}>${t.case.change}</button>`;
    return html`<div class="review" part="review">
      <p>${t.case.reviewIntro}</p>
      ${this.me?.creditor ? html`<p class="note">${t.case.signedInAs(this.me.creditor.name)}</p>` : nothing}
      <section aria-labelledby="review-debtor">
        <div class="review-heading"><h4 id="review-debtor">${t.case.stepDebtor}</h4>${change(0, t.case.stepDebtor)}</div>
        <p data-review="debtor">
          ${d.name}${d.type === 'business' && d.nationalId ? html` (${d.nationalId})` : nothing}<br />
          ${d.addressLine}, ${d.postalCode} ${d.city}, ${t.common.countries[d.country]}
          ${d.email ? html`<br />${d.email}` : nothing} ${d.phone ? html`<br />${d.phone}` : nothing}
        </p>
      </section>
      <section aria-labelledby="review-invoices">
        <div class="review-heading"><h4 id="review-invoices">${t.case.stepInvoices}</h4>${change(1, t.case.stepInvoices)}</div>
        <table>
          <thead>
            <tr>
              <th scope="col">${t.case.invoiceNumber}</th>
              <th scope="col">${t.case.issueDate}</th>
              <th scope="col">${t.quote.dueDate}</th>
              <th scope="col" class="amount">${t.quote.amount(this.effectiveCurrency)}</th>
            </tr>
          </thead>
          <tbody>
            ${this.invoices.map(
              (i) => html`<tr>
                <td>${i.number}</td>
                <td>${i.issueDate ? this.localize.formatDate(i.issueDate, { dateStyle: 'medium' }) : ''}</td>
                <td>${i.dueDate ? this.localize.formatDate(i.dueDate, { dateStyle: 'medium' }) : ''}</td>
                <td class="amount">${i.amount ? this.localize.formatMoney(i.amount) : ''}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr><th scope="row" colspan="3">${t.case.total}</th><td class="amount" data-total="invoices">${this.localize.formatMoney(total)}</td></tr>
          </tfoot>
        </table>
      </section>
      <section aria-labelledby="review-documents">
        <div class="review-heading"><h4 id="review-documents">${t.case.stepDocuments}</h4>${change(2, t.case.stepDocuments)}</div>
        ${files.length > 0
          ? html`<ul data-review="documents">${files.map((f) => html`<li>${f.name} (${t.fileDrop.kinds[f.kind]})</li>`)}</ul>`
          : html`<p>${t.case.noDocuments}</p>`}
      </section>
      ${this.renderEstimate(estimate)}
    </div>`;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const c = t.case;
    const titles = [c.stepDebtor, c.stepInvoices, c.stepDocuments, c.stepReview, c.stepDone];
    const estimate = this.step === 1 || this.step === REVIEW ? this.computeQuote() : null;
    const primary = this.step === REVIEW ? (this.busy ? c.submitting : c.submit) : t.common.next;
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'}>
      <h2 id="title" class="title" part="title">${c.title}</h2>
      <p class="intro">${c.intro}</p>
      ${this.signedOut
        ? html`${this.failure ? html`<p class="alert" role="alert">${this.failure}</p>` : html`<p class="intro">${c.errors.signedOut}</p>`}${this.session.render()}`
        : this.me
          ? this.session.renderSignOut()
          : nothing}
      <ol class="progress" part="progress" ?hidden=${this.signedOut}>
        ${titles.slice(0, DONE).map((title, i) => html`<li class=${i < this.step ? 'done' : ''} aria-current=${i === this.step ? 'step' : nothing}>${title}</li>`)}
      </ol>
      ${this.step === DONE && this.created
        ? html`<div class="step" part="step done" ?hidden=${this.signedOut}>
            <h3 id="heading-4" class="step-heading" part="heading" tabindex="-1">${titles[DONE]}</h3>
            <p data-case-number=${this.created.number}>${c.done(this.created.number)}</p>
            <p class="note">${c.doneNote}</p>
            <div class="nav" part="nav"><button type="button" part="button" @click=${this.startOver}>${c.newCase}</button></div>
          </div>`
        : html`<form novalidate ?hidden=${this.signedOut} @submit=${this.onSubmit}>
            ${[0, 1, 2, 3].map(
              (i) => html`<div class="step" part="step" ?hidden=${this.step !== i}>
                <h3 id=${`heading-${i}`} class="step-heading" part="heading" tabindex="-1">
                  <span class="visually-hidden">${t.common.stepOf(i + 1, DONE)}: </span>${titles[i]}
                </h3>
                ${i === 0 ? this.renderDebtor() : i === 1 ? this.renderInvoices(estimate) : i === 2 ? this.renderDocuments() : this.step === REVIEW ? this.renderReview(estimate) : nothing}
              </div>`,
            )}
            ${this.failure && !this.signedOut ? html`<p class="alert" role="alert">${this.failure}</p>` : nothing}
            <div class="nav" part="nav">
              ${this.step > 0 ? html`<button type="button" part="button" @click=${() => this.goTo((this.step - 1) as Step)}>${t.common.back}</button>` : nothing}
              <button type="submit" class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${primary}</button>
            </div>
          </form>`}
      ${this.announcer.render()}
    </section>`;
  }
}
