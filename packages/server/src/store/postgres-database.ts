import pg from 'pg';
import type { Database, Listener, Queryable } from './database.js';
import { openPostgresListener } from './postgres-listener.js';

export interface PostgresOptions {
  connectionString: string;
  /** Tests isolate each file in its own schema. */
  searchPath?: string;
  max?: number;
}

/** PostgreSQL through a `pg` pool (`DATABASE_URL`); server instances stay stateless. */
export function openPostgresDatabase(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query(sql, [...params]);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  });
  const listeners = new Set<Listener>();
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen(channel, handlers) {
      const listener = openPostgresListener({ connectionString: options.connectionString, channel, handlers });
      listeners.add(listener);
      return {
        get listening() {
          return listener.listening;
        },
        async close() {
          listeners.delete(listener);
          await listener.close();
        },
      };
    },
    async close() {
      await Promise.all([...listeners].map((listener) => listener.close()));
      listeners.clear();
      await pool.end();
    },
  };
}
