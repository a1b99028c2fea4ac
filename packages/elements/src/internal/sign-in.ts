import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isCollectkitApiError } from '@collectkit/sdk';
import type { CaseApi } from '../collect-case/case-api.js';
import type { LiveAnnouncer } from '../controls/live-announcer.js';
import { emit } from '../events.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import { announceFailure, caseFailure } from './api-errors.js';
import { domId, textField } from './fields.js';

/**
 * The member's sign-in, shared by <collect-case> and <collect-status>: rendered into the element's
 * own shadow root (labels beside their inputs) in place of its content while nobody is signed in,
 * speaking through the element's live region.
 *
 * - e-mail + password → `POST /v1/sessions`; the server sets the session cookie and the element
 *   loads as signed in (`onSignedIn`), with `collect-change` `{ field: 'session', value: 'member' }` (the session's role).
 * - wrong e-mail or password → one message on the password field, the same whether or not the
 *   address has an account (so is the server's 401); 429 → its own message.
 * - "forgot password" → `POST /v1/password-resets` and a neutral confirmation.
 * - `signOut()` → `DELETE /v1/sessions/current`, `collect-change` `{ field: 'session', value: null }`.
 */

type Field = 'signIn.email' | 'signIn.password';
type Mode = 'sign-in' | 'forgot' | 'sent';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SignInHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface SignInOptions {
  localize: LocalizeController;
  announcer: LiveAnnouncer;
  /** The element's API client, or null when it is not configured (it then shows why itself). */
  api: () => CaseApi | null;
  /** Called once signed in: the element loads what it shows a member. */
  signedIn: () => Promise<void> | void;
  /** Called once signed out: the element forgets what it showed. */
  signedOut: () => void;
}

export class SignInController implements ReactiveController {
  private readonly host: SignInHost;
  private readonly options: SignInOptions;
  private mode: Mode = 'sign-in';
  private email = '';
  private password = '';
  private errors: Partial<Record<Field, string>> = {};
  private busy = false;
  private focusAfterUpdate: string | null = null;

