#!/usr/bin/env node
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import { startBanner } from './banner.js';
import { systemClock } from './clock.js';
import { readConfig } from './config.js';
import { migrate } from './store/migrate.js';
import { openDatabase } from './store/open-database.js';
import { seedDemo } from './seed-demo.js';

/**
 * `collectkit-server`: reads the environment (PORT, HOST, DATABASE_URL, COLLECTKIT_DATA_DIR,
 * PUBLIC_URL, TRUST_PROXY, LOG_LEVEL), migrates, seeds the demo association on first start, listens.
 */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const clock = systemClock();
  const db = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir });
  await migrate(db, { appliedAt: clock.now() });
  const app = await buildApp({ db, clock, publicUrl: config.publicUrl, trustProxy: config.trustProxy, logLevel: config.logLevel });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  // With PORT=0 the real port is known only now; the public URL follows it unless set explicitly.
  const baseUrl = process.env.PUBLIC_URL ? config.publicUrl : `http://localhost:${port}`;
  const seed = await seedDemo(db, clock, {
    dataDir: config.dataDir,
    allowedOrigins: [...new Set([`http://localhost:${port}`, `http://127.0.0.1:${port}`, new URL(baseUrl).origin])],
  });
  const storage = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  process.stdout.write(`${startBanner(config, baseUrl, storage, seed)}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`collectkit-server could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
