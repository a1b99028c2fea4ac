import {
  addDays,
  debtorCountry,
  isLawCountry,
  lawFor,
  nextDunningAction,
  resolveBusinessRules,
  type BusinessRules,
  type CountryCode,
  type CurrencyCode,
  type LawPack,
} from '@collectkit/sdk';
import type { Clock } from '../../clock.js';
import type { Database, Queryable } from '../../store/database.js';
import { caseInvoices, findCase, type CaseRow } from '../../store/cases.js';
import { DEMO_AGENCY_PROFILE, type AgencyProfile } from '../notifications/agency-profile.js';
import { applyDunningAction } from './apply-action.js';
import { deriveDunningCase } from './dunning-state.js';
import { caseEvents, claimDueCases, creditorName, setDunningNextOn } from './scheduler-store.js';

export interface DunningSchedulerOptions {
  db: Database;
  clock: Clock;
  /** How often it wakes. Default 5 s. */
  intervalMs?: number;
  /** Cases claimed per transaction. Default 25. */
  batchSize?: number;
  agency?: AgencyProfile;
  /** The creditor's rules with the debtor's overrides; default the sdk's DEFAULT_BUSINESS_RULES. */
  rulesFor?: (tx: Queryable, row: CaseRow) => Promise<BusinessRules & { excluded?: boolean }>;
  /** Days to pay a collection letter (agency practice, not statutory). Default 10. */
  collectionLetterDaysToPay?: number;
  onError?: (error: unknown, caseId?: string) => void;
}

export interface DunningRun {
  /** Cases looked at. */
  cases: number;
  /** Actions applied. */
  applied: number;
  /** Cases whose processing failed (retried the next day). */
  failed: number;
}

export interface DunningScheduler {
  runOnce(): Promise<DunningRun>;
  start(): void;
  stop(): Promise<void>;
}

/** At most this many steps per case and wake-up: a case days behind catches up one step a day, never in a burst. */
const MAX_STEPS_PER_WAKE = 1;
const packs = new Map<CountryCode, LawPack>();
function lawOf(country: CountryCode): LawPack {
  let pack = packs.get(country);
  // Past the last published interest rate the last one is carried forward, as the locked quote does.
  if (!pack) packs.set(country, (pack = lawFor(country, { carryForwardLastRate: true })));
  return pack;
}

/**
 * The dunning scheduler (DESIGN.md §3.6, issue 5 §1): wakes every `intervalMs`, claims due cases in
 * batches with `SELECT … FOR UPDATE SKIP LOCKED`, derives each case's DunningCase from its events,
 * asks the sdk's nextDunningAction and, when the action is due today, applies it with its events and
 * notifications in the batch's transaction (each case under a savepoint, so one broken case does not
 * undo the others). Then it stores the day to look again. Any number of processes may run it
 * against one PostgreSQL: a case is only ever held by one of them.
 */
export function createDunningScheduler(options: DunningSchedulerOptions): DunningScheduler {
  const { db, clock } = options;
  const batchSize = options.batchSize ?? 25;
  const agency = options.agency ?? DEMO_AGENCY_PROFILE;
  const rulesFor = options.rulesFor ?? (async () => resolveBusinessRules());
  let timer: ReturnType<typeof setInterval> | undefined;
  let current: Promise<DunningRun> | undefined;

  async function processCase(tx: Queryable, caseId: string): Promise<number> {
    const today = clock.today();
    const [{ association_id: associationId }] = await tx.query<{ association_id: string }>('SELECT association_id::text FROM cases WHERE id = $1', [caseId]) as [{ association_id: string }];
    let row = (await findCase(tx, { associationId }, caseId))!;
    const country = debtorCountry(row.debtor);
    if (!isLawCountry(country)) {
      // No law pack, no statutory steps: an operator follows debtors abroad. Looked at again in 30 days.
      await setDunningNextOn(tx, caseId, addDays(today, 30));
      return 0;
    }
    const law = lawOf(country);
    const rules = await rulesFor(tx, row);
    const name = await creditorName(tx, associationId, row.creditor_id);
    let applied = 0;
    for (;;) {
      const invoices = await caseInvoices(tx, associationId, caseId);
      const events = await caseEvents(tx, associationId, caseId);
      const dunningCase = deriveDunningCase({ stage: row.stage, debtorType: row.debtor.type, currency: row.currency as CurrencyCode, outstanding: row.outstanding, invoices, events });
      const action = nextDunningAction({ dunningCase, rules, law });
      if (action.kind === 'wait' || action.on > today || applied >= MAX_STEPS_PER_WAKE) {
        // Waiting cases (paused, disputed, awaiting approval) are looked at again tomorrow: what they wait for
        // is changed by others (an operator, the creditor), who do not reschedule them.
        const next = action.kind === 'wait' || action.on <= today ? addDays(today, 1) : action.on;
        await setDunningNextOn(tx, caseId, next);
        return applied;
      }
      row = await applyDunningAction(tx, row, invoices, events, action, {
        agency,
        creditorName: name,
        rules,
        law,
        collectionLetterDaysToPay: options.collectionLetterDaysToPay ?? 10,
        now: clock.now(),
        today,
      });
      applied += 1;
    }
  }

  async function runOnce(): Promise<DunningRun> {
    const run: DunningRun = { cases: 0, applied: 0, failed: 0 };
    for (;;) {
      const claimed = await db.transaction(async (tx) => {
        const ids = await claimDueCases(tx, clock.today(), batchSize);
        for (const id of ids) {
          await tx.query('SAVEPOINT dunning_case');
          try {
            run.applied += await processCase(tx, id);
            await tx.query('RELEASE SAVEPOINT dunning_case');
          } catch (error) {
            await tx.query('ROLLBACK TO SAVEPOINT dunning_case');
            await setDunningNextOn(tx, id, addDays(clock.today(), 1));
            run.failed += 1;
            options.onError?.(error, id);
          }
        }
        return ids.length;
      });
      run.cases += claimed;
      if (claimed < batchSize) return run;
    }
  }

  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (current) return;
        current = runOnce()
          .catch((error: unknown) => {
            options.onError?.(error);
            return { cases: 0, applied: 0, failed: 0 };
          })
          .finally(() => {
            current = undefined;
          });
      }, options.intervalMs ?? 5_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await current;
    },
  };
}
