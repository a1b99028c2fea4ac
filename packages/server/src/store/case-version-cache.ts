import type { CaseScope } from './cases.js';
import type { Queryable } from './database.js';

/**
 * An in-process cache of case versions for the polling path (`GET /v1/cases/{id}` with
 * `If-None-Match` → 304, issue 3 §9): a poll answered from it makes no database query.
 *
 * Correctness first: a cached version must never hide a change made in THIS process.
 * - Every writer that bumps a version marks the case (`noteCaseWrite`): `updateCase` when it writes
 *   (inside its transaction), `caseChanged` (http/case-event-notifier.ts) for the HTTP commands,
 *   and the notifier's `onResponse` hook again once the command's transaction has committed or
 *   rolled back.
 * - A mark evicts the entry, and a version read from the database is only cached when no mark of
 *   its case came after the read started nor within the last `WRITE_GUARD_MS`: a read that may have
 *   seen the database before a write committed is never cached. For HTTP commands the mark after
 *   the commit closes that window whatever the transaction's length; a writer outside HTTP (the
 *   dunning scheduler, through `updateCase`) is covered as long as its transaction commits within
 *   `WRITE_GUARD_MS` of its update.
 *
 * Across instances (several servers on one PostgreSQL) a change made by another instance is seen
 * here once the entry expires: at most `VERSION_TTL_MS` (1 s) of staleness for a poller that
 * lands on this instance. ETags stay correct (the version is the database's), only late by ≤ 1 s.
 */
export const VERSION_TTL_MS = 1000;
/** How long after an in-process write its case's versions are not cached (a transaction's span). */
export const WRITE_GUARD_MS = 5000;
/** Bounds memory: beyond this many cases the oldest entries go first (Map keeps insertion order). */
const MAX_ENTRIES = 50_000;

interface CachedVersion {
  version: number;
  associationId: string;
  creditorId: string;
  /** performance.now() after which the entry is not used. */
  expiresAt: number;
}

const versions = new Map<string, CachedVersion>();
/** performance.now() of the latest in-process write mark per case (pruned after WRITE_GUARD_MS). */
const writes = new Map<string, number>();
let lastPrune = 0;

/** A writer changed (or is changing) the case in this process: forget its version. */
export function noteCaseWrite(caseId: string): void {
  const now = performance.now();
  versions.delete(caseId);
  writes.delete(caseId); // re-inserted last, so that pruning from the front stops at the first fresh mark
  writes.set(caseId, now);
  pruneWrites(now);
}

function pruneWrites(now: number): void {
  if (now - lastPrune < WRITE_GUARD_MS) return;
  lastPrune = now;
  for (const [caseId, at] of writes) {
    if (now - at < 2 * WRITE_GUARD_MS) break;
    writes.delete(caseId);
  }
}

function inScope(entry: CachedVersion, scope: CaseScope): boolean {
  return entry.associationId === scope.associationId && (scope.creditorId === undefined || entry.creditorId === scope.creditorId);
}

/**
 * The case's version if it exists in the scope (the ETag check of a conditional GET): from the
 * cache when fresh, else one indexed lookup, whose result is cached as described above.
 */
export async function cachedCaseVersion(db: Queryable, scope: CaseScope, id: string): Promise<number | undefined> {
  const started = performance.now();
  const cached = versions.get(id);
  if (cached && cached.expiresAt > started) return inScope(cached, scope) ? cached.version : undefined;

  // Read the version with its owners regardless of scope, so that one entry serves every caller;
  // the scope is checked here.
  const rows = await db.query<{ version: number; association_id: string; creditor_id: string }>(
    'SELECT version, association_id::text, creditor_id::text FROM cases WHERE id = $1',
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const entry: CachedVersion = { version: row.version, associationId: row.association_id, creditorId: row.creditor_id, expiresAt: 0 };
  const now = performance.now();
  const lastWrite = writes.get(id);
  if (lastWrite === undefined || (lastWrite < started && now - lastWrite >= WRITE_GUARD_MS)) {
    entry.expiresAt = now + VERSION_TTL_MS;
    versions.delete(id);
    versions.set(id, entry);
    if (versions.size > MAX_ENTRIES) versions.delete(versions.keys().next().value!);
  }
  return inScope(entry, scope) ? entry.version : undefined;
}

/** Empties the cache (tests). */
export function clearCaseVersionCache(): void {
  versions.clear();
  writes.clear();
}
