/**
 * The few web-platform APIs the client needs, taken from `globalThis` so that the same code runs in
 * browsers, Deno and Node 20 without a Node built-in or the DOM. The sdk compiles without the DOM
 * lib, so the shapes are spelled out here (narrowly: only what the client calls).
 */

/** A running timer, as returned by `setTimeout` (a number in browsers, an object in Node). */
export type TimerHandle = unknown;

interface WebCrypto {
  randomUUID?(): string;
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: {
    importKey(
      format: 'raw',
      keyData: Uint8Array,
      algorithm: { name: 'HMAC'; hash: 'SHA-256' },
      extractable: boolean,
      keyUsages: readonly 'sign'[],
    ): Promise<unknown>;
    sign(algorithm: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  };
}

interface WebPlatform {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  crypto: WebCrypto;
  TextEncoder: new () => { encode(text: string): Uint8Array };
}

const web = globalThis as unknown as WebPlatform;

/** `globalThis.crypto` (Web Crypto): in every browser and in Node ≥ 19 without an import. */
export function webCrypto(): WebCrypto {
  const crypto = web.crypto;
  if (crypto === undefined || typeof crypto.getRandomValues !== 'function') {
    throw new Error('Collectkit client: globalThis.crypto (Web Crypto) is not available in this runtime');
  }
  return crypto;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new web.TextEncoder().encode(text);
}

/** Milliseconds since the epoch, from a clock passed in or the system clock. */
export type Clock = () => number;

/**
 * The system clock, used only as the default of the transport layer (an HTTP-date `Retry-After`,
 * a webhook timestamp): domain calculations never read it, they take an explicit `asOf`.
 */
export const systemClock: Clock = () => Date.now();

/** Waits `ms` milliseconds; rejects with the signal's reason as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignalLike) => Promise<void>;

/** The part of `AbortSignal` the client listens to. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export const timerSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      web.clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = web.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
