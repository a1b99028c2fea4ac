import type { IsoDate } from '@collectkit/sdk';
import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { readConfig, type ServerConfig } from './config.js';
import { readAgencyProfile } from './process/notifications/agency-profile.js';
import { createNotificationDispatcher } from './process/notifications/dispatcher.js';
import { notificationTransportsFromEnv } from './process/notifications/transports/from-env.js';
import { createDunningScheduler } from './process/scheduler/dunning-scheduler.js';
import { offsetClock, persistOffset, readSimulatedOffset, simulateDays } from './process/scheduler/simulate.js';
import type { DemoCredentials } from './seed-demo.js';
import { liveServerLock, serverLockPath, type ServerLock } from './server-lock.js';
import { expect, httpApi, injectApi, operatorSession, type Api } from './simulate/api.js';
import { ensureDemoCase, readDemoCase, readDemoCredentials, type DemoCase } from './simulate/demo-case.js';
import { debtorPaysInFull, formatPayoutStatement, payOut } from './simulate/debtor-payment.js';
import { formatSteps, lastEventIdFromApi, lastEventIdInDatabase, stepsFromApi, stepsFromDatabase, type CaseSteps } from './simulate/steps.js';
import { storedRulesFor } from './store/business-rules.js';
import { migrate } from './store/migrate.js';
import { openDatabase } from './store/open-database.js';

export const SIMULATE_USAGE = 'usage: collectkit-server simulate [--days 90] [--demo-case] [--debtor-pays-on-day N]';

export interface SimulateOptions {
  /** Simulated days to run; 0 with --demo-case alone (only make the case). */
  days: number;
  demoCase: boolean;
  /** The simulated day (1 … days) on which the demo debtor pays the whole claim. */
  debtorPaysOnDay: number | null;
}

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be a whole number from ${min} to ${max}, got ${value ?? 'nothing'}; ${SIMULATE_USAGE}`);
  return n;
}

export function parseSimulateArgs(args: readonly string[]): SimulateOptions {
  let days: number | undefined;
  let demoCase = false;
  let debtorPaysOnDay: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--days') days = wholeNumber('--days', value(), 1, 3660);
    else if (flag === '--debtor-pays-on-day') debtorPaysOnDay = wholeNumber('--debtor-pays-on-day', value(), 1, 3660);
    else if (flag === '--demo-case' && inline === undefined) demoCase = true;
    else throw new Error(`unknown argument ${arg}; ${SIMULATE_USAGE}`);
  }
  // `--demo-case` on its own makes the case and stops, so the demo can show it before time moves.
  const total = days ?? (demoCase && debtorPaysOnDay === null ? 0 : 90);
  if (debtorPaysOnDay !== null && debtorPaysOnDay > total) throw new Error(`--debtor-pays-on-day ${debtorPaysOnDay} is after the last simulated day (--days ${total}); ${SIMULATE_USAGE}`);
  return { days: total, demoCase, debtorPaysOnDay };
}

interface Run {
  from: IsoDate;
  to: IsoDate;
  applied: number;
}

/** Where the simulation happens: this process on the database, or the running server over HTTP. */
interface Target {
  readonly description: string;
  /** The API as the demo operator (throws when there are no demo keys: the story needs them). */
  operator(): Promise<{ api: Api; token: string; credentials: DemoCredentials }>;
  today(): Promise<IsoDate>;
  /** Moves simulated time on by `days` (the first call also does today's work first). */
  advance(days: number): Promise<Run>;
  eventMark(): Promise<string>;
  stepsSince(mark: string): Promise<CaseSteps[]>;
  /** One line on the letters and e-mails the run queued. */
  outbox(): Promise<string>;
  close(): Promise<void>;
}

function needCredentials(config: ServerConfig): DemoCredentials {
  const credentials = readDemoCredentials(config.dataDir);
  if (!credentials) throw new Error(`${config.dataDir}/demo-keys.json is missing: the demo operator's login is needed (start the server once on this data dir to seed the demo)`);
  return credentials;
}

