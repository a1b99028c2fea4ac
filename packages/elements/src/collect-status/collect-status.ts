import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  CASE_STAGES,
  addDays,
  addMoney,
  isCollectkitApiError,
  isIsoDate,
  newIdempotencyKey,
  type IsoDate,
  type Money,
} from '@collectkit/sdk';
import { CollectDateInput } from '../controls/date-input.js';
import { describedBy, fieldError as renderFieldError } from '../controls/field-error.js';
import { CollectFileDrop, type FileUploader } from '../controls/file-drop.js';
import type { FormControlElement } from '../controls/form-control.js';
import { LiveAnnouncer } from '../controls/live-announcer.js';
import { CollectMoneyInput } from '../controls/money-input.js';
import { emit, type CollectErrorCode } from '../events.js';
import { LocalizedElement } from '../i18n/localized-element.js';
import { announceFailure, caseFailure, isConfigured, isSignedOutError, MISSING_CONFIG_MESSAGE } from '../internal/api-errors.js';
import { SignInController } from '../internal/sign-in.js';
import { todayIso } from '../internal/today.js';
import { controlStyles } from '../theme/controls.styles.js';
import { panelStyles, quoteLineStyles } from '../theme/panel.styles.js';
import { tokens } from '../theme/tokens.styles.js';
import {
  caseApi,
  type CaseApi,
  type CaseDocument,
  type CaseEvent,
  type CaseMessage,
  type CaseStage,
  type CaseSummary,
  type CaseView,
  type InstalmentPlanView,
  type StatementView,
  type WithdrawalQuote,
} from '../collect-case/case-api.js';
import { fieldOfIssuePath } from '../collect-case/case-form.js';
import { caseStyles } from '../collect-case/collect-case.styles.js';
import { PLAN_EVENT_TYPES, timelineLines, type LineFormat } from './event-lines.js';

const statusStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }

  .panel {
    margin-block: calc(var(--_space) * 1.25);
  }

  .timeline,
  .messages {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .timeline li,
  .messages li {
    padding-block: 0.4em;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 25%, var(--_surface));
  }

  .messages li[data-author='operator'] {
    border-inline-start: 4px solid var(--_primary);
    padding-inline-start: 0.6em;
  }

  time,
  .author {
    color: var(--_muted);
    font-size: 0.875em;
    margin-inline-end: 0.5em;
  }

  .author {
    font-weight: 600;
  }

  .message-body {
    white-space: pre-wrap;
    margin: 0.2em 0 0;
  }

  .withdrawal {
    border-inline-start: 4px solid var(--_danger);
    padding: 0.5em var(--_space);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }

  .withdrawal-fee:focus {
    outline: none;
  }

  .withdrawal-fee:focus-visible {
    box-shadow: var(--_focus);
  }

  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
