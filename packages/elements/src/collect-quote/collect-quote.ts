import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  addDays,
  addMoney,
  associationMemberPlan,
  daysBetween,
  isCollectkitInputError,
  isIsoDate,
  quote,
  standardPlan,
  type Country,
  type CurrencyCode,
  type IsoDate,
  type Money,
  type PricingPlan,
  type Quote,
  type QuoteLine,
  type QuoteRequest,
  type QuoteWarning,
} from '@collectkit/sdk';
import { CollectDateInput } from '../controls/date-input.js';
import { describedBy, fieldError } from '../controls/field-error.js';
import type { FormControlElement } from '../controls/form-control.js';
import { LiveAnnouncer } from '../controls/live-announcer.js';
import { CollectMoneyInput } from '../controls/money-input.js';
import { emit } from '../events.js';
import { LocalizedElement } from '../i18n/localized-element.js';
import { currencySelect } from '../internal/fields.js';
import { todayIso } from '../internal/today.js';
import { controlStyles } from '../theme/controls.styles.js';
import { panelStyles, quoteLineStyles } from '../theme/panel.styles.js';
import { tokens } from '../theme/tokens.styles.js';
import { quoteStyles } from './collect-quote.styles.js';

const COUNTRIES: readonly Country[] = ['DK', 'SE', 'NO', 'FI'];
const HOME_CURRENCY: Readonly<Record<Country, CurrencyCode>> = { DK: 'DKK', SE: 'SEK', NO: 'NOK', FI: 'EUR' };
/** The country a visitor most likely writes from, by the page's language; used when `country` is not set. */
const COUNTRY_OF_LANGUAGE: Readonly<Record<string, Country>> = { da: 'DK', sv: 'SE', nb: 'NO', fi: 'FI' };

type Step = 0 | 1 | 2 | 3;
const RESULT: Step = 3;

interface InvoiceRow {
  /** Stable across removals, so that Lit keeps each row's controls (and what was typed in them). */
  readonly key: number;
}

/**
 * The sdk's quote request from what the calculator asks. The contract wants a named debtor (and a
 * consumer's address) and numbered invoices with an issue date; a calculator asks none of that and
 * none of it changes the price, so neutral placeholders stand in for them.
 */
export function quoteRequestFrom(form: {
  creditorCountry: Country;
  member: boolean;
  debtorType: 'business' | 'consumer';
  debtorCountry: Country;
  invoices: readonly { amount: Money; dueDate: IsoDate }[];
}): QuoteRequest {
  const placeholder = '-';
  const address = { lines: [placeholder], postalCode: placeholder, city: placeholder, country: form.debtorCountry };
  const debtor: QuoteRequest['debtor'] =
    form.debtorType === 'business'
      ? { type: 'business', name: placeholder, country: form.debtorCountry, address }
      : { type: 'consumer', name: placeholder, address };
  return {
    creditorCountry: form.creditorCountry,
    member: form.member,
    debtor,
    invoices: form.invoices.map((invoice, index) => ({
      number: String(index + 1),
      // Not asked, and not priced: the due date is the latest an issue date can be.
      issueDate: invoice.dueDate,
      dueDate: invoice.dueDate,
      amount: invoice.amount,
    })),
  };
}

