/** What every resource method accepts besides its own parameters. */
import type { RequestSignal } from '../http.js';

export interface CallOptions {
  signal?: RequestSignal | undefined;
  /** A POST's Idempotency-Key; one is generated per call when absent. */
  idempotencyKey?: string | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
  timeoutMs?: number | undefined;
}
