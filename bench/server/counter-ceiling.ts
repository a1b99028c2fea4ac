/**
 * An experiment beside bench/server, not part of `npm run bench` (run it with
 * `node --import tsx bench/server/counter-ceiling.ts`): how many transactions per second one
 * PostgreSQL can commit when each takes the next number from
 *
 * - a counter row locked until COMMIT (what `nextCaseNumber` does, so that case numbers have no
 *   gaps: migration 0002's case_number_counters), or
 * - a sequence (`nextval`: never blocks, a rolled-back transaction leaves a gap),
 *
 * each followed by one insert, over 10 connections (the server's pool size) for 5 s. The first is
 * the ceiling of case creations per association and year whatever the rest of the route costs:
 * every holder must flush its commit before the next can take the lock.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { reachablePostgresUrl } from './postgres-url.js';

const CONNECTIONS = 10;
const DURATION_MS = 5000;

const url = await reachablePostgresUrl();
const schema = `ck_bench_${randomBytes(6).toString('hex')}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
try {
  await admin.query(`SET search_path = ${schema}`);
  await admin.query('CREATE TABLE counters (id int PRIMARY KEY, last_number int NOT NULL)');
  await admin.query('INSERT INTO counters VALUES (1, 0)');
  await admin.query('CREATE SEQUENCE case_numbers');
  await admin.query('CREATE TABLE numbered (id serial PRIMARY KEY, number bigint NOT NULL)');
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await client.connect();
      return client;
    }),
  );

  async function transactionsPerSecond(body: (client: pg.Client) => Promise<void>): Promise<number> {
    let committed = 0;
    const end = Date.now() + DURATION_MS;
    await Promise.all(
      clients.map(async (client) => {
        while (Date.now() < end) {
          await client.query('BEGIN');
          await body(client);
          await client.query('COMMIT');
          committed++;
        }
      }),
    );
    return (committed * 1000) / DURATION_MS;
  }

  const locked = await transactionsPerSecond(async (client) => {
    const { rows } = await client.query<{ last_number: number }>('UPDATE counters SET last_number = last_number + 1 WHERE id = 1 RETURNING last_number');
    await client.query('INSERT INTO numbered (number) VALUES ($1)', [rows[0]!.last_number]);
  });
  const sequenced = await transactionsPerSecond(async (client) => {
    await client.query("INSERT INTO numbered (number) VALUES (nextval('case_numbers'))");
  });
  console.log(`counter row locked until COMMIT: ${Math.round(locked)} tx/s`);
  console.log(`sequence (nextval):              ${Math.round(sequenced)} tx/s`);
  await Promise.all(clients.map((client) => client.end()));
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
