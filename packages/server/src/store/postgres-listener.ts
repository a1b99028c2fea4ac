import pg from 'pg';
import type { ListenHandlers, Listener } from './database.js';

export interface ListenerOptions {
  connectionString: string;
  channel: string;
  handlers: ListenHandlers;
  /** First reconnect delay; doubles per failed attempt up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/** A channel name is an identifier: quoted, so any of ours is safe in `LISTEN "…"`. */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * One dedicated `pg.Client` (outside the pool: a pooled client would be handed to queries and
 * lose its LISTEN) that LISTENs on one channel. A lost connection is re-opened with exponential
 * back-off (with jitter, so instances do not reconnect in step); notices sent while it was down
 * are lost, which `onState(true)` after a reconnect lets the caller make up for.
 */
export function openPostgresListener(options: ListenerOptions): Listener {
  const minBackoffMs = options.minBackoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const setListening = (up: boolean) => {
    if (listening === up) return;
    listening = up;
    options.handlers.onState?.(up);
  };

  const lost = (lostClient: pg.Client) => {
    if (client !== lostClient) return; // an older client's late event
    client = undefined;
    lostClient.removeAllListeners('notification');
    lostClient.end().catch(() => undefined);
    setListening(false);
    if (closed) return;
    const delay = Math.min(maxBackoffMs, minBackoffMs * 2 ** failures) * (0.5 + Math.random() / 2);
    failures++;
    retry = setTimeout(connect, delay);
    retry.unref?.();
  };

  const connect = () => {
    retry = undefined;
    if (closed) return;
    // Keep-alive finds a silently dropped connection (a NAT or a failover) within about a minute.
    const next = new pg.Client({ connectionString: options.connectionString, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    client = next;
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', (message) => {
      if (message.channel === options.channel && message.payload) options.handlers.onNotify(message.payload);
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${quoteIdentifier(options.channel)}`))
      .then(() => {
        if (client !== next || closed) return;
        failures = 0;
        setListening(true);
      })
      .catch(() => lost(next));
  };

  connect();
  return {
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      retry = undefined;
      const open = client;
      client = undefined;
      listening = false;
      if (open) {
        open.removeAllListeners('notification');
        await open.end().catch(() => undefined);
      }
    },
  };
}
