/** What the benchmark parent and its server child say to each other over the fork IPC channel. */
export type DatabaseKind = 'postgres' | 'pglite';

export interface PolledCase {
  id: string;
  etag: string;
}

export interface ServerReady {
  type: 'ready';
  /** The Collectkit app, e.g. http://127.0.0.1:40123 */
  apiUrl: string;
  /** A bare fastify app in the same process answering `GET /` with a constant. */
  bareUrl: string;
  /** Bearer session tokens of members, one per association; the polled cases are the first's. */
  tokens: string[];
  cases: PolledCase[];
  /** Where the data lives, for the printout (never a password). */
  storage: string;
}

export interface ServerCounts {
  type: 'counts';
  cases: number;
  idempotencyKeys: number;
}

export interface ServerFailed {
  type: 'failed';
  message: string;
}

export interface ServerStopped {
  type: 'stopped';
}

export type FromServer = ServerReady | ServerCounts | ServerFailed | ServerStopped;
export type ToServer = { type: 'counts' } | { type: 'stop' };
