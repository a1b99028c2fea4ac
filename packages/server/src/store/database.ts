/**
 * The one storage seam of the server. Two implementations run the SAME SQL: PGlite (PostgreSQL
 * compiled to WebAssembly, the embedded default) and PostgreSQL through a `pg` pool
 * (DESIGN.md §3.6). Queries return plain rows; cast bigint/numeric columns to text or int in the
 * SQL itself, because the two drivers map them differently.
 */
export interface Queryable {
  /** One statement with `$1…` parameters. Pass jsonb values as `JSON.stringify(...)` with `$n::jsonb`. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A LISTEN connection of this process (see `Database.listen`). */
export interface Listener {
  /** True while the connection is up and listening. */
  readonly listening: boolean;
  /**
   * PostgreSQL only: ONE dedicated connection that LISTENs on `channel`, reconnecting with back-off
   * when lost. Returns at once; `onState(true)` tells when it listens. Closed by `close()` or with
   * the database.
   */
  listen?(channel: string, handlers: ListenHandlers): Listener;
  close(): Promise<void>;
}

export interface ListenHandlers {
  onNotify(payload: string): void;
  /** The connection came up (true: notices from here on arrive) or was lost (false: reconnecting). */
  onState?(listening: boolean): void;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only: ONE dedicated connection that LISTENs on `channel`, reconnecting with back-off
   * when lost. Returns at once; `onState(true)` tells when it listens. Closed by `close()` or with
   * the database.
   */
  listen?(channel: string, handlers: ListenHandlers): Listener;
  close(): Promise<void>;
}
