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

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
