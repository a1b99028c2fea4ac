import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isCollectkitApiError, newIdempotencyKey, type CreatedEnrolment, type EnrolmentRequest } from '@collectkit/sdk';
import { describedBy, fieldError as renderFieldError } from '../controls/field-error.js';
import { LiveAnnouncer } from '../controls/live-announcer.js';
import { CollectNationalIdInput } from '../controls/national-id-input.js';
import { emit, type CollectErrorCode } from '../events.js';
import { LocalizedElement } from '../i18n/localized-element.js';
import { announceFailure, isConfigured, markIssues, MISSING_CONFIG_MESSAGE, unexpectedFailure } from '../internal/api-errors.js';
import { domId, textField, type TextFieldOptions } from '../internal/fields.js';
import { controlStyles } from '../theme/controls.styles.js';
import { panelStyles } from '../theme/panel.styles.js';
import { tokens } from '../theme/tokens.styles.js';
import { enrolStyles } from './collect-enrol.styles.js';
import { enrolmentApi, sha256Hex, type EnrolmentApi } from './enrolment-api.js';
import {
  ACCOUNTING_SYSTEMS,
  FORM_STEPS,
  PAYOUT_KINDS,
  emptyDraft,
  enrolmentRequest,
  fieldError,
  fieldOfIssuePath,
  isAsked,
  parseDraft,
  stepOfField,
  type ConsentField,
  type EnrolmentDraft,
  type FormField,
  type PayoutKind,
  type TextField,
} from './enrolment-form.js';

const COUNTRIES = ['DK', 'SE', 'NO', 'FI'] as const;
const COUNTRY_OF_LANGUAGE: Readonly<Record<string, string>> = { da: 'DK', sv: 'SE', nb: 'NO', fi: 'FI' };
/** Where the draft is kept between reloads of the tab. */
export const DRAFT_STORAGE_KEY = 'collectkit:enrol-draft';

const AGREEMENT = 3;
const PASSWORD = 4;
const DONE = 5;
type Step = 0 | 1 | 2 | 3 | 4 | 5;
type SignField = 'sign.name' | 'sign.consent' | 'password' | 'password.repeat';
type AnyField = FormField | SignField;

/** The enrolment between creation and the password; the token lives in memory only. */
interface OpenEnrolment {
  readonly created: CreatedEnrolment;
  readonly request: EnrolmentRequest;
}

function sessionStore(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage blocked (sandboxed iframe, privacy settings): no draft, still works
  }
}

/**
 * @summary Enrolment of a member company: company, address and contact, payout account and
 * consents → the agreement the server made out (PDF and its SHA-256) → signed with a typed name →
 * a password → signed in (the server's HttpOnly session cookie).
 *
 * A reload of the tab resumes the draft from sessionStorage. Passwords, the enrolment token and the
 * session are never stored: after a reload past the agreement, the agreement is made out again.
 *
 * Every step is completed with the keyboard alone; the step's heading takes focus when it opens;
 * an invalid step focuses its first invalid field and announces the number of errors. Fields the
 * server refuses are marked on the form the same way.
 *
 * @event collect-ready - Once, after the first render. `detail: { element }`.
 * @event collect-change - When a field changes (never for passwords). `detail: { field, value }`.
 * @event collect-submit - When the member is enrolled and signed in. `detail: { payload, reference }`: the request as sent, the enrolment id.
 * @event collect-error - `detail: { code, message, field? }`; codes `invalid_config`, `network_error`, `unauthorized`, `validation_failed`, `conflict`, `agreement_mismatch`, `enrolment_lost`, `server_error`.
 *
 * @csspart base - The wrapper.
 * @csspart title - The title.
 * @csspart progress - The list of steps.
 * @csspart step - The current step's container.
 * @csspart heading - The current step's heading (focused on step change).
 * @csspart agreement - The agreement link and its fingerprint.
 * @csspart nav - The row of buttons.
 * @csspart button - Every button.
 * @csspart button-primary - The button that moves on.
 * @csspart done - The confirmation.
 * @csspart live-region - The visually hidden live region.
 *
 * @cssprop --collect-color-primary - Buttons, focus ring, current step. Default #1f4fa3.
 * @cssprop --collect-radius - Corner radius. Default 6px.
 * @cssprop --collect-font-family - Font. Default: the page's (inherited).
 * @cssprop --collect-space - Base spacing. Default 1em.
 */
export class CollectEnrol extends LocalizedElement {
  static dependencies = { 'collect-national-id-input': CollectNationalIdInput };
  static override styles = [tokens, controlStyles, panelStyles, enrolStyles];