  constructor(host: SignInHost, options: SignInOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const target = this.focusAfterUpdate;
    if (target === null) return;
    this.focusAfterUpdate = null;
    this.host.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  private get t() {
    return this.options.localize.t;
  }

  private update(focus?: string): void {
    if (focus) this.focusAfterUpdate = focus;
    this.host.requestUpdate();
  }

  /** Shows the field errors, focuses the first and announces how many; false when there are any. */
  private check(fields: readonly Field[]): boolean {
    const t = this.t;
    const errors: Partial<Record<Field, string>> = {};
    for (const field of fields) {
      const value = field === 'signIn.email' ? this.email.trim() : this.password;
      if (!value) errors[field] = t.controls.required;
      else if (field === 'signIn.email' && !EMAIL.test(value)) errors[field] = t.case.errors.invalidEmail;
    }
    this.errors = errors;
    const invalid = fields.filter((f) => errors[f]);
    if (invalid.length === 0) return true;
    this.update(`#${domId(invalid[0]!)}`);
    this.options.announcer.announce(t.controls.errorCount(invalid.length), 'assertive');
    return false;
  }

  /** A refused call: 401 on sign-in and 429 are the form's own messages, the rest the elements' alert words. */
  private refused(error: unknown, fieldOn401: Field | null): void {
    const { announcer } = this.options;
    const t = this.t;
    if (isCollectkitApiError(error, 'rate_limited')) {
      this.errors = { 'signIn.email': t.signIn.rateLimited };
      this.update(`#${domId('signIn.email')}`);
      announceFailure(this.host, announcer, { code: 'rate_limited', shown: t.signIn.rateLimited, message: error.message, field: 'email' });
      return;
    }
    if (fieldOn401 && isCollectkitApiError(error, 'authentication')) {
      this.errors = { [fieldOn401]: t.signIn.wrongCredentials };
      this.password = '';
      this.update(`#${domId(fieldOn401)}`);
      announceFailure(this.host, announcer, { code: 'unauthorized', shown: t.signIn.wrongCredentials, message: error.message, field: 'password' });
      return;
    }
    const failure = caseFailure(error, t.case.errors);
    this.errors = { 'signIn.email': failure.shown };
    this.update(`#${domId('signIn.email')}`);
    announceFailure(this.host, announcer, failure);
  }

  private async run(work: (api: CaseApi) => Promise<void>): Promise<void> {
    const api = this.options.api();
    if (!api || this.busy) return;
    this.busy = true;
    this.update();
    try {
      await work(api);
    } finally {
      this.busy = false;
      this.update();
    }
  }

  private readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.mode === 'forgot') return this.requestReset();
    if (!this.check(['signIn.email', 'signIn.password'])) return;
    await this.run(async (api) => {
      try {
        const session = await api.signIn(this.email.trim(), this.password);
        this.password = '';
        this.errors = {};
        this.options.announcer.announce(this.t.signIn.signedIn);
        emit(this.host, 'collect-change', { field: 'session', value: session.role });
        await this.options.signedIn();
      } catch (error) {
        this.refused(error, 'signIn.password');
      }
    });
  };

  private async requestReset(): Promise<void> {
    if (!this.check(['signIn.email'])) return;
    await this.run(async (api) => {
      try {
        await api.requestPasswordReset(this.email.trim());
        this.errors = {};
        this.mode = 'sent';
        this.update('#signin-sent');
        this.options.announcer.announce(this.t.signIn.resetSent);
      } catch (error) {
        this.refused(error, null);
      }
    });
  }

  private show(mode: Mode, focus: string): void {
    this.mode = mode;
    this.errors = {};
    this.update(focus);
  }

  /** Ends the session; the element then shows the sign-in form again. */
  async signOut(): Promise<void> {
    await this.run(async (api) => {
      try {
        await api.signOut();
      } catch (error) {
        // Already ended elsewhere (401): signed out all the same.
        if (!isCollectkitApiError(error, 'authentication')) {
          announceFailure(this.host, this.options.announcer, caseFailure(error, this.t.case.errors));
          return;
        }
      }
      this.mode = 'sign-in';
      this.email = '';
      this.password = '';
      this.errors = {};
      this.options.signedOut();
      this.options.announcer.announce(this.t.signIn.signedOut);
      emit(this.host, 'collect-change', { field: 'session', value: null });
      this.update('#signin-heading');
    });
  }

  /** The sign-out button, for the element's signed-in view. */
  renderSignOut(): TemplateResult {
    return html`<div class="session"><button type="button" id="sign-out" part="button sign-out" @click=${() => this.signOut()}>${this.t.signIn.signOut}</button></div>`;
  }

  private field(field: Field, label: string, value: string, type: string, autocomplete: string, set: (text: string) => void): TemplateResult {
    return textField(
      field,
      label,
      {
        value,
        error: this.errors[field] ?? '',
        optionalText: this.t.common.optional,
        onInput: (text) => {
          set(text);
          if (this.errors[field]) {
            this.errors = { ...this.errors, [field]: undefined };
            this.update();
          }
        },
        onBlur: () => {},
      },
      { type, autocomplete },
    );
  }

  render(): TemplateResult {
    const t = this.t.signIn;
    const forgot = this.mode !== 'sign-in';
    const email = this.field('signIn.email', t.email, this.email, 'email', 'username', (text) => (this.email = text));
    return html`<form class="sign-in" part="sign-in" novalidate aria-labelledby="signin-heading" @submit=${this.submit}>
      <h3 id="signin-heading" class="step-heading" tabindex="-1">${forgot ? t.forgotHeading : t.heading}</h3>
      ${this.mode === 'sent'
        ? html`<p id="signin-sent" tabindex="-1">${t.resetSent}</p>`
        : forgot
          ? html`<p>${t.forgotIntro}</p>
              ${email}`
          : html`${email}
              ${this.field('signIn.password', t.password, this.password, 'password', 'current-password', (text) => (this.password = text))}`}
      <div class="nav" part="nav">
        ${forgot
          ? html`<button type="button" class="link" part="button" @click=${() => this.show('sign-in', `#${domId('signIn.email')}`)}>${t.backToSignIn}</button>`
          : html`<button type="button" class="link" part="button" id="forgot-password" @click=${() => this.show('forgot', '#signin-heading')}>${t.forgotPassword}</button>`}
        ${this.mode === 'sent'
          ? nothing
          : html`<button type="submit" class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>
              ${forgot ? t.sendReset : this.busy ? t.submitting : t.submit}
            </button>`}
      </div>
    </form>`;
  }
}
