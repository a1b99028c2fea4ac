import { formatCaseNumber, reserveCaseNumbers } from './cases.js';
import type { Queryable } from './database.js';

/**
 * Case numbers for concurrent creations in one association: the creations that wait while a
 * reservation is in flight share the next one (`reserveCaseNumbers` with their count), so a burst
 * of N creations costs about two counter statements instead of N commits in a row on one locked
 * row (issue 3 §9).
 *
 * Only waiting creations are counted in, so no number is held in memory unused: with no failures
 * the numbers stay gapless, and one creation at a time gets exactly what `nextCaseNumber` gave.
 * Numbers are handed out in the order the creations asked. Several server instances each batch
 * their own creations; the counter row keeps the numbers unique between them.
 */
interface Waiting {
  resolve(number: string): void;
  reject(error: unknown): void;
}

interface Counter {
  queue: Waiting[];
  reserving: boolean;
}

/** Per database (tests run several in one process), then per association and year. */
const counters = new WeakMap<Queryable, Map<string, Counter>>();

/** `db` must not be a transaction: the reservation commits on its own. */
export function takeCaseNumber(db: Queryable, associationId: string, year: number): Promise<string> {
  let byKey = counters.get(db);
  if (!byKey) counters.set(db, (byKey = new Map()));
  const key = `${associationId}/${year}`;
  let counter = byKey.get(key);
  if (!counter) byKey.set(key, (counter = { queue: [], reserving: false }));
  const taken = new Promise<string>((resolve, reject) => counter.queue.push({ resolve, reject }));
  reserve(db, byKey, key, counter, associationId, year);
  return taken;
}

function reserve(db: Queryable, byKey: Map<string, Counter>, key: string, counter: Counter, associationId: string, year: number): void {
  if (counter.reserving) return;
  if (counter.queue.length === 0) {
    byKey.delete(key);
    return;
  }
  counter.reserving = true;
  const batch = counter.queue.splice(0, counter.queue.length);
  reserveCaseNumbers(db, associationId, year, batch.length).then(
    (last) => {
      const first = last - batch.length + 1;
      batch.forEach((waiting, i) => waiting.resolve(formatCaseNumber(year, first + i)));
    },
    (error: unknown) => {
      for (const waiting of batch) waiting.reject(error);
    },
  ).finally(() => {
    counter.reserving = false;
    reserve(db, byKey, key, counter, associationId, year);
  });
}