/** The current mode: this process opens the database, moves the stored clock and runs the scheduler itself. */
async function directTarget(config: ServerConfig, env: NodeJS.ProcessEnv): Promise<Target> {
  const db = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir });
  const clock = offsetClock(systemClock());
  await migrate(db, { appliedAt: clock.now() });
  clock.setOffsetMs(await readSimulatedOffset(db));
  const agency = readAgencyProfile(env);
  const errors: string[] = [];
  const scheduler = createDunningScheduler({ db, clock, agency, rulesFor: storedRulesFor, onError: (error, caseId) => errors.push(`  case ${caseId ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`) });
  const { email, sms } = notificationTransportsFromEnv(env, agency);
  const dispatcher = email || sms ? createNotificationDispatcher({ db, clock, email, sms }) : null;
  let first = true;
  // The API in this process, on the same database and clock, for the demo case, the payment and the payout.
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  return {
    description: config.databaseUrl ? 'on PostgreSQL (DATABASE_URL)' : `on PGlite in ${config.dataDir} (no server running on it)`,
    async operator() {
      const credentials = needCredentials(config);
      app ??= await buildApp({ db, clock, logLevel: 'silent', webhookDelivery: false });
      const api = injectApi(app);
      // A new session each time: sessions expire on the simulated clock, which moved on since the last.
      return { api, token: await operatorSession(api, credentials), credentials };
    },
    today: async () => clock.today(),
    async advance(days) {
      const before = first ? (await scheduler.runOnce()).applied : 0;
      first = false;
      const run = await simulateDays(clock, scheduler, days, {
        afterAdvance: persistOffset(db, clock)!,
        ...(dispatcher ? { afterDay: async () => void (await dispatcher.runOnce()) } : {}),
      });
      return { from: run.from, to: run.to, applied: before + run.applied };
    },
    eventMark: () => lastEventIdInDatabase(db),
    stepsSince: (mark) => stepsFromDatabase(db, mark),
    async outbox() {
      const [{ queued }] = (await db.query<{ queued: number }>(`SELECT count(*)::int AS queued FROM notifications WHERE status = 'queued'`)) as [{ queued: number }];
      const failures = errors.length > 0 ? `\n${errors.join('\n')}` : '';
      return (dispatcher ? `Notifications dispatched; ${queued} still queued.` : `${queued} notifications wait in the outbox: see /dev/mailbox on the running server (no SMTP_URL or SMS_HTTP_URL set).`) + failures;
    },
    async close() {
      email?.close();
      await app?.close();
      await db.close();
    },
  };
}

/** A server runs on these PGlite files: it does the work (POST /v1/simulation/advance) and this process only asks. */
async function httpTarget(config: ServerConfig, lock: ServerLock): Promise<Target> {
  const credentials = needCredentials(config);
  const api = httpApi(lock.baseUrl);
  const signIn = () =>
    operatorSession(api, credentials).catch((error: Error) => {
      throw new Error(`${error.message} (the server named in ${serverLockPath(config.dataDir)}, pid ${lock.pid})`);
    });
  let token = await signIn();
  // Sessions expire on the server's clock, which the simulation moves on: sign in again when one has.
  const asOperator: Api = async (method, path, request = {}) => {
    const result = await api(method, path, { ...request, bearer: token });
    if (result.status !== 401) return result;
    token = await signIn();
    return api(method, path, { ...request, bearer: token });
  };
  const state = async () => expect(await asOperator('GET', '/v1/simulation'), 200, 'reading the server\'s simulated clock (GET /v1/simulation; is COLLECTKIT_SIMULATION off?)');
  const settled = async () => {
    let now = await state();
    while (now.running) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      now = await state();
    }
    return now;
  };
  // A run someone else started (another `simulate`, stopped half-way) finishes before this one counts its steps.
  await settled();
  return {
    description: `over HTTP: the server at ${lock.baseUrl} (pid ${lock.pid}) runs on ${config.dataDir}, so it does the work`,
    operator: async () => ({ api, token: (token = await signIn()), credentials }),
    today: async () => (await state()).today,
    async advance(days) {
      const from: IsoDate = (await state()).today;
      let applied = 0;
      // The server's route takes at most 366 days at a time.
      for (let left = days; left > 0; left -= 366) {
        expect(await asOperator('POST', '/v1/simulation/advance', { body: { days: Math.min(left, 366) } }), 202, 'asking the server to simulate (POST /v1/simulation/advance)');
        const now = await settled();
        if (now.lastError) throw new Error(`the server's simulation failed: ${now.lastError}`);
        applied += now.lastRun?.applied ?? 0;
      }
      return { from, to: (await state()).today, applied };
    },
    eventMark: () => lastEventIdFromApi(asOperator, token),
    stepsSince: (mark) => stepsFromApi(asOperator, token, mark),
    outbox: async () => `Letters and e-mails: see ${lock.publicUrl}/dev/mailbox`,
    close: async () => undefined,
  };
}

