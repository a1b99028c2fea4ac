import { formatMoney, type Money } from '@collectkit/sdk';
import { systemClock } from './clock.js';
import { readConfig } from './config.js';
import { readAgencyProfile } from './process/notifications/agency-profile.js';
import { createNotificationDispatcher } from './process/notifications/dispatcher.js';
import { notificationTransportsFromEnv } from './process/notifications/transports/from-env.js';
import { createDunningScheduler } from './process/scheduler/dunning-scheduler.js';
import { offsetClock, persistOffset, readSimulatedOffset, simulateDays } from './process/scheduler/simulate.js';
import { storedRulesFor } from './store/business-rules.js';
import type { Queryable } from './store/database.js';
import { migrate } from './store/migrate.js';
import { openDatabase } from './store/open-database.js';

/** The steps the scheduler records, as a person reads them. */
const STEP_EVENTS: Record<string, (data: Record<string, any>) => string> = {
  'reminder.sent': (d) => `reminder ${d.number}`,
  'notice.sent': (d) => `pre-collection notice, pay by ${d.payBy}`,
  'collection.started': () => 'collection started',
  'legal_approval.requested': () => 'legal action proposed: waits for the creditor\'s approval',
  'legal.started': () => 'legal action started',
  'surveillance.checked': () => 'surveillance re-check',
  'instalment.missed': (d) => `instalment of ${d.instalmentDueOn} missed: back to collection`,
};

interface StepLine {
  case_id: string;
  number: string;
  debtor_name: string;
  type: string;
  data: Record<string, any>;
}

export function parseSimulateArgs(args: readonly string[]): { days: number } {
  let days = 90;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = arg.startsWith('--days=') ? arg.slice('--days='.length) : arg === '--days' ? args[++i] : undefined;
    if (value === undefined) throw new Error(`unknown argument ${arg}; usage: collectkit-server simulate [--days 90]`);
    days = Number(value);
    if (!Number.isInteger(days) || days < 1 || days > 3660) throw new Error(`--days must be a whole number from 1 to 3660, got ${value}`);
  }
  return { days };
}

/** The steps taken since event `afterId`, per case: day, action, fee. */
async function stepsSince(db: Queryable, afterId: string): Promise<string> {
  const rows = await db.query<StepLine>(
    `SELECT e.case_id, c.number, c.debtor->>'name' AS debtor_name, e.type, e.data
       FROM events e JOIN cases c ON c.id = e.case_id
      WHERE e.id > $1::bigint AND (e.type = ANY($2::text[]) OR e.type = 'fee.added')
      ORDER BY c.number, e.id`,
    [afterId, Object.keys(STEP_EVENTS)],
  );
  const lines: string[] = [];
  let current = '';
  for (const row of rows) {
    if (row.case_id !== current) {
      current = row.case_id;
      lines.push(`  ${row.number}  ${row.debtor_name}`);
    }
    if (row.type === 'fee.added') {
      const last = lines.length - 1;
      const fee = `${String(row.data.kind).replace(/_/g, ' ')} ${formatMoney(row.data.amount as Money, 'en-GB')}`;
      lines[last] = lines[last]!.includes(' fee: ') ? `${lines[last]}, ${fee}` : `${lines[last]!.padEnd(72)} fee: ${fee}`;
      continue;
    }
    lines.push(`    ${row.data.on}  ${STEP_EVENTS[row.type]!(row.data)}`);
  }
  return lines.length > 0 ? lines.join('\n') : '  (no case had a step due)';
}

/**
 * `collectkit-server simulate --days 90`: opens the server's database, moves the simulated clock on
 * one day at a time and runs the dunning scheduler (and the notification dispatcher, when a transport
 * is configured) for each day, then prints what happened to each case. The offset is stored, so a
 * server started afterwards (or running on the same PostgreSQL) sees the same simulated today.
 * PGlite keeps its data in one process: stop the server before simulating on it.
 */
export async function simulateCommand(args: readonly string[], env: NodeJS.ProcessEnv, out: (text: string) => void): Promise<void> {
  const { days } = parseSimulateArgs(args);
  const config = readConfig(env);
  const db = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir });
  try {
    const clock = offsetClock(systemClock());
    await migrate(db, { appliedAt: clock.now() });
    clock.setOffsetMs(await readSimulatedOffset(db));
    const agency = readAgencyProfile(env);
    const scheduler = createDunningScheduler({ db, clock, agency, rulesFor: storedRulesFor, onError: (error, caseId) => out(`  case ${caseId ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}\n`) });
    const { email, sms } = notificationTransportsFromEnv(env, agency);
    const dispatcher = email || sms ? createNotificationDispatcher({ db, clock, email, sms }) : null;
    const [{ last }] = (await db.query<{ last: string }>('SELECT coalesce(max(id), 0)::text AS last FROM events')) as [{ last: string }];
    // Today's work first (the server may not have run today), then one day at a time.
    const first = await scheduler.runOnce();
    const run = await simulateDays(clock, scheduler, days, {
      afterAdvance: persistOffset(db, clock)!,
      ...(dispatcher ? { afterDay: async () => void (await dispatcher.runOnce()) } : {}),
    });
    const [{ queued }] = (await db.query<{ queued: number }>(`SELECT count(*)::int AS queued FROM notifications WHERE status = 'queued'`)) as [{ queued: number }];
    out(
      [
        `Simulated ${days} days: ${run.from} → ${run.to} (${first.applied + run.applied} actions; simulated today is now ${clock.today()}, stored for the server)`,
        await stepsSince(db, last),
        dispatcher ? `Notifications dispatched; ${queued} still queued.` : `${queued} notifications wait in the outbox: see /dev/mailbox on the running server (no SMTP_URL or SMS_HTTP_URL set).`,
        '',
      ].join('\n'),
    );
    email?.close();
  } finally {
    await db.close();
  }
}