/**
 * @summary The instant collection-cost calculator: three short steps — your company, the debtor,
 * the invoices — and a non-binding estimate computed in the browser by the same sdk `quote()` the
 * server uses. No sign-in, no network.
 *
 * The estimate shows what the creditor pays (now and on success), what the debtor owes by law
 * (statutory fees, compensation, interest), what the creditor can expect to receive, and warnings
 * (old debt, limitation, minimum amount).
 *
 * Every step is completed with the keyboard alone: the step's heading takes focus when it opens;
 * an invalid "Next" focuses the first invalid field and announces how many errors there are.
 *
 * @event collect-ready - Once, after the first render. `detail: { element }`.
 * @event collect-change - When a field changes. `detail: { field, value }`, e.g. `{ field: 'invoices.0.amount', value: { amount: 123450, currency: 'DKK' } }`.
 * @event collect-quote - When an estimate is computed. `detail: { request, quote, asOf, expectedNet }`.
 * @event collect-error - When the estimate cannot be computed (`code: 'quote_failed'`) or an attribute is unusable (`code: 'invalid_config'`).
 *
 * @csspart base - The wrapper of the whole calculator.
 * @csspart title - The calculator's title.
 * @csspart progress - The list of steps.
 * @csspart step - The current step's container.
 * @csspart heading - The current step's heading (focused on step change).
 * @csspart invoice - One invoice row.
 * @csspart nav - The row of Back / Next buttons.
 * @csspart button - Every button.
 * @csspart button-primary - The Next / Calculate button.
 * @csspart result - The estimate.
 * @csspart net - The amount the creditor can expect to receive.
 * @csspart warnings - The warnings box.
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
export class CollectQuote extends LocalizedElement {
  static dependencies = { 'collect-money-input': CollectMoneyInput, 'collect-date-input': CollectDateInput };
  static override styles = [tokens, controlStyles, panelStyles, quoteLineStyles, quoteStyles];


  private readonly announcer = new LiveAnnouncer(this);

  /** Language of the calculator; inherited from the page when unset. */
  @property({ reflect: true }) override lang!: string;
  /** The creditor's country to start with (DK, SE, NO or FI); by default the page language's. */
  @property() country: Country | '' = '';
  /** The association's plan for members: `member` (the association-member plan) or `standard`. Non-members always get `standard`. */
  @property() plan: 'member' | 'standard' = 'member';
  /** The date the estimate is for (ISO); today in the visitor's time zone when unset. */
  @property({ attribute: 'as-of' }) asOf = '';
  /** Reserved for server-side quotes (not used yet). */
  @property({ attribute: 'publishable-key' }) publishableKey = '';
  /** Reserved for server-side quotes (not used yet). */
  @property({ attribute: 'api-base' }) apiBase = '';

  @state() private step: Step = 0;
  @state() private creditorCountry: Country | null = null;
  @state() private member: boolean | null = null;
  @state() private debtorType: 'business' | 'consumer' | null = null;
  @state() private debtorCountry: Country | null = null;
  @state() private currency: CurrencyCode | null = null;
  @state() private invoices: InvoiceRow[] = [{ key: 0 }];
  @state() private showChoiceErrors = false;
  @state() private result: { request: QuoteRequest; quote: Quote; plan: PricingPlan } | null = null;
  @state() private failure = '';

  private nextKey = 1;
  private focusHeadingAfterUpdate = false;

  /** The most recent estimate, or null before the first. */
  get quote(): Quote | null {
    return this.result?.quote ?? null;
  }

  private get effectiveAsOf(): IsoDate {
    return isIsoDate(this.asOf) ? this.asOf : todayIso();
  }

  private get effectiveCreditorCountry(): Country {
    if (this.creditorCountry) return this.creditorCountry;
    if (COUNTRIES.includes(this.country as Country)) return this.country as Country;
    return COUNTRY_OF_LANGUAGE[this.localize.language] ?? 'DK';
  }

  /** The plan the estimate uses: the association's member plan for members, the standard plan otherwise. */
  private get pricingPlan(): PricingPlan {
    return this.plan === 'member' && this.member === true ? associationMemberPlan : standardPlan;
  }

  /** The creditor's home currency if the plan prices in it, else the plan's first currency. */
  private get effectiveCurrency(): CurrencyCode {
    const currencies = this.pricingPlan.currencies;
    if (this.currency && currencies.includes(this.currency)) return this.currency;
    const home = HOME_CURRENCY[this.effectiveCreditorCountry];
    return currencies.includes(home) ? home : currencies[0]!;
  }

  // --- lifecycle -----------------------------------------------------------------------------

  protected override firstUpdated(): void {
    emit(this, 'collect-ready', { element: this.localName });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('plan') && this.plan !== 'member' && this.plan !== 'standard') {
      emit(this, 'collect-error', {
        code: 'invalid_config',
        message: `plan="${String(this.plan)}" is not one of member, standard; using member`,
        field: 'plan',
      });
      this.plan = 'member';
    }
  }

  protected override updated(): void {
    if (this.focusHeadingAfterUpdate) {
      this.focusHeadingAfterUpdate = false;
      this.currentHeading?.focus();
    }
  }

  // --- event handlers ------------------------------------------------------------------------

  private changed(field: string, value: unknown): void {
    emit(this, 'collect-change', { field, value });
  }

  private onCreditorCountry(event: Event): void {
    this.creditorCountry = (event.target as HTMLSelectElement).value as Country;
    this.changed('creditor.country', this.creditorCountry);
  }

  private onMember(event: Event): void {
    this.member = (event.target as HTMLInputElement).value === 'yes';
    this.changed('creditor.member', this.member);
  }

  private onDebtorType(event: Event): void {
    this.debtorType = (event.target as HTMLInputElement).value as 'business' | 'consumer';
    this.changed('debtor.type', this.debtorType);
  }

  private onDebtorCountry(event: Event): void {
    this.debtorCountry = (event.target as HTMLSelectElement).value as Country;
    this.changed('debtor.country', this.debtorCountry);
  }

  private onCurrency(event: Event): void {
    this.currency = (event.target as HTMLSelectElement).value as CurrencyCode;
    this.changed('currency', this.currency);
  }

  private onAmountChange(index: number, event: Event): void {
    this.changed(`invoices.${index}.amount`, (event.target as CollectMoneyInput).value);
  }

  private onDueDateChange(index: number, event: Event): void {
    this.changed(`invoices.${index}.dueDate`, (event.target as CollectDateInput).value);
  }

  /** The invoices as typed, read from the controls (which keep their own text). */
  private typedInvoices(): { amount: Money; dueDate: IsoDate }[] {
    const amounts = [...this.renderRoot.querySelectorAll<CollectMoneyInput>('collect-money-input')];
    const dueDates = [...this.renderRoot.querySelectorAll<CollectDateInput>('collect-date-input')];
    return amounts.map((amount, i) => ({ amount: amount.value!, dueDate: dueDates[i]!.value! }));
  }

  private async addInvoice(): Promise<void> {
    this.invoices = [...this.invoices, { key: this.nextKey++ }];
    const number = this.invoices.length;
    this.announcer.announce(this.localize.t.quote.invoiceAdded(number));
    await this.updateComplete;
    // Straight to the new row's amount, so that typing can go on.
    this.renderRoot.querySelectorAll<CollectMoneyInput>('collect-money-input')[number - 1]?.focus();
  }

  private async removeInvoice(index: number): Promise<void> {
    this.invoices = this.invoices.filter((_, i) => i !== index);
    this.announcer.announce(this.localize.t.quote.invoiceRemoved(index + 1));
    await this.updateComplete;
    const amounts = this.renderRoot.querySelectorAll<CollectMoneyInput>('collect-money-input');
    amounts[Math.min(index, amounts.length - 1)]?.focus();
  }

  private goTo(step: Step): void {
    this.step = step;
    this.showChoiceErrors = false;
    this.focusHeadingAfterUpdate = true;
  }

  /** The heading of the step on screen. */
  private get currentHeading(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#heading-${this.step}`);
  }

  private back(): void {
    this.goTo((this.step - 1) as Step);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.validateStep()) return;
    if (this.step < 2) this.goTo((this.step + 1) as Step);
    else this.calculate();
  }

  /**
   * Shows every error of the current step; if there are any, focuses the first and announces how
   * many. Returns whether the step is complete.
   */
  private validateStep(): boolean {
    const invalid: HTMLElement[] = [];
    this.showChoiceErrors = true;
    const root = this.renderRoot;
    if (this.step === 0 && this.member === null) invalid.push(root.querySelector<HTMLElement>('input[name="member"]')!);
    if (this.step === 1 && this.debtorType === null) invalid.push(root.querySelector<HTMLElement>('input[name="debtor-type"]')!);
    if (this.step === 2) {
      for (const control of root.querySelectorAll<FormControlElement<unknown>>('.invoice collect-money-input, .invoice collect-date-input')) {
        if (!control.showValidity()) invalid.push(control);
      }
    }
    if (invalid.length === 0) return true;
    invalid[0]!.focus();
    this.announcer.announce(this.localize.t.controls.errorCount(invalid.length), 'assertive');
    return false;
  }

  private calculate(): void {
    const asOf = this.effectiveAsOf;
    const plan = this.pricingPlan;
    const request = quoteRequestFrom({
      creditorCountry: this.effectiveCreditorCountry,
      member: this.member === true,
      debtorType: this.debtorType ?? 'business',
      debtorCountry: this.debtorCountry ?? this.effectiveCreditorCountry,
      invoices: this.typedInvoices(),
    });
    try {
      const computed = quote(request, plan, { asOf });
      this.result = { request, quote: computed, plan };
      this.failure = '';
      this.goTo(RESULT);
      const net = computed.expectedNetToCreditor.total;
      this.announcer.announce(this.localize.t.quote.quoteReady(this.localize.formatMoney(net)));
      emit(this, 'collect-quote', { request, quote: computed, asOf, expectedNet: net });
    } catch (error) {
      if (!isCollectkitInputError(error)) throw error;
      this.failure = this.localize.t.quote.quoteFailed;
      this.announcer.announce(this.failure, 'assertive');
      emit(this, 'collect-error', { code: 'quote_failed', message: error.message, field: error.field });
    }
  }

  private startOver(): void {
    this.member = null;
    this.debtorType = null;
    this.debtorCountry = null;
    this.creditorCountry = null;
    this.currency = null;
    this.invoices = [{ key: this.nextKey++ }];
    this.result = null;
    this.goTo(0); // the new row key gives fresh, empty controls
  }

  // --- rendering -----------------------------------------------------------------------------

  private renderCountrySelect(id: string, label: string, value: Country, onChange: (e: Event) => void): TemplateResult {
    const names = this.localize.t.common.countries;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${onChange}>
        ${COUNTRIES.map((c) => html`<option value=${c} ?selected=${c === value}>${names[c]}</option>`)}
      </select>
    </div>`;
  }

  private renderChoice<T extends string>(
    name: string,
    legend: string,
    options: readonly { value: T; label: string }[],
    selected: T | null,
    onChange: (e: Event) => void,
  ): TemplateResult {
    const errorId = `${name}-error`;
    const error = this.showChoiceErrors && selected === null ? this.localize.t.quote.chooseOne : '';
    return html`<fieldset aria-describedby=${describedBy(error && errorId)}>
      <legend>${legend}</legend>
      <div class="choices">
        ${options.map(
          (option) => html`<label class="choice">
            <input
              type="radio"
              name=${name}
              value=${option.value}
              .checked=${option.value === selected}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy(error && errorId)}
              @change=${onChange}
            />
            ${option.label}
          </label>`,
        )}
      </div>
      ${fieldError(errorId, error)}
    </fieldset>`;
  }

  private renderCompanyStep(): TemplateResult {
    const t = this.localize.t;
    return html`${this.renderCountrySelect('creditor-country', t.quote.companyCountry, this.effectiveCreditorCountry, this.onCreditorCountry)}
    ${this.renderChoice(
      'member',
      t.quote.member,
      [
        { value: 'yes', label: t.common.yes },
        { value: 'no', label: t.common.no },
      ],
      this.member === null ? null : this.member ? 'yes' : 'no',
      this.onMember,
    )}`;
  }

  private renderDebtorStep(): TemplateResult {
    const t = this.localize.t.quote;
    return html`${this.renderChoice(
      'debtor-type',
      t.debtorType,
      [
        { value: 'business', label: t.business },
        { value: 'consumer', label: t.consumer },
      ],
      this.debtorType,
      this.onDebtorType,
    )}
    ${this.renderCountrySelect('debtor-country', t.debtorCountry, this.debtorCountry ?? this.effectiveCreditorCountry, this.onDebtorCountry)}`;
  }

  private renderInvoicesStep(): TemplateResult {
    const t = this.localize.t.quote;
    const currency = this.effectiveCurrency;
    const currencies = this.pricingPlan.currencies;
    // An invoice must be overdue on the quote date: its due date at the latest the day before.
    const latestDue = addDays(this.effectiveAsOf, -1);
    return html`${currencySelect(t.currency, currencies, currency, this.onCurrency)}
      ${repeat(
        this.invoices,
        (row) => row.key,
        (_row, index) => html`<fieldset class="invoice" part="invoice">
          <legend>${t.invoice(index + 1)}</legend>
          <div class="invoice-fields">
            <collect-money-input
              name=${`invoices.${index}.amount`}
              .label=${t.amount(currency)}
              .currency=${currency}
              required
              positive
              @change=${(e: Event) => this.onAmountChange(index, e)}
            ></collect-money-input>
            <collect-date-input
              name=${`invoices.${index}.dueDate`}
              .label=${t.dueDate}
              max=${latestDue}
              .rangeError=${t.dueDateNotPassed}
              required
              @change=${(e: Event) => this.onDueDateChange(index, e)}
            ></collect-date-input>
          </div>
          ${this.invoices.length > 1
            ? html`<button type="button" class="link" part="button" @click=${() => this.removeInvoice(index)}>
                ${t.removeInvoice(index + 1)}
              </button>`
            : nothing}
        </fieldset>`,
      )}
      <button type="button" part="button" @click=${this.addInvoice}>${t.addInvoice}</button>`;
  }

  private lineLabel(line: QuoteLine, asOf: IsoDate): string {
    const l = this.localize.t.quote.lines;
    const percent = this.localize.formatPercent(line.percent ?? '0');
    switch (line.code) {
      case 'commission':
        return l.commission(percent);
      case 'discount':
        return l.discount(percent);
      case 'vat':
        return l.vat(percent);
      case 'compensation':
        return l.compensation(line.count ?? 1, line.each ? this.localize.formatMoney(line.each) : '');
      case 'interest':
        return l.interest(this.localize.formatDate(asOf));
      default:
        return l[line.code];
    }
  }

  private renderLines(lines: readonly QuoteLine[], asOf: IsoDate): TemplateResult[] {
    return lines.map(
      (line) => html`<div class="line" data-code=${line.code}>
        <dt>${this.lineLabel(line, asOf)}</dt>
        <dd>${this.localize.formatMoney(line.amount)}</dd>
      </div>`,
    );
  }

  private warningText(warning: QuoteWarning, request: QuoteRequest, asOf: IsoDate): string {
    const w = this.localize.t.quote.warning;
    const invoice = warning.index === undefined ? undefined : request.invoices[warning.index];
    const number = invoice?.number ?? '';
    switch (warning.code) {
      case 'older_than_max_age':
        return w.older_than_max_age(number, invoice ? daysBetween(invoice.dueDate, asOf) : 0);
      case 'limitation_near':
      case 'limitation_passed': {
        // The sdk's warning carries the date only in its (English) message.
        const date = /\d{4}-\d{2}-\d{2}/.exec(warning.message)?.[0];
        return w[warning.code](number, date ? this.localize.formatDate(date) : '');
      }
      default:
        return w[warning.code];
    }
  }

  private renderResult(): TemplateResult {
    const t = this.localize.t.quote;
    const { quote: q, request, plan } = this.result!;
    const youPayTotal = addMoney(q.creditorPays.total, q.commission.total);
    return html`<div class="result" part="result">
      <p class="note">${t.basis(this.localize.formatDate(q.asOf), t.planNames[plan.id] ?? plan.name)}</p>

      <div class="net section" part="net">
        <div>${t.expectedNet}</div>
        <div class="amount" data-total="expected-net">${this.localize.formatMoney(q.expectedNetToCreditor.total)}</div>
        <p class="note">${t.expectedNetNote}</p>
      </div>

      ${q.warnings.length > 0
        ? html`<div class="warnings section" part="warnings">
            <h4>${t.warnings}</h4>
            <ul>
              ${q.warnings.map((w) => html`<li data-code=${w.code}>${this.warningText(w, request, q.asOf)}</li>`)}
            </ul>
          </div>`
        : nothing}

      <div class="section">
        <h4>${t.youPay}</h4>
        <h5>${t.youPayNow}</h5>
        <dl>${this.renderLines(q.creditorPays.lines, q.asOf)}</dl>
        <h5>${t.youPayOnSuccess}</h5>
        <dl>
          ${q.commission.waived
            ? html`<div class="line" data-code="commission">
                <dt>${t.commissionWaived}</dt>
                <dd>${this.localize.formatMoney(q.commission.total)}</dd>
              </div>`
            : this.renderLines(q.commission.lines, q.asOf)}
          <div class="line total">
            <dt>${t.totalYouPay}</dt>
            <dd data-total="you-pay">${this.localize.formatMoney(youPayTotal)}</dd>
          </div>
        </dl>
      </div>

      <div class="section">
        <h4>${t.debtorOwes}</h4>
        <dl>
          ${this.renderLines(q.debtorOwes.lines, q.asOf)}
          <div class="line total">
            <dt>${t.totalDebtorOwes}</dt>
            <dd data-total="debtor-owes">${this.localize.formatMoney(q.debtorOwes.total)}</dd>
          </div>
        </dl>
      </div>

      <p class="note">${t.nonBinding}</p>
    </div>`;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const titles = [t.quote.stepCompany, t.quote.stepDebtor, t.quote.stepInvoices, t.quote.stepResult];
    const onResult = this.step === RESULT;
    return html`<section class="base" part="base" aria-labelledby="title">
      <h2 id="title" class="title" part="title">${t.quote.title}</h2>
      <p class="intro">${t.quote.intro}</p>
      <ol class="progress" part="progress">
        ${titles.slice(0, 3).map(
          (title, i) => html`<li
            class=${i < this.step ? 'done' : ''}
            aria-current=${i === this.step ? 'step' : nothing}
          >
            ${title}
          </li>`,
        )}
      </ol>
      <form novalidate @submit=${this.onSubmit}>
        ${[this.renderCompanyStep(), this.renderDebtorStep(), this.renderInvoicesStep()].map(
          (content, i) => html`<div class="step" part="step" ?hidden=${this.step !== i}>
            <h3 id=${`heading-${i}`} class="step-heading" part="heading" tabindex="-1">
              <span class="visually-hidden">${t.common.stepOf(i + 1, 3)}: </span>${titles[i]}
            </h3>
            ${content}
          </div>`,
        )}
        <div class="step" part="step" ?hidden=${!onResult}>
          <h3 id="heading-3" class="step-heading" part="heading" tabindex="-1">${titles[RESULT]}</h3>
          ${this.result ? this.renderResult() : nothing}
        </div>
        ${this.failure && this.step === 2 ? html`<p class="alert" role="alert">${this.failure}</p>` : nothing}
        <div class="nav" part="nav">
          ${this.step > 0 && !onResult
            ? html`<button type="button" part="button" @click=${this.back}>${t.common.back}</button>`
            : nothing}
          ${onResult
            ? html`<button type="button" part="button" @click=${() => this.goTo(2)}>${t.quote.changeInvoices}</button>
                <button type="button" part="button" class="link" @click=${this.startOver}>${t.common.startOver}</button>`
            : html`<button type="submit" class="primary" part="button button-primary">
                ${this.step === 2 ? t.quote.calculate : t.common.next}
              </button>`}
        </div>
      </form>
      ${this.announcer.render()}
    </section>`;
  }
}
