#!/usr/bin/env node
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import { startBanner } from './banner.js';
import { systemClock } from './clock.js';
import { readConfig } from './config.js';
import { catchUpSimulatedClock, offsetClock, readSimulatedOffset } from './process/scheduler/simulate.js';
import { migrate } from './store/migrate.js';
import { openDatabase } from './store/open-database.js';
import { seedDemo } from './seed-demo.js';
import { simulateCommand } from './simulate-command.js';
import { liveServerLock, localBaseUrl, removeServerLock, serverLockPath, writeServerLock } from './server-lock.js';

/**
 * `collectkit-server`: reads the environment (PORT, HOST, DATABASE_URL, COLLECTKIT_DATA_DIR,
 * PUBLIC_URL, TRUST_PROXY, LOG_LEVEL, COLLECTKIT_DUNNING_SCHEDULER, COLLECTKIT_WEBHOOK_ALLOW_PRIVATE), migrates, seeds the demo
 * association on first start, listens. `collectkit-server simulate --days 90` moves the demo's
 * simulated time on instead (simulate-command.ts).
 */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  // Simulated time (issue 5 §7): the system clock plus the offset `simulate` stored.
  const clock = offsetClock(systemClock());
  // The demo follows its cases up by itself; COLLECTKIT_DUNNING_SCHEDULER=0 turns the scheduler off.
  process.env.COLLECTKIT_DUNNING_SCHEDULER ??= '1';
  // PGlite's files take one process: a second server on them would corrupt them (server-lock.ts).
  const other = config.databaseUrl ? null : liveServerLock(config.dataDir);
  if (other) throw new Error(`another server (pid ${other.pid}, ${other.baseUrl}) is running on ${config.dataDir}; stop it or set COLLECTKIT_DATA_DIR (${serverLockPath(config.dataDir)})`);
  const db = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir });
  await migrate(db, { appliedAt: clock.now() });
  clock.setOffsetMs(await readSimulatedOffset(db));
  const app = await buildApp({ db, clock, publicUrl: config.publicUrl, trustProxy: config.trustProxy, crossSiteSessions: config.crossSiteSessions, logLevel: config.logLevel });
  // A `simulate` run on the same PostgreSQL moves this server's today on too, within 5 s.
  const catchUp = setInterval(() => void catchUpSimulatedClock(db, clock).catch((err: unknown) => app.log.warn({ err }, 'could not read the simulated clock')), 5_000);
  catchUp.unref();
  app.addHook('onClose', async () => clearInterval(catchUp));
  // Installed before the server listens: a stop signal at any moment after this closes the app and the
  // database cleanly and removes the lock (one that came before the lock was written leaves none).
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    let code = 0;
    try {
      await app.close();
      await db.close();
    } catch (err) {
      app.log.error({ err }, 'could not shut down cleanly');
      code = 1;
    }
    removeServerLock(config.dataDir);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  // With PORT=0 the real port is known only now; the public URL follows it unless set explicitly.
  const baseUrl = process.env.PUBLIC_URL ? config.publicUrl : `http://localhost:${port}`;
  if (!config.databaseUrl) {
    // While it runs, `simulate` drives this server over HTTP instead of opening its PGlite files.
    writeServerLock(config.dataDir, { pid: process.pid, port, baseUrl: localBaseUrl(config.host, port), publicUrl: baseUrl, startedAt: new Date().toISOString() });
    // Removed on any exit; one left by a crash names a dead pid, and is ignored.
    process.on('exit', () => removeServerLock(config.dataDir));
  }
  const seed = await seedDemo(db, clock, {
    dataDir: config.dataDir,
    allowedOrigins: [...new Set([`http://localhost:${port}`, `http://127.0.0.1:${port}`, new URL(baseUrl).origin])],
  });
  const storage = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  const schedulerOn = process.env.COLLECTKIT_DUNNING_SCHEDULER === '1' || process.env.COLLECTKIT_DUNNING_SCHEDULER === 'true';
  const dunning = {
    scheduler: schedulerOn
      ? `on, every ${process.env.DUNNING_INTERVAL_SECONDS ?? 5} s (COLLECTKIT_DUNNING_SCHEDULER=0 turns it off)`
      : 'off (COLLECTKIT_DUNNING_SCHEDULER=1 turns it on)',
    simulatedToday: clock.offsetMs() !== 0 ? clock.today() : null,
  };
  process.stdout.write(`${startBanner(config, baseUrl, storage, seed, dunning)}\n`);

}

// `simulate` runs the scheduler itself, day by day: the in-process app it may build must not run one too.
if (process.argv[2] === 'simulate') process.env.COLLECTKIT_DUNNING_SCHEDULER = '0';
const command = process.argv[2] === 'simulate'
  ? simulateCommand(process.argv.slice(3), process.env, (text) => process.stdout.write(text))
  : main();
command.catch((error: unknown) => {
  const what = process.argv[2] === 'simulate' ? 'collectkit-server simulate failed' : 'collectkit-server could not start';
  process.stderr.write(`${what}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
