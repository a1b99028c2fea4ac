import {
  array,
  boolean,
  discriminatedUnion,
  extend,
  int,
  literal,
  nullable,
  object,
  oneOf,
  optional,
  record,
  safeParse,
  schema,
  string,
  unknown,
  type Infer as output,
} from '../internal/check.js';
import {
  CASE_STAGES,
  CollectkitApiError,
  SUPPORTED_CURRENCIES,
  isCollectkitApiError,
  createCoreClient,
  kindOfStatus,
  pathOf,
  type AddInvoicesRequest,
  type Case,
  type CaseDocument,
  type CaseEvent,
  type CaseMessage,
  type CaseStage,
  type CaseStatement,
  type CaseSummary,
  type CreateCaseRequest,
  type DocumentKind,
  type FetchFunction,
  type InstalmentPlan,
  type Me,
  type Session,
  type WithdrawalQuote,
} from '@collectkit/sdk';
import { uploadWithProgress, type UploadProgress } from '../controls/file-drop-upload.js';
import { DOCUMENT_KINDS } from '../controls/file-drop.js';

/**
 * The calls <collect-case> and <collect-status> make as a signed-in member: the browser's session
 * cookie (`credentials: 'include'`) beside the association's publishable key, on the sdk's core
 * client (ky, retries, typed `CollectkitApiError`s). Responses are checked with small hand-written
 * copies of the contract's schemas (internal/check.ts: the contract's classic zod would add ~60 KB
 * gzipped to the embed bundle and probe `new Function` under a strict CSP, zod/mini ~8 KB). The
 * compile-time checks below keep the copies equal to the contract's types, or — where a copy reads only part of a response (a case's
 * locked quote is not read here) — a faithful part of it.
 */

const Money = object({ amount: int(), currency: oneOf(SUPPORTED_CURRENCIES) });
const Stage = oneOf(CASE_STAGES);
const Address = object({ lines: array(string()), postalCode: string(), city: string(), country: string() });
const contactFields = {
  address: Address,
  email: optional(string()),
  phone: optional(string()),
  language: optional(oneOf(['da', 'sv', 'nb', 'fi', 'en'])),
};
const Debtor = discriminatedUnion('type', [
  object({ type: literal('business'), name: string(), country: string(), nationalId: optional(string()), ...contactFields }),
  object({ type: literal('consumer'), name: string(), personalId: optional(string()), ...contactFields }),
]);
const caseFields = {
  id: string(),
  number: string(),
  reference: nullable(string()),
  stage: Stage,
  creditorId: string(),
  currency: oneOf(SUPPORTED_CURRENCIES),
  totals: object({ principal: Money, outstanding: Money }),
  createdAt: string(),
  updatedAt: string(),
  version: int(),
};
const CaseSummaryResponse = object({ ...caseFields, debtorName: string() });
const CaseListResponse = object({ data: array(CaseSummaryResponse), nextCursor: nullable(string()) });
/** A case without its locked quote (the widgets show the case, not the quote it was priced with). */
const CaseResponse = object({
  ...caseFields,
  debtor: Debtor,
  invoices: array(object({ number: string(), issueDate: string(), dueDate: string(), amount: Money, outstanding: Money })),
  documentIds: array(string()),
});
const EventResponse = object({ id: string(), type: string(), at: string(), data: record(unknown()) });
const EventPageResponse = object({ data: array(EventResponse), nextCursor: nullable(string()) });
const MessageResponse = object({ id: string(), authorRole: oneOf(['creditor', 'operator']), body: string(), at: string() });
const MessageListResponse = object({ data: array(MessageResponse), nextCursor: nullable(string()) });
const DocumentResponse = object({
  id: string(),
  caseId: nullable(string()),
  kind: oneOf(DOCUMENT_KINDS),
  filename: string(),
  mediaType: oneOf(['application/pdf', 'image/png', 'image/jpeg', 'text/plain']),
  size: int(),
  sha256: string(),
  createdAt: string(),
  url: nullable(string()),
});
const DocumentListResponse = object({ data: array(DocumentResponse) });
const Phase = oneOf(['amicable', 'legal', 'surveillance']);
const WithdrawalQuoteResponse = object({ allowed: boolean(), stage: Stage, phase: Phase, outstanding: Money, fee: nullable(Money) });
const WithdrawalResponse = extend(WithdrawalQuoteResponse, { case: optional(CaseResponse) });
const PayoutComponent = object({ collected: Money, keptByAgency: Money, paidToCreditor: Money });
const SignedMoney = object({ amount: int(), currency: oneOf(SUPPORTED_CURRENCIES) });
/** The statement's figures the status widget shows (its fee lines are not read). */
const StatementResponse = object({
  caseId: string(),
  asOf: string(),
  statement: object({
    currency: string(),
    phase: Phase,
    components: object({ principal: PayoutComponent, interest: PayoutComponent, costs: PayoutComponent }),
    agencyFees: object({ total: SignedMoney }),
    deductedFromCollection: Money,
    invoicedToCreditor: Money,
    totals: PayoutComponent,
  }),
  paidOut: PayoutComponent,
  notYetPaidOut: Money,
  overpayment: Money,
  claimOutstanding: Money,
});
const MeResponse = object({
  user: object({ id: string(), email: string(), role: oneOf(['member', 'operator']) }),
  association: object({ id: string(), name: string(), country: string(), pricingPlanId: string() }),
  creditor: nullable(
    object({ id: string(), status: oneOf(['pending_signature', 'pending_password', 'active']), name: string(), nationalId: string(), country: string() }),
  ),
});

