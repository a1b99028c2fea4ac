/**
 * One upload with progress, on XMLHttpRequest.
 *
 * Why not fetch: fetch reports no upload progress, and the way round it — a `ReadableStream` request
 * body (`duplex: 'half'`) counted as it is read — is refused by Chromium over HTTP/1.1
 * (`ERR_H2_OR_QUIC_REQUIRED`: streaming uploads need HTTP/2 or QUIC), which is what a self-hosted
 * server or a local dev server speaks. A stream body also cannot be a `FormData`, so the multipart
 * framing would have to be written by hand. XHR's `upload.onprogress` works over every protocol,
 * with the browser's own multipart encoding and its cookie handling (`withCredentials`).
 */

export interface UploadProgress {
  /** Bytes of the request body sent so far. */
  readonly loaded: number;
  /** The request body's size (file plus multipart framing), when known. */
  readonly total: number;
}

export interface UploadRequest {
  url: string;
  body: FormData;
  headers?: Readonly<Record<string, string>>;
  /** Send and accept cookies cross-origin (the member's session). */
  withCredentials?: boolean;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

export interface UploadAnswer {
  status: number;
  body: string;
  requestId: string | undefined;
}

/**
 * POSTs `body` and resolves with the answer, whatever its status (the caller reads errors from it);
 * rejects only when no answer arrived (network, CORS) or the signal aborted (with the signal's reason).
 */
export function uploadWithProgress(request: UploadRequest): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const { signal } = request;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', request.url);
    xhr.withCredentials = request.withCredentials === true;
    for (const [name, value] of Object.entries(request.headers ?? {})) xhr.setRequestHeader(name, value);
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    if (request.onProgress) {
      const report = request.onProgress;
      xhr.upload.addEventListener('progress', (event) => report({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 }));
    }
    xhr.addEventListener('load', () => {
      done();
      resolve({ status: xhr.status, body: xhr.responseText, requestId: xhr.getResponseHeader('x-request-id') ?? undefined });
    });
    xhr.addEventListener('error', () => {
      done();
      reject(new Error(`POST ${request.url} failed before a response arrived`));
    });
    xhr.addEventListener('abort', () => {
      done();
      reject(signal?.reason ?? new Error('upload aborted'));
    });
    xhr.send(request.body);
  });
}
