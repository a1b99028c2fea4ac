/**
 * A profiling wrapper around the server's `Database` seam (BENCH_SERVER_PROFILE=1): time per SQL
 * statement, and per transaction the wait before its first statement (pool checkout + BEGIN) and
 * after its last (COMMIT + release). Statement times inside a transaction include lock waits.
 */
import type { Database, Queryable } from '@collectkit/server';

export interface StatementTiming {
  calls: number;
  totalMs: number;
}

export interface QueryTimings {
  /** Keyed by the statement's text, whitespace collapsed, cut at 90 characters. */
  statements: Map<string, StatementTiming>;
  /** Wall time of each transaction, ms. */
  transactions: number[];
}

function record(timings: QueryTimings, key: string, ms: number): void {
  const entry = timings.statements.get(key);
  if (entry) {
    entry.calls++;
    entry.totalMs += ms;
  } else timings.statements.set(key, { calls: 1, totalMs: ms });
}

function label(sql: string, inTransaction: boolean): string {
  return `${inTransaction ? 'tx ' : '   '}${sql.replace(/\s+/g, ' ').trim().slice(0, 90)}`;
}

function timedQueryable(target: Queryable, timings: QueryTimings, inTransaction: boolean, onQuery?: () => void): Queryable {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      onQuery?.();
      const start = performance.now();
      try {
        return await target.query<Row>(sql, params);
      } finally {
        record(timings, label(sql, inTransaction), performance.now() - start);
      }
    },
    async exec(sql: string) {
      onQuery?.();
      await target.exec(sql);
    },
  };
}

export function timedDatabase(db: Database, timings: QueryTimings): Database {
  return {
    kind: db.kind,
    ...timedQueryable(db, timings, false),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const start = performance.now();
      let firstQuery: number | undefined;
      let bodyDone = 0;
      try {
        return await db.transaction(async (tx) => {
          const result = await fn(timedQueryable(tx, timings, true, () => (firstQuery ??= performance.now())));
          bodyDone = performance.now();
          return result;
        });
      } finally {
        const end = performance.now();
        timings.transactions.push(end - start);
        if (firstQuery !== undefined) record(timings, '[transaction start → first statement: pool checkout, BEGIN, handler code before it]', firstQuery - start);
        if (bodyDone) record(timings, '[last statement → transaction end: COMMIT + release]', end - bodyDone);
      }
    },
    close: () => db.close(),
  };
}
