import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a receiver saw it: the raw body bytes, as they must be verified. */
export interface ReceivedWebhook {
  rawBody: string;
  headers: IncomingMessage['headers'];
}

export interface WebhookReceiver {
  /** e.g. http://127.0.0.1:53211/hooks */
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Decides each answer's status (default 204); may return a promise that never settles (a hung receiver). */
  respond: (request: ReceivedWebhook, index: number) => number | Promise<number>;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 for tests: records every POST and answers as told. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const receiver = {
    url: '',
    received,
    respond: (() => 204) as WebhookReceiver['respond'],
    close: async (): Promise<void> => undefined,
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { rawBody: Buffer.concat(chunks).toString('utf8'), headers: request.headers };
      received.push(entry);
      void Promise.resolve(receiver.respond(entry, received.length - 1)).then((status) => {
        response.statusCode = status;
        response.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