const InstalmentResponse = object({
  number: int(),
  dueOn: string(),
  amount: Money,
  covered: Money,
  missedOn: string(),
  state: oneOf(['paid', 'due', 'missed']),
});
/** GET /v1/cases/{id}/instalment-plan: the same call as the sdk's `client.instalmentPlans.get`, checked here without zod. */
const InstalmentPlanResponse = object({
  id: string(),
  caseId: string(),
  status: oneOf(['proposed', 'cancelled', 'agreed', 'completed', 'lapsed', 'ended']),
  caseStage: Stage,
  proposedOn: string(),
  agreedOn: nullable(string()),
  closedOn: nullable(string()),
  total: Money,
  planFee: nullable(Money),
  interval: discriminatedUnion('unit', [object({ unit: literal('month'), every: int() }), object({ unit: literal('day'), every: int() })]),
  graceDays: int(),
  paid: Money,
  instalments: array(InstalmentResponse),
});

const SessionResponse = object({ token: string(), expiresAt: string(), role: oneOf(['member', 'operator']) });
const PasswordResetAcceptedResponse = object({ status: literal('accepted') });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
/** The contract's type carries at least what the copy reads, with the same types. */
type PartOf<Contract, Copy> = [Contract] extends [Copy] ? true : never;
/** Fails type-checking when the contract's response types and these copies drift apart. */
export const responseCopiesMatchContract: [
  Same<output<typeof CaseSummaryResponse>, CaseSummary>,
  PartOf<Case, output<typeof CaseResponse>>,
  Same<output<typeof EventResponse>, CaseEvent>,
  Same<output<typeof MessageResponse>, CaseMessage>,
  Same<output<typeof DocumentResponse>, CaseDocument>,
  Same<output<typeof WithdrawalQuoteResponse>, WithdrawalQuote>,
  PartOf<CaseStatement, output<typeof StatementResponse>>,
  PartOf<Me, output<typeof MeResponse>>,
  Same<output<typeof SessionResponse>, Session>,
  Same<output<typeof InstalmentPlanResponse>, InstalmentPlan>,
] = [true, true, true, true, true, true, true, true, true, true];

export type CaseView = output<typeof CaseResponse>;
export type StatementView = output<typeof StatementResponse>;
export type MeView = output<typeof MeResponse>;
export type InstalmentPlanView = output<typeof InstalmentPlanResponse>;
export type { CaseSummary, CaseEvent, CaseMessage, CaseDocument, WithdrawalQuote, CaseStage, DocumentKind };

export interface CaseApiOptions {
  apiBase: string;
  publishableKey: string;
  fetch?: FetchFunction | undefined;
}

/** What an upload reports while the bytes go out. */
export type { UploadProgress };

