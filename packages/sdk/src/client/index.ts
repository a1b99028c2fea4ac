/** The HTTP client of the Collectkit API: browsers and Node 20, on fetch and ky. */
export { createClient, createCoreClient, type ClientOptions, type CollectkitClient, type CoreClient } from './create-client.js';
export type { CallOptions } from './resources/call-options.js';
export { healthResource } from './resources/health.js';
export { casesResource, type CaseListParams } from './resources/cases.js';
export { ENROLMENT_TOKEN_HEADER, enrolmentsResource, type EnrolmentCallOptions } from './resources/enrolments.js';
export { meResource } from './resources/me.js';
export { passwordResetsResource } from './resources/password-resets.js';
export { sessionsResource } from './resources/sessions.js';
export { webhookEndpointsResource, type WebhookListOptions } from './resources/webhooks.js';
export { documentsResource, type BlobLike, type DocumentUploadInput } from './resources/documents.js';
export { invoicesResource, paymentsResource, payoutsResource, type InvoiceListOptions } from './resources/payouts.js';
export { paymentImportMethods, type PaymentImportInput, type UnmatchedListParams } from './resources/payment-imports.js';
export { instalmentPlansResource } from './resources/instalment-plans.js';
export {
  CollectkitApiError,
  isCollectkitApiError,
  kindOfStatus,
  type ApiErrorKind,
  type ApiIssue,
  type CollectkitApiErrorInit,
} from './errors.js';
export {
  pathOf,
  type CallResult,
  type FetchFunction,
  type FormDataLike,
  type HttpCall,
  type HttpMethod,
  type OutgoingRequest,
  type QueryValue,
  type ResponseSchema,
  type TransportOptions,
} from './http.js';
export { IDEMPOTENCY_HEADER, newIdempotencyKey } from './idempotency.js';
export { paginate, type ItemOf, type Page, type PageList, type PageSchema } from './pagination.js';
export { DEFAULT_RETRY_POLICY, RETRYABLE_STATUSES, backoffDelay, type RetryPolicy } from './retry.js';
export { watchEvents, type EventOf, type EventPageSchema, type WatchOptions } from './watch.js';
export {
  CollectkitWebhookError,
  WEBHOOK_SIGNATURE_HEADER,
  computeWebhookSignature,
  isCollectkitWebhookError,
  signWebhookPayload,
  verifyWebhook,
  type VerifyWebhookOptions,
  type WebhookErrorCode,
} from './webhooks.js';
export type { Clock, Sleep } from './platform.js';