/**
 * `collectkit-server simulate --days 90 [--demo-case] [--debtor-pays-on-day 60]`: moves the simulated
 * clock on one day at a time with the dunning scheduler doing each day's work, and prints what happened
 * to each case. On PGlite with a server running (its lock file, server-lock.ts) the server does it over
 * HTTP; otherwise this process opens the database. The offset is stored, so the server sees the same
 * simulated today. `--demo-case` makes a demo member and case first; `--debtor-pays-on-day` has the
 * demo debtor pay the whole claim by bank file on that day, and the operator pay the member out.
 */
export async function simulateCommand(args: readonly string[], env: NodeJS.ProcessEnv, out: (text: string) => void): Promise<void> {
  const options = parseSimulateArgs(args);
  const config = readConfig(env);
  const lock = config.databaseUrl ? null : liveServerLock(config.dataDir);
  const target = lock ? await httpTarget(config, lock) : await directTarget(config, env);
  try {
    out(`Simulating ${target.description}.\n`);
    let demo: DemoCase | null = readDemoCase(config.dataDir);
    if (options.demoCase) {
      const { api, token, credentials } = await target.operator();
      const made = await ensureDemoCase(api, { credentials, operatorToken: token }, config.dataDir, await target.today());
      if (made.demo) {
        demo = made.demo;
        const site = lock ? `${lock.publicUrl}/demo/` : '/demo/ on the server';
        out(
          [
            `Demo case ${demo.number} (${demo.debtorName}) ${made.created ? 'created' : 'already exists'} for ${demo.member.company}.`,
            `  Member login  ${demo.member.email} / ${demo.member.password}  (sign in at ${site}; kept in ${config.dataDir}/demo-case.json)`,
            '',
          ].join('\n'),
        );
      } else {
        demo = null;
        out(`${made.reason}.\n`);
      }
    }
    if (options.days === 0) return;
    if (options.debtorPaysOnDay !== null && !demo) throw new Error('--debtor-pays-on-day needs the demo case: run with --demo-case (once) first');

    const mark = await target.eventMark();
    const payDay = options.debtorPaysOnDay;
    const first = await target.advance(payDay ?? options.days);
    let run: Run = first;
    const notes: string[] = [];
    let statement: string | undefined;
    if (payDay !== null && demo) {
      const { api, token } = await target.operator();
      const today = await target.today();
      const paid = await debtorPaysInFull(api, token, demo.caseId, today, readAgencyProfile(env), new Date());
      if ('skipped' in paid) notes.push(`Day ${payDay}: ${paid.skipped}.`);
      else statement = formatPayoutStatement(demo.number, await payOut(api, token, demo.caseId));
      if (options.days > payDay) {
        const rest = await target.advance(options.days - payDay);
        run = { from: first.from, to: rest.to, applied: first.applied + rest.applied };
      }
    }
    out(
      [
        `Simulated ${options.days} days: ${run.from} → ${run.to} (${run.applied} actions; simulated today is now ${await target.today()}, stored for the server)`,
        formatSteps(await target.stepsSince(mark)),
        ...notes,
        await target.outbox(),
        ...(statement ? ['', statement] : []),
        '',
      ].join('\n'),
    );
  } finally {
    await target.close();
  }
}