  private readonly announcer = new LiveAnnouncer(this);

  /** The association's publishable key (`pk_…`). */
  @property({ attribute: 'publishable-key' }) publishableKey = '';
  /** Base URL of the Collectkit API, e.g. `https://collect.example.org`. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** Language of the form; inherited from the page when unset. */
  @property({ reflect: true }) override lang!: string;
  /** The company's country to start with (DK, SE, NO or FI); by default the page language's. */
  @property() country = '';

  @state() private step: Step = 0;
  @state() private draft: EnrolmentDraft = emptyDraft();
  /** Fields whose error is shown: left once, or their step was submitted. */
  @state() private touched = new Set<AnyField>();
  /** Messages the server gave for fields, until the field is edited. */
  @state() private serverErrors: Partial<Record<AnyField, string>> = {};
  @state() private busy = false;
  @state() private failure = '';
  @state() private enrolment: OpenEnrolment | null = null;
  @state() private agreement: { objectUrl: string; sha256: string } | null = null;
  @state() private signName = '';
  @state() private signConsent = false;
  @state() private signedBy = '';

  private restored = false;
  private focusAfterUpdate: AnyField | 'heading' | null = null;
  private api: EnrolmentApi | null = null;

  /** The step on screen: 0 company, 1 contact, 2 payout and consents, 3 agreement, 4 password, 5 done. */
  get currentStep(): number {
    return this.step;
  }

