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
  type DunningAction,
  type IsoDate,
  type LawPack,
} from '@collectkit/sdk';
import type { Clock } from '../../clock.js';
import type { Database, Queryable } from '../../store/database.js';
import { caseInvoices, findCase, type CaseInvoiceRow, type CaseRow } from '../../store/cases.js';
import { DEMO_AGENCY_PROFILE, type AgencyProfile } from '../notifications/agency-profile.js';
import { applyDunningAction } from './apply-action.js';
import { deriveDunningCase, type DunningEvent } from './dunning-state.js';
import {
  caseEvents,
  claimDueCaseHeads,
  creditorName,
  eventsOfCases,
  firstDueDatesOfCases,
  setDunningNextOn,
  setDunningNextOnMany,
  type ClaimedCase,
} from './scheduler-store.js';

export interface DunningSchedulerOptions {
  db: Database;
  clock: Clock;
  /** How often it wakes. Default 5 s. */
  intervalMs?: number;
  /**
   * Cases claimed per transaction. Default 500 (DEFAULT_BATCH_SIZE): most claimed cases only wait and
   * cost a share of a handful of set-based statements, so a bigger claim means fewer round trips.
   */
  batchSize?: number;
  /**
   * The most due cases a transaction applies actions to (DEFAULT_DUE_PER_TRANSACTION, 25): the others
   * of its claim are left as they are and claimed again by the next transaction. It bounds how long a
   * transaction holds its case locks (operators and payments wait for them) when many cases fall due
   * on one day, whatever the batch size.
   */
  duePerTransaction?: number;
  /**
   * Batches a run works on at once, each in its own transaction (a connection each): while one waits
   * on PostgreSQL another renders its letters. SKIP LOCKED keeps them apart as it keeps two
   * schedulers apart. Default 1 (DEFAULT_CONCURRENCY); PGlite has one connection, so more only queue there.
   */
  concurrency?: number;
  agency?: AgencyProfile;
  /**
   * The creditor's rules with the debtor's overrides; default the sdk's DEFAULT_BUSINESS_RULES. It must
   * depend on the case's association, creditor and debtor only: a run asks once per creditor and debtor.
   */
  rulesFor?: (tx: Queryable, row: ClaimedCase) => Promise<CaseRules>;
  /** Days to pay a collection letter (agency practice, not statutory). Default 10. */
  collectionLetterDaysToPay?: number;
  onError?: (error: unknown, caseId?: string) => void;
}

type CaseRules = BusinessRules & { excluded?: boolean };

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

/**
 * The production defaults, which bench/dunning measures (issue 5 §9). Since letters are rendered after
 * the step (letters/queued-letters.ts), a transaction holds its locks for SQL and decisions only; a
 * claim of 500 takes ~0.1 s when 1 % is due, and duePerTransaction bounds it when many are.
 */
export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_DUE_PER_TRANSACTION = 25;
export const DEFAULT_CONCURRENCY = 1;

/** At most this many steps per case and wake-up: a case days behind catches up one step a day, never in a burst. */
const MAX_STEPS_PER_WAKE = 1;
/**
 * The day to look at a case again: the action's day, or tomorrow for a case that waits for someone
 * else (paused, disputed, awaiting approval) — what it waits for is changed by others (an operator,
 * the creditor), who do not reschedule it.
 */
function lookAgainOn(action: DunningAction, today: IsoDate): IsoDate {
  return action.kind === 'wait' || action.on <= today ? addDays(today, 1) : action.on;
}

function dunningCaseOf(row: ClaimedCase, events: readonly DunningEvent[], invoices: { invoices: readonly CaseInvoiceRow[] } | { firstDueDate: IsoDate | undefined }, rules: CaseRules) {
  return deriveDunningCase({ stage: row.stage, debtorType: row.debtor.type, currency: row.currency as CurrencyCode, outstanding: row.outstanding, events, instalmentGraceDays: rules.instalmentGraceDays, ...invoices });
}

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
 *
 * Issue 5 §9: most claimed cases only wait. Per batch their first due dates and events are read in
 * one query each and their next days written in one UPDATE; only the cases with an action due today
 * take the per-case path above, under their own savepoint, exactly as before.
 */