`;

/** At most this many list pages (100 cases each) are read for the list and its totals. */
const MAX_LIST_PAGES = 20;

interface OpenCase {
  readonly case: CaseView;
  readonly events: readonly CaseEvent[];
  readonly messages: readonly CaseMessage[];
  readonly documents: readonly CaseDocument[];
  readonly statement: StatementView | null;
  /** The latest instalment plan or proposal; null when the case never had one. */
  readonly plan: InstalmentPlanView | null;
}

/** A plan the member is shown: one waiting for the debtor or running (a cancelled or lapsed one is told by the timeline). */
const SHOWN_PLAN_STATUSES = ['proposed', 'agreed', 'completed'] as const satisfies readonly InstalmentPlanView['status'][];
type ShownPlan = InstalmentPlanView & { status: (typeof SHOWN_PLAN_STATUSES)[number] };
const isShownPlan = (plan: InstalmentPlanView | null): plan is ShownPlan => plan !== null && (SHOWN_PLAN_STATUSES as readonly string[]).includes(plan.status);

const hasPlanEvent = (events: readonly CaseEvent[]) => events.some((e) => e.type.startsWith('instalment_plan.'));

interface InvoiceDraft {
  number: string;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  amount: Money | null;
}

/**
 * @summary The signed-in member's cases (a member who is not signed in gets the sign-in form, with
 * "forgot password"; a signed-in one a sign-out button): a list with stage and amounts, a stage filter and totals
 * by stage; and one case's detail — its timeline (a line in the member's language for every event,
 * amounts and dates formatted), the instalment plan's schedule when there is one, messages with the
 * case handler, documents (add more), more invoices, the payout statement, and withdrawal with its fee
 * shown before confirming.
 *
 * An open case follows its events live through the sdk's long-poll `watch` (one request open at a
 * time, held up to 25 s by the server); the watch stops when the case is closed or the element
 * leaves the page. News from the case handler is announced.
 *
 * @event collect-ready - Once, after the first render. `detail: { element }`.
 * @event collect-change - When the filter changes (`field: 'stage'`) or a case is opened (`field: 'case'`, `value`: its id) or closed (`value: null`); on sign-in (`field: 'session'`, `value`: the role, `'member'`) and sign-out (`value: null`).
 * @event collect-submit - When something is sent on a case: `detail: { payload, reference }` with `reference` the case number and `payload` `{ action: 'message' | 'invoices' | 'withdrawal', … }`.
 * @event collect-error - `detail: { code, message, field? }`; codes `invalid_config`, `unauthorized` (also a wrong e-mail or password), `rate_limited`, `network_error`, `validation_failed`, `conflict`, `server_error`.
 *
 * @csspart base - The wrapper.
 * @csspart title - The title.
 * @csspart filters - The stage filter.
 * @csspart totals - The totals by stage.
 * @csspart list - The table of cases.
 * @csspart detail - One case's detail.
 * @csspart heading - The open case's heading (focused when it opens).
 * @csspart timeline - The case's events.
 * @csspart instalment-plan - The instalment plan and its schedule (when the case has one proposed or agreed).
 * @csspart messages - The messages with the case handler.
 * @csspart documents - The case's documents.
 * @csspart invoices - The invoices and the form to add more.
 * @csspart statement - The payout statement.
 * @csspart withdrawal - Withdrawal, with its fee.
 * @csspart button - Every button.
 * @csspart button-primary - The main button of each form.
 * @csspart sign-in - The sign-in form (shown when nobody is signed in).
 * @csspart sign-out - The sign-out button.
 * @csspart live-region - The visually hidden live region.
 *
 * @cssprop --collect-color-primary - Buttons, focus ring, the case handler's messages. Default #1f4fa3.
 * @cssprop --collect-color-on-primary - Text on primary buttons. Default #ffffff.
 * @cssprop --collect-color-text - Body text. Default #1d2433.
 * @cssprop --collect-color-surface - Background. Default #ffffff.
 * @cssprop --collect-color-border - Field borders and rules. Default #6b7385.
 * @cssprop --collect-color-danger - Errors and the withdrawal box. Default #b3261e.
 * @cssprop --collect-radius - Corner radius. Default 6px.
 * @cssprop --collect-font-family - Font. Default: the page's (inherited).
 * @cssprop --collect-space - Base spacing. Default 1em.
 */
export class CollectStatus extends LocalizedElement {
  static dependencies = { 'collect-money-input': CollectMoneyInput, 'collect-date-input': CollectDateInput, 'collect-file-drop': CollectFileDrop };
  static override styles = [tokens, controlStyles, panelStyles, quoteLineStyles, caseStyles, statusStyles];


  private readonly announcer = new LiveAnnouncer(this);
  private readonly session = new SignInController(this, {
    localize: this.localize,
    announcer: this.announcer,
    api: () => this.client(),
    signedIn: async () => {
      this.signedOut = false;
      this.failure = '';
      this.focusAfterUpdate = '#title';
      await this.load();
    },
    signedOut: () => this.forget(),
  });

  /** The association's publishable key (`pk_…`). */
  @property({ attribute: 'publishable-key' }) publishableKey = '';
  /** Base URL of the Collectkit API, e.g. `https://collect.example.org`. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** Language of the list; inherited from the page when unset. */
  @property({ reflect: true }) override lang!: string;
  /** Reserved: the member's country comes from the session (accepted for symmetry with the other elements). */
  @property() country = '';
  /** Open this case (`cs_…`) when the element starts. */
  @property({ attribute: 'case-id' }) caseId = '';

  @state() private cases: CaseSummary[] | null = null;
  /** The list could not be loaded (not signed in, no config, offline): its alert replaces "loading". */
  @state() private listFailed = false;
  /** The API said nobody is signed in: the sign-in form replaces the list. */
  @state() private signedOut = false;
  @state() private stageFilter: CaseStage | '' = '';
  @state() private open: OpenCase | null = null;
  @state() private withdrawal: WithdrawalQuote | null = null;
  @state() private busy = false;
  @state() private failure = '';
  @state() private messageError = '';
  @state() private invoiceDraft: InvoiceDraft = { number: '', issueDate: null, dueDate: null, amount: null };
  @state() private invoiceErrors: Partial<Record<'number' | 'issueDate' | 'dueDate' | 'amount', string>> = {};

  private api: CaseApi | null = null;
  private watching: AbortController | null = null;
  private focusAfterUpdate: string | null = null;
  private invoiceKey: { key: string; json: string } | null = null;

  /** Whether the open case's live watch is running (for tests and host pages). */
  get live(): boolean {
    return this.watching !== null && !this.watching.signal.aborted;
  }

  /** The cases listed (all stages), newest first; null until loaded. */
  get items(): readonly CaseSummary[] | null {
    return this.cases;
  }

  // --- lifecycle -----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page (moved in the DOM): resume following the open case.
    if (this.open && !this.live) this.startWatching(this.open.case.id, this.open.events.at(-1)?.id);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching();
  }

  protected override firstUpdated(): void {
    emit(this, 'collect-ready', { element: this.localName });
    void this.load();
  }

  protected override updated(): void {
    const target = this.focusAfterUpdate;
    if (target === null) return;
    this.focusAfterUpdate = null;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  private client(): CaseApi | null {
    if (!isConfigured(this)) {
      this.fail('invalid_config', this.localize.t.case.errors.missingConfig, MISSING_CONFIG_MESSAGE);
      return null;
    }
    this.api ??= caseApi({ apiBase: this.apiBase, publishableKey: this.publishableKey });
    return this.api;
  }

  private async load(): Promise<void> {
    await this.refreshList();
    if (this.caseId) await this.openCase(this.caseId);
  }

  /** Reloads the list (every page, up to MAX_LIST_PAGES): the totals are over all the member's cases. */
  async refreshList(): Promise<void> {
    const api = this.client();
    if (!api) {
      this.listFailed = true;
      return;
    }
    this.listFailed = false;
    try {
      const all: CaseSummary[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_LIST_PAGES; page++) {
        const { data, nextCursor } = await api.listCases({ cursor, limit: 100 });
        all.push(...data);
        if (!nextCursor) break;
        cursor = nextCursor;
      }
      this.cases = all;
    } catch (error) {
      this.listFailed = true;
      this.handleFailure(error);
    }
  }

  // --- one case ------------------------------------------------------------------------------

  /** Opens a case's detail and starts following it live. */
  async openCase(id: string): Promise<void> {
    const api = this.client();
    if (!api) return;
    this.stopWatching();
    this.failure = '';
    this.withdrawal = null;
    try {
      const [found, [events, plan], messages, documents, statement] = await Promise.all([
        api.getCase(id),
        // The plan only for a case whose events have one: most cases never do, and need no extra request.
        this.allEvents(api, id).then(async (events) => [events, hasPlanEvent(events) ? await api.instalmentPlan(id) : null] as const),
        api.messages(id),
        api.documents(id),
        api.statement(id).catch(() => null),
      ]);
      this.open = { case: found, events, messages, documents, statement, plan };
      this.focusAfterUpdate = '#case-heading';
      emit(this, 'collect-change', { field: 'case', value: id });
      this.startWatching(id, events.at(-1)?.id);
    } catch (error) {
      this.handleFailure(error);
    }
  }

  private async allEvents(api: CaseApi, id: string): Promise<CaseEvent[]> {
    const events: CaseEvent[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await api.events(id, { after });
      events.push(...page.data);
      if (page.data.length < 100 || !page.nextCursor) return events;
      after = page.nextCursor;
    }
  }

  /** Signed out: nothing of the member's is kept on screen. */
  private forget(): void {
    this.stopWatching();
    this.signedOut = true;
    this.cases = null;
    this.listFailed = true;
    this.open = null;
    this.withdrawal = null;
    this.failure = '';
  }

  private closeCase(): void {
    const id = this.open?.case.id;
    this.stopWatching();
    this.open = null;
    this.withdrawal = null;
    emit(this, 'collect-change', { field: 'case', value: null });
    this.focusAfterUpdate = id ? `[data-open="${id}"]` : '#title';
    void this.refreshList();
  }

  private startWatching(id: string, after: string | undefined): void {
    const api = this.api;
    if (!api) return;
    const controller = new AbortController();
    this.watching = controller;
    void (async () => {
      try {
        for await (const event of api.watch(id, { after, signal: controller.signal })) {
          if (controller.signal.aborted) return;
          await this.onEvent(api, id, event);
        }
      } catch (error) {
        if (!controller.signal.aborted) this.handleFailure(error);
      } finally {
        if (this.watching === controller) this.watching = null;
      }
    })();
  }

  private stopWatching(): void {
    this.watching?.abort();
    this.watching = null;
  }

  /** One event from the watch: into the timeline, and what it changed is fetched again. */
  private async onEvent(api: CaseApi, id: string, event: CaseEvent): Promise<void> {
    const current = this.open;
    if (!current || current.case.id !== id || current.events.some((e) => e.id === event.id)) return;
    this.open = { ...current, events: [...current.events, event] };
    const refreshed: { -readonly [K in keyof OpenCase]?: OpenCase[K] } = { case: await api.getCase(id) };
    if (event.type === 'message.posted') {
      refreshed.messages = await api.messages(id);
      if (event.data['authorRole'] === 'operator') this.announcer.announce(this.localize.t.status.newMessage);
    }
    if (event.type === 'document.added') refreshed.documents = await api.documents(id);
    if (event.type === 'payment.received' || event.type === 'payout.created') refreshed.statement = await api.statement(id).catch(() => null);
    // A plan proposed, agreed, cancelled or missed, or a payment or stage change that moves its instalments.
    if (PLAN_EVENT_TYPES.includes(event.type) && (current.plan !== null || event.type.startsWith('instalment'))) refreshed.plan = await api.instalmentPlan(id);
    if (this.open?.case.id === id) this.open = { ...this.open, ...refreshed };
    if (event.type !== 'message.posted' || event.data['authorRole'] === 'operator') {
      this.announcer.announce(this.localize.t.status.updated(current.case.number));
    }
  }

  private async sendMessage(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const open = this.open;
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>('#message')!;
    const body = textarea.value.trim();
    if (!body) {
      this.messageError = this.localize.t.controls.required;
      textarea.focus();
      this.announcer.announce(this.messageError, 'assertive');
      return;
    }
    if (!open || this.busy) return;
    await this.run(async (api) => {
      const message = await api.sendMessage(open.case.id, body);
      textarea.value = '';
      this.messageError = '';
      if (this.open?.case.id === open.case.id && !this.open.messages.some((m) => m.id === message.id)) {
        this.open = { ...this.open, messages: [...this.open.messages, message] };
      }
      this.announcer.announce(this.localize.t.status.messageSent);
      emit(this, 'collect-submit', { payload: { action: 'message', body }, reference: open.case.number });
    });
  }

  private async addInvoices(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const open = this.open;
    if (!open || this.busy) return;
    const t = this.localize.t;
    const errors: typeof this.invoiceErrors = {};
    const d = this.invoiceDraft;
    if (!d.number.trim()) errors.number = t.controls.required;
    const invalid: string[] = [];
    if (errors.number) invalid.push('#more-number');
    for (const part of ['issueDate', 'dueDate', 'amount'] as const) {
      const control = this.renderRoot.querySelector<FormControlElement<unknown>>(`#more-${part}`);
      if (control && !control.showValidity()) invalid.push(`#more-${part}`);
    }
    if (d.issueDate && d.dueDate && d.dueDate < d.issueDate) {
      errors.dueDate = t.case.dueBeforeIssue;
      invalid.push('#more-dueDate');
    }
    this.invoiceErrors = errors;
    if (invalid.length > 0) {
      this.focusAfterUpdate = invalid[0]!;
      this.requestUpdate();
      this.announcer.announce(t.controls.errorCount(invalid.length), 'assertive');
      return;
    }
    const request = { invoices: [{ number: d.number.trim(), issueDate: d.issueDate!, dueDate: d.dueDate!, amount: d.amount! }] };
    const json = JSON.stringify([open.case.id, request]);
    // One key per request sent: a retry of the same invoices is one addition.
    if (this.invoiceKey?.json !== json) this.invoiceKey = { key: newIdempotencyKey(), json };
    const key = this.invoiceKey.key;
    await this.run(async (api) => {
      try {
        const updated = await api.addInvoices(open.case.id, request, key);
        if (this.open?.case.id === open.case.id) this.open = { ...this.open, case: updated };
        this.invoiceDraft = { number: '', issueDate: null, dueDate: null, amount: null };
        this.invoiceKey = null;
        for (const control of this.renderRoot.querySelectorAll<FormControlElement<unknown>>('.more-invoices collect-date-input, .more-invoices collect-money-input')) {
          control.value = null;
        }
        this.announcer.announce(t.status.invoicesAdded(1));
        emit(this, 'collect-submit', { payload: { action: 'invoices', ...request }, reference: open.case.number });
      } catch (error) {
        const issue = isCollectkitApiError(error, 'invalid_request') ? error.issues[0] : undefined;
        const field = issue ? fieldOfIssuePath(issue.path, 1) : undefined;
        const part = field?.startsWith('invoices.') ? (field.split('.')[2] as keyof InvoiceDraft) : undefined;
        if (!part) throw error;
        this.invoiceErrors = { [part]: t.case.errors.refused };
        this.focusAfterUpdate = `#more-${part}`;
        this.announcer.announce(`${t.controls.errorCount(1)} ${t.case.errors.refused}`, 'assertive');
        emit(this, 'collect-error', { code: 'validation_failed', message: error instanceof Error ? error.message : '', field: `invoices.0.${part}` });
      }
    });
  }

  /** Shows what withdrawing costs now, before anything is withdrawn. */
  private async previewWithdrawal(): Promise<void> {
    const open = this.open;
    if (!open) return;
    await this.run(async (api) => {
      this.withdrawal = await api.withdrawalQuote(open.case.id);
      this.focusAfterUpdate = '.withdrawal-fee';
    });
  }

  private async confirmWithdrawal(): Promise<void> {
    const open = this.open;
    if (!open || !this.withdrawal?.allowed) return;
    const reason = this.renderRoot.querySelector<HTMLTextAreaElement>('#withdrawal-reason')?.value.trim() || undefined;
    await this.run(async (api) => {
      const result = await api.withdraw(open.case.id, reason, newIdempotencyKey());
      if (result.case && this.open?.case.id === open.case.id) this.open = { ...this.open, case: result.case };
      this.withdrawal = null;
      this.announcer.announce(this.localize.t.status.withdrawn);
      this.focusAfterUpdate = '#case-heading';
      emit(this, 'collect-submit', { payload: { action: 'withdrawal', reason: reason ?? null, fee: result.fee }, reference: open.case.number });
    });
  }

  private cancelWithdrawal(): void {
    this.withdrawal = null;
    this.focusAfterUpdate = '#withdraw';
  }

  private readonly uploadToCase: FileUploader = (file, kind, options) => {
    const api = this.client();
    const id = this.open?.case.id;
    if (!api || !id) return Promise.reject(new Error('no case open'));
    return api.uploadDocument(id, file, kind, options);
  };

  private async onDocumentsChanged(): Promise<void> {
    const api = this.api;
    const id = this.open?.case.id;
    if (!api || !id) return;
    const documents = await api.documents(id);
    if (this.open?.case.id === id) this.open = { ...this.open, documents };
  }

  private async run(work: (api: CaseApi) => Promise<void>): Promise<void> {
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

  private fail(code: CollectErrorCode, shown: string, message: string, field?: string): void {
    this.failure = shown;
    announceFailure(this, this.announcer, { code, shown, message, field });
  }

  /** One alert for every failure; a refused request names its first issue's path as the field. */
  private handleFailure(error: unknown): void {
    if (isSignedOutError(error)) this.forget();
    const failure = caseFailure(error, this.localize.t.case.errors, { issueField: true });
    this.fail(failure.code, failure.shown, failure.message, failure.field);
  }

  // --- rendering -----------------------------------------------------------------------------

  private money(value: Money): string {
    return this.localize.formatMoney(value);
  }

  /** Amounts of several currencies summed per currency: `1.250,00 kr. + 300,00 €`. */
  private sums(values: readonly Money[]): string {
    const byCurrency = new Map<string, Money>();
    for (const value of values) {
      const sum = byCurrency.get(value.currency);
      byCurrency.set(value.currency, sum ? addMoney(sum, value) : value);
    }
    return [...byCurrency.values()].map((m) => this.money(m)).join(' + ') || '–';
  }

  private dateOf(iso: string): string {
    return this.localize.formatDate(iso.slice(0, 10), { dateStyle: 'medium' });
  }

  private timeOf(iso: string): string {
    return new Intl.DateTimeFormat(this.localize.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  private renderList(): TemplateResult {
    const t = this.localize.t.status;
    const cases = this.cases;
    if (cases === null) return this.listFailed ? html`` : html`<p role="status">${t.loading}</p>`;
    const shown = this.stageFilter ? cases.filter((c) => c.stage === this.stageFilter) : cases;
    const stages = CASE_STAGES.filter((stage) => cases.some((c) => c.stage === stage));
    return html`<div class="filters" part="filters">
        <div class="field">
          <label for="stage-filter">${t.filterStage}</label>
          <select
            id="stage-filter"
            @change=${(e: Event) => {
              this.stageFilter = (e.target as HTMLSelectElement).value as CaseStage | '';
              emit(this, 'collect-change', { field: 'stage', value: this.stageFilter || null });
            }}
          >
            <option value="" ?selected=${this.stageFilter === ''}>${t.allStages}</option>
            ${CASE_STAGES.map((stage) => html`<option value=${stage} ?selected=${this.stageFilter === stage}>${t.stages[stage]}</option>`)}
          </select>
        </div>
      </div>
      <section class="panel" part="totals" aria-labelledby="totals-title">
        <h3 id="totals-title">${t.totalsByStage}</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">${t.stage}</th>
              <th scope="col" class="amount">${t.caseNumber}</th>
              <th scope="col" class="amount">${t.principal}</th>
              <th scope="col" class="amount">${t.outstanding}</th>
            </tr>
          </thead>
          <tbody>
            ${stages.map((stage) => {
              const inStage = cases.filter((c) => c.stage === stage);
              return html`<tr data-stage=${stage}>
                <th scope="row">${t.stages[stage]}</th>
                <td class="amount" data-count>${t.caseCount(inStage.length)}</td>
                <td class="amount" data-principal>${this.sums(inStage.map((c) => c.totals.principal))}</td>
                <td class="amount" data-outstanding>${this.sums(inStage.map((c) => c.totals.outstanding))}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </section>
      ${shown.length === 0
        ? html`<p>${t.empty}</p>`
        : html`<table part="list" aria-labelledby="title">
            <thead>
              <tr>
                <th scope="col">${t.caseNumber}</th>
                <th scope="col">${t.debtor}</th>
                <th scope="col">${t.stage}</th>
                <th scope="col" class="amount">${t.principal}</th>
                <th scope="col" class="amount">${t.outstanding}</th>
                <th scope="col">${t.submittedOn}</th>
              </tr>
            </thead>
            <tbody>
              ${shown.map(
                (c) => html`<tr data-case=${c.id}>
                  <td>
                    <button type="button" class="link" part="button" data-open=${c.id} aria-label=${t.open(c.number)} @click=${() => this.openCase(c.id)}>${c.number}</button>
                  </td>
                  <td>${c.debtorName}</td>
                  <td data-stage=${c.stage}>${t.stages[c.stage]}</td>
                  <td class="amount">${this.money(c.totals.principal)}</td>
                  <td class="amount">${this.money(c.totals.outstanding)}</td>
                  <td>${this.dateOf(c.createdAt)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}`;
  }

  /** Money, dates and lists in the element's language, for the timeline's lines. */
  private readonly lineFormat: LineFormat = {
    money: (value) => this.money(value),
    date: (value) => this.localize.formatDate(value, { dateStyle: 'medium' }),
    list: (items) => new Intl.ListFormat(this.localize.locale, { type: 'conjunction' }).format(items),
  };

  private renderPlan(plan: ShownPlan): TemplateResult {
    const t = this.localize.t.status.plan;
    return html`<section class="panel" part="instalment-plan" aria-labelledby="plan-title" data-plan-status=${plan.status}>
      <h4 id="plan-title">${t.title}</h4>
      <p data-plan-summary><strong>${t.statuses[plan.status]}.</strong> ${t.summary(plan.instalments.length, this.money(plan.total))}${plan.planFee ? html` ${t.planFee(this.money(plan.planFee))}` : nothing}</p>
      <table data-plan-schedule>
        <caption>${t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.number}</th>
            <th scope="col">${t.dueOn}</th>
            <th scope="col" class="amount">${t.amount}</th>
            <th scope="col">${t.state}</th>
          </tr>
        </thead>
        <tbody>
          ${plan.instalments.map(
            (i) => html`<tr data-instalment=${i.number} data-state=${i.state}>
              <th scope="row">${i.number}</th>
              <td><time datetime=${i.dueOn}>${this.dateOf(i.dueOn)}</time></td>
              <td class="amount">${this.money(i.amount)}</td>
              <td>${t.states[i.state]}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${plan.agreedOn ? html`<p data-plan-paid>${t.paidSoFar(this.money(plan.paid))}</p>` : nothing}
      <p class="note">${t.interestNote}</p>
    </section>`;
  }

  private renderInvoiceForm(currency: Money['currency']): TemplateResult {
    const t = this.localize.t;
    const d = this.invoiceDraft;
    const today = todayIso();
    const set = (change: Partial<InvoiceDraft>, part: keyof InvoiceDraft) => {
      this.invoiceDraft = { ...this.invoiceDraft, ...change };
      if (this.invoiceErrors[part]) this.invoiceErrors = { ...this.invoiceErrors, [part]: undefined };
    };
    const numberError = this.invoiceErrors.number ?? '';
    return html`<form class="more-invoices" novalidate @submit=${this.addInvoices}>
      <h4>${t.status.moreInvoices}</h4>
      <div class="field">
        <label for="more-number">${t.case.invoiceNumber}</label>
        <input
          id="more-number"
          .value=${d.number}
          required
          aria-invalid=${numberError ? 'true' : 'false'}
          aria-describedby=${describedBy(numberError && 'more-number-error')}
          @input=${(e: Event) => set({ number: (e.target as HTMLInputElement).value }, 'number')}
        />
        ${renderFieldError('more-number-error', numberError)}
      </div>
      <div class="row">
        <collect-date-input id="more-issueDate" .label=${t.case.issueDate} max=${today} required @input=${(e: Event) => set({ issueDate: (e.target as CollectDateInput).value }, 'issueDate')}></collect-date-input>
        <collect-date-input
          id="more-dueDate"
          .label=${t.quote.dueDate}
          max=${addDays(isIsoDate(today) ? today : '2000-01-02', -1)}
          .rangeError=${t.quote.dueDateNotPassed}
          required
          @input=${(e: Event) => set({ dueDate: (e.target as CollectDateInput).value }, 'dueDate')}
        ></collect-date-input>
      </div>
      ${renderFieldError('more-issueDate-error', this.invoiceErrors.issueDate)} ${renderFieldError('more-dueDate-error', this.invoiceErrors.dueDate)}
      <collect-money-input id="more-amount" .label=${t.quote.amount(currency)} .currency=${currency} required positive @input=${(e: Event) => set({ amount: (e.target as CollectMoneyInput).value }, 'amount')}></collect-money-input>
      ${renderFieldError('more-amount-error', this.invoiceErrors.amount)}
      <button type="submit" class="primary" part="button button-primary">${t.status.addInvoices}</button>
    </form>`;
  }

  private renderStatement(statement: StatementView | null): TemplateResult {
    const t = this.localize.t.status;
    if (!statement) return html`<p>${t.loading}</p>`;
    const s = statement.statement;
    const row = (label: string, component: { collected: Money; keptByAgency: Money; paidToCreditor: Money }, key: string) =>
      html`<tr data-component=${key}>
        <th scope="row">${label}</th>
        <td class="amount">${this.money(component.collected)}</td>
        <td class="amount">${this.money(component.keptByAgency)}</td>
        <td class="amount">${this.money(component.paidToCreditor)}</td>
      </tr>`;
    return html`<table>
        <thead>
          <tr>
            <td></td>
            <th scope="col" class="amount">${t.collected}</th>
            <th scope="col" class="amount">${t.keptByAgency}</th>
            <th scope="col" class="amount">${t.paidToCreditor}</th>
          </tr>
        </thead>
        <tbody>
          ${row(t.components.principal, s.components.principal, 'principal')} ${row(t.components.interest, s.components.interest, 'interest')}
          ${row(t.components.costs, s.components.costs, 'costs')}
        </tbody>
        <tfoot>${row(this.localize.t.case.total, s.totals, 'total')}</tfoot>
      </table>
      <dl>
        <div class="line"><dt>${t.paidOut}</dt><dd>${this.money(statement.paidOut.paidToCreditor)}</dd></div>
        <div class="line"><dt>${t.notYetPaidOut}</dt><dd>${this.money(statement.notYetPaidOut)}</dd></div>
        <div class="line"><dt>${t.claimOutstanding}</dt><dd data-total="claim-outstanding">${this.money(statement.claimOutstanding)}</dd></div>
      </dl>`;
  }

  private renderWithdrawal(open: OpenCase): TemplateResult {
    const t = this.localize.t.status;
    const quote = this.withdrawal;
    if (open.case.stage === 'withdrawn') return html`<p>${t.withdrawn}</p>`;
    if (!quote) {
      return html`<button type="button" id="withdraw" class="danger" part="button" @click=${this.previewWithdrawal}>${t.withdraw}</button>`;
    }
    if (!quote.allowed) {
      return html`<p class="withdrawal-fee" tabindex="-1" data-withdrawal-fee>${t.withdrawalNotAllowed}</p>
        <button type="button" part="button" @click=${this.cancelWithdrawal}>${t.cancel}</button>`;
    }
    return html`<div class="withdrawal">
      <p class="withdrawal-fee" tabindex="-1" data-withdrawal-fee>${quote.fee ? t.withdrawalFee(this.money(quote.fee)) : t.withdrawalFree}</p>
      <div class="field">
        <label for="withdrawal-reason">${t.withdrawalReason} <span class="optional">(${this.localize.t.common.optional})</span></label>
        <textarea id="withdrawal-reason" maxlength="1000"></textarea>
      </div>
      <div class="nav">
        <button type="button" part="button" @click=${this.cancelWithdrawal}>${t.cancel}</button>
        <button type="button" id="confirm-withdrawal" class="primary" part="button button-primary" @click=${this.confirmWithdrawal}>${t.confirmWithdrawal}</button>
      </div>
    </div>`;
  }

  private renderDetail(open: OpenCase): TemplateResult {
    const t = this.localize.t.status;
    const c = open.case;
    const final = c.stage === 'closed' || c.stage === 'withdrawn' || c.stage === 'written_off' || c.stage === 'paid_out';
    return html`<article class="detail" part="detail" aria-labelledby="case-heading">
      <button type="button" class="link" part="button" @click=${this.closeCase}>← ${t.backToList}</button>
      <h3 id="case-heading" class="step-heading" part="heading" tabindex="-1">${t.caseHeading(c.number, c.debtor.name)}</h3>
      <dl>
        <div class="line"><dt>${t.stage}</dt><dd data-stage=${c.stage}>${t.stages[c.stage]}</dd></div>
        <div class="line"><dt>${t.principal}</dt><dd>${this.money(c.totals.principal)}</dd></div>
        <div class="line"><dt>${t.outstanding}</dt><dd data-total="outstanding">${this.money(c.totals.outstanding)}</dd></div>
      </dl>
      <p class="note">${this.live ? t.live : nothing}</p>

      <section class="panel" part="timeline" aria-labelledby="timeline-title">
        <h4 id="timeline-title">${t.timeline}</h4>
        <ol class="timeline">
          ${timelineLines(open.events, this.localize.t, this.lineFormat).map(
            ({ event: e, text }) => html`<li data-event=${e.type} data-event-id=${e.id}><time datetime=${e.at}>${this.timeOf(e.at)}</time>${text}</li>`,
          )}
        </ol>
      </section>
      ${isShownPlan(open.plan) ? this.renderPlan(open.plan) : nothing}

      <section class="panel" part="messages" aria-labelledby="messages-title">
        <h4 id="messages-title">${t.messages}</h4>
        ${open.messages.length === 0
          ? html`<p>${t.noMessages}</p>`
          : html`<ol class="messages">
              ${open.messages.map(
                (m) => html`<li data-author=${m.authorRole} data-message-id=${m.id}>
                  <span class="author">${m.authorRole === 'operator' ? t.handler : t.you}</span><time datetime=${m.at}>${this.timeOf(m.at)}</time>
                  <p class="message-body">${m.body}</p>
                </li>`,
              )}
            </ol>`}
        <form novalidate @submit=${this.sendMessage}>
          <div class="field">
            <label for="message">${t.messageLabel}</label>
            <textarea
              id="message"
              maxlength="5000"
              aria-invalid=${this.messageError ? 'true' : 'false'}
              aria-describedby=${describedBy(this.messageError && 'message-error')}
              @input=${() => (this.messageError = '')}
            ></textarea>
            ${renderFieldError('message-error', this.messageError)}
          </div>
          <button type="submit" class="primary" part="button button-primary">${t.send}</button>
        </form>
      </section>

      <section class="panel" part="documents" aria-labelledby="documents-title">
        <h4 id="documents-title">${t.documents}</h4>
        ${open.documents.length === 0
          ? html`<p>${t.noDocuments}</p>`
          : html`<ul data-documents>
              ${open.documents.map(
                (d) => html`<li>
                  ${d.url ? html`<a href=${this.api!.urlOf(d.url)} target="_blank" rel="noopener" download=${d.filename}>${d.filename}</a>` : d.filename}
                  <span class="note">(${this.localize.t.fileDrop.kinds[d.kind]})</span>
                </li>`,
              )}
            </ul>`}
        ${final ? nothing : html`<h5>${t.addDocuments}</h5><collect-file-drop .uploader=${this.uploadToCase} @change=${this.onDocumentsChanged}></collect-file-drop>`}
      </section>

      <section class="panel" part="invoices" aria-labelledby="invoices-title">
        <h4 id="invoices-title">${t.invoices}</h4>
        <table>
          <thead>
            <tr>
              <th scope="col">${this.localize.t.case.invoiceNumber}</th>
              <th scope="col">${this.localize.t.quote.dueDate}</th>
              <th scope="col" class="amount">${t.principal}</th>
              <th scope="col" class="amount">${t.outstanding}</th>
            </tr>
          </thead>
          <tbody>
            ${c.invoices.map(
              (i) => html`<tr data-invoice=${i.number}>
                <td>${i.number}</td>
                <td>${this.dateOf(i.dueDate)}</td>
                <td class="amount">${this.money(i.amount)}</td>
                <td class="amount">${this.money(i.outstanding)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        ${final ? nothing : this.renderInvoiceForm(c.currency)}
      </section>

      <section class="panel" part="statement" aria-labelledby="statement-title">
        <h4 id="statement-title">${t.statement}</h4>
        ${this.renderStatement(open.statement)}
      </section>

      <section class="panel" part="withdrawal" aria-labelledby="withdrawal-title">
        <h4 id="withdrawal-title">${t.withdraw}</h4>
        ${this.renderWithdrawal(open)}
      </section>
    </article>`;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.status;
    return html`<section class="base" part="base" aria-labelledby="title" aria-busy=${this.busy ? 'true' : 'false'}>
      <h2 id="title" class="title" part="title" tabindex="-1">${t.title}</h2>
      ${this.failure ? html`<p class="alert" role="alert">${this.failure}</p>` : nothing}
      ${this.signedOut
        ? html`${this.failure ? nothing : html`<p class="intro">${this.localize.t.case.errors.signedOut}</p>`}${this.session.render()}`
        : html`${this.cases ? this.session.renderSignOut() : nothing}${this.open ? this.renderDetail(this.open) : this.renderList()}`}
      ${this.announcer.render()}
    </section>`;
  }
}