  // --- lifecycle -----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.restored) return;
    this.restored = true;
    const saved = parseDraft(sessionStore()?.getItem(DRAFT_STORAGE_KEY) ?? null);
    if (saved) {
      this.draft = saved.draft;
      this.step = saved.step as Step;
      this.updateComplete.then(() => this.announcer.announce(this.localize.t.enrol.draftRestored));
    } else {
      const country = COUNTRIES.includes(this.country as (typeof COUNTRIES)[number])
        ? this.country
        : (COUNTRY_OF_LANGUAGE[this.localize.language] ?? 'DK');
      this.draft = emptyDraft(country);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.agreement) URL.revokeObjectURL(this.agreement.objectUrl);
    this.agreement = null;
  }

  protected override firstUpdated(): void {
    emit(this, 'collect-ready', { element: this.localName });
  }

  protected override updated(): void {
    // The national id control keeps its own text and is made anew each time the company step
    // opens: give it the draft's (valid) number when it is empty.
    const control = this.nationalIdControl;
    const id = this.draft.values['company.nationalId'];
    if (control && id && control.value === null && !control.matches(':focus-within')) control.value = id;
    const target = this.focusAfterUpdate;
    if (target === null) return;
    this.focusAfterUpdate = null;
    if (target === 'heading') this.renderRoot.querySelector<HTMLElement>(`#heading-${this.step}`)?.focus();
    else this.renderRoot.querySelector<HTMLElement>(`#${domId(target)}`)?.focus();
  }

  // --- the draft -----------------------------------------------------------------------------

  private get nationalIdControl(): CollectNationalIdInput | null {
    return this.renderRoot.querySelector('collect-national-id-input');
  }

  private saveDraft(): void {
    if (this.step === DONE) return;
    const step = Math.min(this.step, 2);
    try {
      sessionStore()?.setItem(DRAFT_STORAGE_KEY, JSON.stringify({ ...this.draft, step }));
    } catch {
      // quota or blocked storage: the draft simply is not kept
    }
  }

  private setValue(field: TextField, value: string): void {
    this.draft = { ...this.draft, values: { ...this.draft.values, [field]: value } };
    this.clearServerError(field);
    this.saveDraft();
    emit(this, 'collect-change', { field, value });
  }

  private setConsent(field: ConsentField, value: boolean): void {
    this.draft = { ...this.draft, consents: { ...this.draft.consents, [field]: value } };
    this.clearServerError(field);
    this.saveDraft();
    emit(this, 'collect-change', { field, value });
  }

  private clearServerError(field: AnyField): void {
    if (this.serverErrors[field] === undefined) return;
    const { [field]: _removed, ...rest } = this.serverErrors;
    this.serverErrors = rest;
  }

  private touch(field: AnyField): void {
    if (!this.touched.has(field)) this.touched = new Set(this.touched).add(field);
  }

  /** The error shown under `field` now. */
  private shownError(field: AnyField): string {
    const server = this.serverErrors[field];
    if (server) return server;
    if (!this.touched.has(field)) return '';
    return this.clientError(field);
  }

  private clientError(field: AnyField): string {
    const t = this.localize.t;
    switch (field) {
      case 'sign.name':
        return this.signName.trim().length >= 2 ? '' : t.enrol.errors.signNameTooShort;
      case 'sign.consent':
        return this.signConsent ? '' : t.enrol.errors.consentRequired;
      case 'password':
        return this.passwordValue('password').length >= 10 ? '' : t.enrol.errors.passwordTooShort;
      case 'password.repeat':
        return this.passwordValue('password.repeat') === this.passwordValue('password') ? '' : t.enrol.errors.passwordMismatch;
      case 'company.nationalId': {
        const control = this.nationalIdControl;
        return control && !control.checkValidity() ? control.validationMessage : '';
      }
      default:
        return fieldError(this.draft, field, t);
    }
  }

  /** Passwords are read from their inputs when needed, never held in state or storage. */
  private passwordValue(field: 'password' | 'password.repeat'): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${domId(field)}`)?.value ?? '';
  }

  // --- moving on -----------------------------------------------------------------------------

  private fieldsOfStep(step: number): AnyField[] {
    if (step < AGREEMENT) return FORM_STEPS[step]!.filter((f) => isAsked(this.draft, f));
    if (step === AGREEMENT) return ['sign.name', 'sign.consent'];
    if (step === PASSWORD) return ['password', 'password.repeat'];
    return [];
  }

  /** Shows every error of the step; focuses the first and announces how many. */
  private validateStep(): boolean {
    const fields = this.fieldsOfStep(this.step);
    this.touched = new Set([...this.touched, ...fields]);
    this.nationalIdControl?.showValidity();
    const invalid = fields.filter((f) => this.shownError(f) !== '');
    if (invalid.length === 0) return true;
    this.focusField(invalid[0]!);
    this.announcer.announce(this.localize.t.controls.errorCount(invalid.length), 'assertive');
    return false;
  }

  private focusField(field: AnyField): void {
    if (field === 'company.nationalId') {
      this.nationalIdControl?.focus();
      return;
    }
    this.focusAfterUpdate = field;
    this.requestUpdate();
  }

  private goTo(step: Step): void {
    this.step = step;
    this.failure = '';
    this.focusAfterUpdate = 'heading';
    this.saveDraft();
  }

  private back(): void {
    this.goTo((this.step - 1) as Step);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.validateStep()) return;
    if (this.step < 2) this.goTo((this.step + 1) as Step);
    else if (this.step === 2) await this.createEnrolment();
    else if (this.step === AGREEMENT) await this.sign();
    else if (this.step === PASSWORD) await this.setPassword();
  }

  private client(): EnrolmentApi | null {
    if (!isConfigured(this)) {
      this.fail('invalid_config', this.localize.t.enrol.errors.missingConfig, MISSING_CONFIG_MESSAGE);
      return null;
    }
    this.api ??= enrolmentApi({ apiBase: this.apiBase, publishableKey: this.publishableKey });
    return this.api;
  }

  private async run(work: (api: EnrolmentApi) => Promise<void>): Promise<void> {
    const api = this.client();
    if (!api) return;
    this.busy = true;
    this.failure = '';
    try {
      await work(api);
    } catch (error) {
      this.handleFailure(error);
    } finally {
      this.busy = false;
    }
  }

  private async createEnrolment(): Promise<void> {
    await this.run(async (api) => {
      const request = enrolmentRequest(this.draft, this.localize.language);
      const created = await api.create(request, newIdempotencyKey());
      this.enrolment = { created, request };
      this.signedBy = '';
      this.goTo(AGREEMENT);
      await this.loadAgreement(api, created);
    });
  }

  /** Downloads the PDF and hashes what arrived: the signature quotes the document the person saw. */
  private async loadAgreement(api: EnrolmentApi, created: CreatedEnrolment): Promise<void> {
    const bytes = await api.agreementPdf(created.agreement, created.enrolmentToken);
    const sha256 = typeof crypto !== 'undefined' && crypto.subtle ? await sha256Hex(bytes) : created.agreement.sha256;
    if (this.agreement) URL.revokeObjectURL(this.agreement.objectUrl);
    this.agreement = { objectUrl: URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })), sha256 };
    if (sha256 !== created.agreement.sha256) {
      this.fail('agreement_mismatch', this.localize.t.enrol.errors.agreementMismatch, 'the downloaded agreement does not match its SHA-256');
      return;
    }
    this.announcer.announce(this.localize.t.enrol.agreementReady);
  }

  private async sign(): Promise<void> {
    const open = this.enrolment;
    if (!open || !this.agreement) return this.lost();
    await this.run(async (api) => {
      const signed = await api.sign(open.created.id, open.created.enrolmentToken, {
        name: this.signName.trim(),
        consent: true,
        sha256: this.agreement!.sha256,
      });
      this.signedBy = signed.agreement.signedName ?? this.signName.trim();
      this.goTo(PASSWORD);
    });
  }

  private async setPassword(): Promise<void> {
    const open = this.enrolment;
    if (!open) return this.lost();
    const password = this.passwordValue('password');
    await this.run(async (api) => {
      await api.setPassword(open.created.id, open.created.enrolmentToken, password);
      // Nothing of the enrolment is needed any more; the session is the server's cookie.
      sessionStore()?.removeItem(DRAFT_STORAGE_KEY);
      this.goTo(DONE);
      this.announcer.announce(this.localize.t.enrol.done(open.created.company.name));
      emit(this, 'collect-submit', { payload: open.request, reference: open.created.id });
      this.enrolment = null;
    });
  }

  private lost(): void {
    this.fail('enrolment_lost', this.localize.t.enrol.errors.enrolmentLost, 'the enrolment token is gone; create the agreement again');
    this.step = 2;
    this.focusAfterUpdate = 'heading';
  }

  private fail(code: CollectErrorCode, shown: string, message: string, field?: string): void {
    this.failure = shown;
    announceFailure(this, this.announcer, { code, shown, message, field });
  }

  /** Maps the client's typed errors onto the form (field issues) or one alert (everything else). */
  private handleFailure(error: unknown): void {
    const e = this.localize.t.enrol.errors;
    if (!isCollectkitApiError(error)) {
      const failure = unexpectedFailure(error, e.server);
      this.fail(failure.code, failure.shown, failure.message);
      return;
    }
    if ((error.kind === 'invalid_request' || error.kind === 'conflict') && error.issues.length > 0) {
      if (error.issues.some((issue) => issue.path === 'sha256')) {
        this.fail('agreement_mismatch', e.agreementMismatch, error.message, 'sha256');
        return;
      }
      const issues = markIssues<AnyField>(
        error,
        (path) => fieldOfIssuePath(path, this.draft) ?? this.signFieldOf(path),
        (path) => (path === 'contact.email' && error.kind === 'conflict' ? e.emailTaken : e.refused),
        (field) => this.stepOf(field),
      );
      if (issues) {
        const { marked, fields } = issues;
        const first = fields[0]!;
        this.serverErrors = { ...this.serverErrors, ...marked };
        const step = this.stepOf(first) as Step;
        if (step !== this.step) this.step = step;
        this.focusField(first);
        const shown = `${this.localize.t.controls.errorCount(fields.length)} ${marked[first]}`;
        const code = error.kind === 'conflict' ? 'conflict' : 'validation_failed';
        announceFailure(this, this.announcer, { code, shown, message: error.message, field: first });
        return;
      }
    }
    switch (error.kind) {
      case 'network':
        return this.fail('network_error', e.network, error.message);
      case 'authentication':
      case 'permission':
        return this.fail('unauthorized', e.unauthorized, error.message);
      case 'not_found':
        return this.lost();
      case 'conflict':
        return this.fail('conflict', e.refused, error.message);
      case 'invalid_request':
        return this.fail('validation_failed', e.refused, error.message);
      default:
        return this.fail('server_error', e.server, error.message);
    }
  }

  private signFieldOf(path: string): SignField | undefined {
    if (path === 'name') return 'sign.name';
    if (path === 'consent') return 'sign.consent';
    if (path === 'password') return 'password';
    return undefined;
  }

  private stepOf(field: AnyField): number {
    if (field === 'sign.name' || field === 'sign.consent') return AGREEMENT;
    if (field === 'password' || field === 'password.repeat') return PASSWORD;
    return stepOfField(field);
  }

  // --- rendering -----------------------------------------------------------------------------

  private textInput(field: TextField | 'sign.name', label: string, options: TextFieldOptions = {}): TemplateResult {
    const value = field === 'sign.name' ? this.signName : this.draft.values[field];
    const onInput = (text: string) => {
      if (field === 'sign.name') {
        this.signName = text;
        this.clearServerError(field);
      } else this.setValue(field, text);
    };
    const optionalText = this.localize.t.common.optional;
    return textField(field, label, { value, error: this.shownError(field), optionalText, onInput, onBlur: () => this.touch(field) }, options);
  }

  private select(field: 'company.country' | 'accountingSystem', label: string, options: readonly { value: string; label: string }[]): TemplateResult {
    const id = domId(field);
    const error = this.shownError(field);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select
        id=${id}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(error && `${id}-error`)}
        @change=${(e: Event) => this.setValue(field, (e.target as HTMLSelectElement).value)}
      >
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === this.draft.values[field]}>${o.label}</option>`)}
      </select>
      ${renderFieldError(`${id}-error`, error)}
    </div>`;
  }

  private checkbox(field: ConsentField | 'sign.consent', label: string, optional = false): TemplateResult {
    const id = domId(field);
    const error = this.shownError(field);
    const checked = field === 'sign.consent' ? this.signConsent : this.draft.consents[field];
    return html`<div class="field check">
      <label class="choice">
        <input
          id=${id}
          type="checkbox"
          .checked=${checked}
          ?required=${!optional}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy(error && `${id}-error`)}
          @change=${(e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            if (field === 'sign.consent') {
              this.signConsent = on;
              this.touch(field);
            } else this.setConsent(field, on);
          }}
        />
        ${label}
      </label>
      ${renderFieldError(`${id}-error`, error)}
    </div>`;
  }

  private renderCompany(): TemplateResult {
    const t = this.localize.t;
    const country = this.draft.values['company.country'];
    const idError = this.serverErrors['company.nationalId'];
    return html`${this.textInput('company.name', t.enrol.companyName, { autocomplete: 'organization' })}
      ${this.select(
        'company.country',
        t.enrol.companyCountry,
        COUNTRIES.map((c) => ({ value: c, label: t.common.countries[c] })),
      )}
      <collect-national-id-input
        id=${domId('company.nationalId')}
        name="company.nationalId"
        .country=${country as (typeof COUNTRIES)[number]}
        required
        @input=${(e: Event) => this.setValue('company.nationalId', (e.target as CollectNationalIdInput).value ?? '')}
      ></collect-national-id-input>
      ${idError ? renderFieldError(`${domId('company.nationalId')}-server-error`, idError) : nothing}
      ${this.textInput('membershipNumber', t.enrol.membershipNumber, { optional: true })}
      ${this.select(
        'accountingSystem',
        t.enrol.accountingSystem,
        ACCOUNTING_SYSTEMS.map((s) => ({ value: s, label: t.enrol.accountingSystems[s] })),
      )}`;
  }

  private renderContact(): TemplateResult {
    const t = this.localize.t.enrol;
    return html`${this.textInput('address.line', t.addressLine, { autocomplete: 'street-address' })}
      <div class="row">
        ${this.textInput('address.postalCode', t.postalCode, { autocomplete: 'postal-code' })}
        ${this.textInput('address.city', t.city, { autocomplete: 'address-level2' })}
      </div>
      ${this.textInput('contact.name', t.contactName, { autocomplete: 'name' })}
      ${this.textInput('contact.email', t.email, { type: 'email', autocomplete: 'email', hint: t.emailHint })}
      ${this.textInput('contact.phone', t.phone, { type: 'tel', autocomplete: 'tel', hint: t.phoneHint, optional: true })}`;
  }

  private renderPayout(): TemplateResult {
    const t = this.localize.t.enrol;
    const kind = this.draft.values['payoutAccount.kind'] as PayoutKind;
    return html`<fieldset>
        <legend>${t.payoutKind}</legend>
        <div class="choices">
          ${PAYOUT_KINDS.map(
            (k) => html`<label class="choice">
              <input
                type="radio"
                name="payout-kind"
                value=${k}
                .checked=${k === kind}
                @change=${() => this.setValue('payoutAccount.kind', k)}
              />
              ${t.payoutKinds[k]}
            </label>`,
          )}
        </div>
      </fieldset>
      ${kind === 'iban' ? this.textInput('payoutAccount.iban', t.iban, { hint: t.ibanHint }) : nothing}
      ${kind === 'dk_account'
        ? html`<div class="row">
            ${this.textInput('payoutAccount.registrationNumber', t.registrationNumber, { hint: t.registrationNumberHint, inputmode: 'numeric' })}
            ${this.textInput('payoutAccount.accountNumber', t.accountNumber, { inputmode: 'numeric' })}
          </div>`
        : nothing}
      ${kind === 'se_bankgiro' ? this.textInput('payoutAccount.bankgiro', t.bankgiro, { hint: t.bankgiroHint, inputmode: 'numeric' }) : nothing}
      <fieldset>
        <legend>${t.consents}</legend>
        ${this.checkbox('consents.terms', t.consentTerms)} ${this.checkbox('consents.dataProcessing', t.consentDataProcessing)}
        ${this.checkbox('consents.marketing', `${t.consentMarketing} (${this.localize.t.common.optional})`, true)}
      </fieldset>`;
  }

  private renderAgreement(): TemplateResult {
    const t = this.localize.t.enrol;
    return html`<p>${t.agreementIntro}</p>
      <div class="agreement" part="agreement">
        ${this.agreement
          ? html`<a href=${this.agreement.objectUrl} target="_blank" rel="noopener" download="agreement.pdf" data-agreement-link>${t.openAgreement}</a>
              <p class="fingerprint">
                <span id="fingerprint-label">${t.agreementFingerprint}:</span>
                <code aria-labelledby="fingerprint-label" data-sha256>${this.agreement.sha256}</code>
              </p>`
          : html`<p role="status">${t.agreementLoading}</p>`}
      </div>
      ${this.textInput('sign.name', t.signName, { autocomplete: 'name', hint: t.signNameHint })} ${this.checkbox('sign.consent', t.signConsent)}`;
  }

  private renderPassword(): TemplateResult {
    const t = this.localize.t.enrol;
    const field = (name: 'password' | 'password.repeat', label: string, hint?: string) => {
      const id = domId(name);
      const error = this.shownError(name);
      return html`<div class="field">
        <label for=${id}>${label}</label>
        ${hint ? html`<span id=${`${id}-hint`} class="hint">${hint}</span>` : nothing}
        <input
          id=${id}
          type="password"
          autocomplete="new-password"
          required
          minlength="10"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy(hint && `${id}-hint`, error && `${id}-error`)}
          @input=${() => {
            this.clearServerError(name);
            this.requestUpdate();
          }}
          @blur=${() => this.touch(name)}
        />
        ${renderFieldError(`${id}-error`, error)}
      </div>`;
    };
    return html`${this.signedBy ? html`<p>${t.signedBy(this.signedBy)}</p>` : nothing}
      <input type="email" class="visually-hidden" autocomplete="username" .value=${this.draft.values['contact.email']} readonly tabindex="-1" aria-hidden="true" />
      ${field('password', t.password, t.passwordHint)} ${field('password.repeat', t.passwordRepeat)}`;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const e = t.enrol;
    const titles = [e.stepCompany, e.stepContact, e.stepPayout, e.stepAgreement, e.stepPassword, e.stepDone];
    const bodies = [
      () => this.renderCompany(),
      () => this.renderContact(),
      () => this.renderPayout(),
      () => this.renderAgreement(),
      () => this.renderPassword(),
    ];
    const primary = [t.common.next, t.common.next, e.createAgreement, e.sign, e.setPassword][this.step];
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'}>
      <h2 id="title" class="title" part="title">${e.title}</h2>
      <p class="intro">${e.intro}</p>
      <ol class="progress" part="progress">
        ${titles.slice(0, DONE).map(
          (title, i) => html`<li class=${i < this.step ? 'done' : ''} aria-current=${i === this.step ? 'step' : nothing}>${title}</li>`,
        )}
      </ol>
      ${this.step === DONE
        ? html`<div class="step done-step" part="step done">
            <h3 id="heading-5" class="step-heading" part="heading" tabindex="-1">${titles[DONE]}</h3>
            <p>${e.done(this.draft.values['company.name'])}</p>
            <p class="note">${e.doneNote}</p>
          </div>`
        : html`<form novalidate @submit=${this.onSubmit}>
            <div class="step" part="step">
              <h3 id=${`heading-${this.step}`} class="step-heading" part="heading" tabindex="-1">
                <span class="visually-hidden">${t.common.stepOf(this.step + 1, DONE)}: </span>${titles[this.step]}
              </h3>
              ${bodies[this.step]!()}
            </div>
            ${this.failure ? html`<p class="alert" role="alert">${this.failure}</p>` : nothing}
            <div class="nav" part="nav">
              ${this.step > 0 && this.step < AGREEMENT
                ? html`<button type="button" part="button" @click=${this.back}>${t.common.back}</button>`
                : nothing}
              <button type="submit" class="primary" part="button button-primary" ?disabled=${this.busy}>
                ${this.busy ? e.working : primary}
              </button>
            </div>
          </form>`}
      ${this.announcer.render()}
    </section>`;
  }
}
