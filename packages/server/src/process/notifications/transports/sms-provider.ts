export interface SmsMessage {
  /** The recipient's number as given by the creditor, e.g. +45 12 34 56 78. */
  readonly to: string;
  readonly text: string;
}

/** Sends one SMS; resolves with the provider's id for it. Any provider (gateway API) sits behind this. */
export interface SmsProvider {
  send(message: SmsMessage): Promise<{ providerId: string | null }>;
}

export interface HttpSmsProviderOptions {
  /** The gateway's endpoint; receives `POST { to, text, from }` as JSON. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** Alphanumeric sender id (≤ 11 characters in most Nordic networks) or a number. */
  readonly sender?: string;
  readonly timeoutMs?: number;
  /** Injected in tests only if needed; default the global fetch. */
  readonly fetch?: typeof fetch;
}

/** Numbers in E.164 form without spaces: "+45 12 34 56 78" → "+4512345678". */
export function normalizePhoneNumber(value: string): string {
  return value.replace(/[\s()-]/g, '');
}

/**
 * A generic HTTP SMS gateway: POSTs JSON with a bearer token and treats any 2xx as accepted. The
 * answer's `id` (or `messageId`), when JSON, is kept as the provider id.
 */
export function httpSmsProvider(options: HttpSmsProviderOptions): SmsProvider {
  const send = options.fetch ?? fetch;
  return {
    async send(message) {
      const response = await send(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        body: JSON.stringify({ to: normalizePhoneNumber(message.to), text: message.text, ...(options.sender ? { from: options.sender } : {}) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}: ${body.slice(0, 200)}`);
      try {
        const parsed = JSON.parse(body) as { id?: unknown; messageId?: unknown };
        const id = parsed.id ?? parsed.messageId;
        return { providerId: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
      } catch {
        return { providerId: null };
      }
    },
  };
}