export function createDunningScheduler(options: DunningSchedulerOptions): DunningScheduler {
  const { db, clock } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const duePerTransaction = options.duePerTransaction ?? DEFAULT_DUE_PER_TRANSACTION;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('dunning scheduler: concurrency must be a whole number ≥ 1');
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('dunning scheduler: batchSize must be a whole number ≥ 1');
  if (!Number.isInteger(duePerTransaction) || duePerTransaction < 1) throw new Error('dunning scheduler: duePerTransaction must be a whole number ≥ 1');
  const agency = options.agency ?? DEMO_AGENCY_PROFILE;
  const rulesFor = options.rulesFor ?? (async () => resolveBusinessRules());
  let timer: ReturnType<typeof setInterval> | undefined;
  let current: Promise<DunningRun> | undefined;

  /** Per run: creditor names and rules change rarely, and a run sees them as they were when it first needed them. */
  interface RunCache {
    names: Map<string, Promise<string>>;
    rules: Map<string, Promise<CaseRules>>;
  }
  const nameOf = (cache: RunCache, tx: Queryable, row: ClaimedCase) => {
    const key = `${row.association_id}|${row.creditor_id}`;
    let name = cache.names.get(key);
    if (!name) cache.names.set(key, (name = creditorName(tx, row.association_id, row.creditor_id)));
    return name;
  };
  const rulesOf = (cache: RunCache, tx: Queryable, row: ClaimedCase) => {
    // rulesFor depends on the case's creditor and debtor only (its contract above).
    const key = `${row.association_id}|${row.creditor_id}|${JSON.stringify(row.debtor)}`;
    let rules = cache.rules.get(key);
    if (!rules) {
      cache.rules.set(key, (rules = rulesFor(tx, row)));
      // A failed read is not remembered: the next case asks again.
      rules.catch(() => cache.rules.delete(key));
    }
    return rules;
  };

  /**
   * One case, the exact per-case path: reads it, applies its due action (at most MAX_STEPS_PER_WAKE)
   * and stores the day to look again. `associationId` is the claimed case's, when the batch knows it.
   */
  async function processCase(tx: Queryable, cache: RunCache, caseId: string, knownAssociationId?: string): Promise<number> {
    const today = clock.today();
    let associationId = knownAssociationId;
    if (associationId === undefined) {
      [{ association_id: associationId }] = await tx.query<{ association_id: string }>('SELECT association_id::text FROM cases WHERE id = $1', [caseId]) as [{ association_id: string }];
    }
    let row = (await findCase(tx, { associationId }, caseId))!;
    const country = debtorCountry(row.debtor);
    if (!isLawCountry(country)) {
      // No law pack, no statutory steps: an operator follows debtors abroad. Looked at again in 30 days.
      await setDunningNextOn(tx, caseId, addDays(today, 30));
      return 0;
    }
    const law = lawOf(country);
    const rules = await rulesOf(cache, tx, row);
    const name = await nameOf(cache, tx, row);
    let applied = 0;
    for (;;) {
      const invoices = await caseInvoices(tx, associationId, caseId);
      const events = await caseEvents(tx, associationId, caseId);
      const action = nextDunningAction({ dunningCase: dunningCaseOf(row, events, { invoices }, rules), rules, law });
      if (action.kind === 'wait' || action.on > today || applied >= MAX_STEPS_PER_WAKE) {
        await setDunningNextOn(tx, caseId, lookAgainOn(action, today));
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

  /**
   * The set-based part of a batch: reads the claimed cases' first due dates and events in one query each,
   * decides which cases only wait, and returns their days to look again. The cases with an action
   * due today (or whose decision failed) are left to processCase. Runs under a savepoint: if a
   * read fails, the batch falls back to processCase for every case.
   */
  async function planBatch(tx: Queryable, cache: RunCache, rows: readonly ClaimedCase[], today: IsoDate): Promise<{ waiting: Map<string, IsoDate>; due: ClaimedCase[] }> {
    const waiting = new Map<string, IsoDate>();
    const due: ClaimedCase[] = [];
    const lawCases = rows.filter((row) => isLawCountry(debtorCountry(row.debtor)));
    const dueDates = await firstDueDatesOfCases(tx, lawCases);
    const events = await eventsOfCases(tx, lawCases);
    for (const row of rows) {
      const country = debtorCountry(row.debtor);
      if (!isLawCountry(country)) {
        // No law pack, no statutory steps: an operator follows debtors abroad. Looked at again in 30 days.
        waiting.set(row.id, addDays(today, 30));
        continue;
      }
      const rules = await rulesOf(cache, tx, row);
      let action: DunningAction;
      try {
        action = nextDunningAction({ dunningCase: dunningCaseOf(row, events.get(row.id)!, { firstDueDate: dueDates.get(row.id) }, rules), rules, law: lawOf(country) });
      } catch {
        due.push(row); // processCase meets the same error under its savepoint and counts the case as failed
        continue;
      }
      if (action.kind === 'wait' || action.on > today) waiting.set(row.id, lookAgainOn(action, today));
      else due.push(row);
    }
    return { waiting, due };
  }

  async function runOnce(): Promise<DunningRun> {
    const run: DunningRun = { cases: 0, applied: 0, failed: 0 };
    const cache: RunCache = { names: new Map(), rules: new Map() };
    // allSettled: a worker that fails does not end the run while the others still hold transactions.
    const outcomes = await Promise.allSettled(Array.from({ length: concurrency }, () => work(run, cache)));
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failure) throw failure.reason;
    return run;
  }

  /**
   * Claims and works batches until a claim comes back short and none of it was left for later: nothing
   * due is left that another does not hold.
   */
  async function work(run: DunningRun, cache: RunCache): Promise<void> {
    for (;;) {
      const { claimed, deferred } = await db.transaction(async (tx) => {
        const today = clock.today();
        const rows = await claimDueCaseHeads(tx, today, batchSize);
        let plan: { waiting: Map<string, IsoDate>; due: ClaimedCase[] };
        let reread = false;
        await tx.query('SAVEPOINT dunning_batch');
        try {
          plan = await planBatch(tx, cache, rows, today);
          await setDunningNextOnMany(tx, plan.waiting);
          await tx.query('RELEASE SAVEPOINT dunning_batch');
        } catch {
          // Today's path for every case of the batch: each reads itself under its own savepoint.
          await tx.query('ROLLBACK TO SAVEPOINT dunning_batch');
          plan = { waiting: new Map(), due: [...rows] };
          reread = true;
        }
        // Past duePerTransaction the due cases keep their dunning_next_on (≤ today): the next claim takes them
        // first (ORDER BY dunning_next_on), and they are decided again there.
        const deferred = Math.max(0, plan.due.length - duePerTransaction);
        for (const row of plan.due.slice(0, duePerTransaction)) {
          await tx.query('SAVEPOINT dunning_case');
          try {
            // Awaited before adding: `run.applied += await …` would read the count before another worker's addition.
            const applied = await processCase(tx, cache, row.id, reread ? undefined : row.association_id);
            run.applied += applied;
            await tx.query('RELEASE SAVEPOINT dunning_case');
          } catch (error) {
            await tx.query('ROLLBACK TO SAVEPOINT dunning_case');
            await setDunningNextOn(tx, row.id, addDays(clock.today(), 1));
            run.failed += 1;
            options.onError?.(error, row.id);
          }
        }
        return { claimed: rows.length, deferred };
      });
      run.cases += claimed - deferred;
      if (claimed < batchSize && deferred === 0) return;
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