export interface CaseApi {
  /**
   * `POST /v1/sessions`: signs the member in; the server answers with the session as an HttpOnly
   * cookie, which the browser keeps for the later calls. Not retried: a 429 is the visitor's to see.
   */
  signIn(email: string, password: string): Promise<Session>;
  /** `DELETE /v1/sessions/current`: ends the session the cookie carries. */
  signOut(): Promise<void>;
  /** `POST /v1/password-resets`: 202 whether or not the address has an account (the server mails a link if it has). */
  requestPasswordReset(email: string): Promise<void>;
  /** `GET /v1/me`: who is signed in, the association's plan id and the creditor's country. */
  me(): Promise<MeView>;
  /** `POST /v1/cases` with the caller's Idempotency-Key: the same key always answers the first case. */
  createCase(request: CreateCaseRequest, idempotencyKey: string): Promise<CaseView>;
  /** `GET /v1/cases`, newest first; `stage` filters. */
  listCases(query: { stage?: CaseStage | undefined; cursor?: string | undefined; limit?: number }): Promise<{ data: CaseSummary[]; nextCursor: string | null }>;
  getCase(id: string): Promise<CaseView>;
  /** `GET /v1/cases/{id}/events`; with `wait` the server holds the request until there is one. */
  events(id: string, query: { after?: string | undefined; wait?: number }, signal?: AbortSignal): Promise<{ data: CaseEvent[]; nextCursor: string | null }>;
  /**
   * The case's events after `after` as they happen: the sdk's `watch` long-poll (25 s waits, one
   * request open at a time, back-off on transient failures). Aborting `signal` ends it quietly.
   */
  watch(id: string, options: { after?: string | undefined; signal: AbortSignal }): AsyncGenerator<CaseEvent, void, undefined>;
  messages(id: string): Promise<CaseMessage[]>;
  sendMessage(id: string, body: string): Promise<CaseMessage>;
  documents(id: string): Promise<CaseDocument[]>;
  /** Uploads one file (multipart, with progress): to the case, or before it exists when `caseId` is null. */
  uploadDocument(
    caseId: string | null,
    file: File,
    kind: DocumentKind,
    options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal },
  ): Promise<CaseDocument>;
  addInvoices(id: string, request: AddInvoicesRequest, idempotencyKey: string): Promise<CaseView>;
  /** `GET /v1/cases/{id}/withdrawal`: the fee withdrawing would cost now. */
  withdrawalQuote(id: string): Promise<WithdrawalQuote>;
  withdraw(id: string, reason: string | undefined, idempotencyKey: string): Promise<WithdrawalQuote & { case?: CaseView | undefined }>;
  statement(id: string): Promise<StatementView>;
  /** `GET /v1/cases/{id}/instalment-plan`: the latest plan or proposal with each instalment's state; null when the case never had one (404). */
  instalmentPlan(id: string): Promise<InstalmentPlanView | null>;
  /** An absolute URL of a path the API gave (a document's `url`). */
  urlOf(path: string): string;
}

export function caseApi(options: CaseApiOptions): CaseApi {
  const apiBase = options.apiBase.replace(/\/+$/, '');
  const core = createCoreClient({ apiBase, publishableKey: options.publishableKey, fetch: options.fetch, credentials: 'include' });
  const casePath = (id: string, ...rest: string[]) => pathOf('v1/cases', id, ...rest);
  return {
    signIn: (email, password) => core.request({ method: 'POST', path: 'v1/sessions', json: { email, password }, schema: schema(SessionResponse), retry: { limit: 0 } }),
    signOut: async () => {
      await core.request({ method: 'DELETE', path: 'v1/sessions/current' });
    },
    requestPasswordReset: async (email) => {
      await core.request({ method: 'POST', path: 'v1/password-resets', json: { email }, schema: schema(PasswordResetAcceptedResponse), retry: { limit: 0 } });
    },
    me: () => core.request({ method: 'GET', path: 'v1/me', schema: schema(MeResponse) }),
    createCase: (request, idempotencyKey) => core.request({ method: 'POST', path: 'v1/cases', json: request, schema: schema(CaseResponse), idempotencyKey }),
    listCases: (query) => core.request({ method: 'GET', path: 'v1/cases', query: { stage: query.stage, cursor: query.cursor, limit: query.limit ?? 100 }, schema: schema(CaseListResponse) }),
    getCase: (id) => core.request({ method: 'GET', path: casePath(id), schema: schema(CaseResponse) }),
    events: (id, query, signal) =>
      core.request({
        method: 'GET',
        path: casePath(id, 'events'),
        query: { after: query.after, wait: query.wait ?? 0 },
        schema: schema(EventPageResponse),
        signal,
        // The server may hold the request `wait` seconds: the timeout guards what comes on top.
        timeoutMs: (query.wait ?? 0) * 1000 + 30_000,
        // The live loop backs off itself; an aborted wait must not be retried.
        retry: { limit: 0 },
      }),
    watch: (id, { after, signal }) => core.watch(casePath(id, 'events'), schema(EventPageResponse), { after, signal, waitSeconds: 25 }),
    messages: async (id) => (await core.request({ method: 'GET', path: casePath(id, 'messages'), query: { limit: 100 }, schema: schema(MessageListResponse) })).data,
    sendMessage: (id, body) => core.request({ method: 'POST', path: casePath(id, 'messages'), json: { body }, schema: schema(MessageResponse) }),
    documents: async (id) => (await core.request({ method: 'GET', path: casePath(id, 'documents'), schema: schema(DocumentListResponse) })).data,
    addInvoices: (id, request, idempotencyKey) => core.request({ method: 'POST', path: casePath(id, 'invoices'), json: request, schema: schema(CaseResponse), idempotencyKey }),
    withdrawalQuote: (id) => core.request({ method: 'GET', path: casePath(id, 'withdrawal'), schema: schema(WithdrawalQuoteResponse) }),
    withdraw: (id, reason, idempotencyKey) =>
      core.request({ method: 'POST', path: casePath(id, 'withdrawal'), json: reason ? { reason } : {}, schema: schema(WithdrawalResponse), idempotencyKey }),
    statement: (id) => core.request({ method: 'GET', path: casePath(id, 'statement'), schema: schema(StatementResponse) }),
    instalmentPlan: (id) =>
      core
        .request({ method: 'GET', path: casePath(id, 'instalment-plan'), schema: schema(InstalmentPlanResponse) })
        .catch((error: unknown) => {
          if (isCollectkitApiError(error) && error.status === 404) return null;
          throw error;
        }),
    urlOf: (path) => `${apiBase}/${path.replace(/^\/+/, '')}`,
    async uploadDocument(caseId, file, kind, { onProgress, signal }) {
      const url = caseId === null ? `${apiBase}/v1/documents` : `${apiBase}/${casePath(caseId, 'documents')}`;
      const form = new FormData();
      // Fields before the file: the server reads `kind` as the parts stream in.
      form.append('kind', kind);
      form.append('file', file, file.name);
      let answer: { status: number; body: string; requestId: string | undefined };
      try {
        answer = await uploadWithProgress({
          url,
          body: form,
          headers: { accept: 'application/json', authorization: `Bearer ${options.publishableKey}` },
          withCredentials: true,
          ...(onProgress ? { onProgress } : {}),
          ...(signal ? { signal } : {}),
        });
      } catch (cause) {
        if (signal?.aborted) throw cause;
        throw new CollectkitApiError({ kind: 'network', status: 0, code: 'network_error', message: `POST ${url} failed before a response arrived`, method: 'POST', url, cause });
      }
      return parseUploadAnswer(answer, url);
    },
  };
}

function parseUploadAnswer(answer: { status: number; body: string; requestId: string | undefined }, url: string): CaseDocument {
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    json = undefined;
  }
  if (answer.status < 200 || answer.status >= 300) {
    const error = (json as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | undefined)?.error;
    const issues = Array.isArray(error?.issues)
      ? error.issues.filter((i): i is { path: string; message: string } => typeof i?.path === 'string' && typeof i?.message === 'string')
      : [];
    throw new CollectkitApiError({
      kind: kindOfStatus(answer.status),
      status: answer.status,
      code: typeof error?.code === 'string' ? error.code : `http_${answer.status}`,
      message: typeof error?.message === 'string' ? error.message : `POST ${url}: HTTP ${answer.status}`,
      issues,
      requestId: answer.requestId,
      method: 'POST',
      url,
    });
  }
  const parsed = safeParse(DocumentResponse, json);
  if (!parsed.success) {
    throw new CollectkitApiError({ kind: 'invalid_response', status: answer.status, code: 'invalid_response', message: 'The response does not match the API contract', method: 'POST', url });
  }
  return parsed.data;
}
