import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite keeps its data in one process: a second process opening the same data dir can corrupt it.
 * So a server on PGlite leaves `<dataDir>/server.lock.json` (its pid, port and URL) while it runs, and
 * `simulate` reads it to drive that server over HTTP instead of opening the files (simulate-command.ts).
 */
export const SERVER_LOCK_FILE = 'server.lock.json';

export interface ServerLock {
  pid: number;
  port: number;
  /** Where a process on this machine reaches the server, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  /** PUBLIC_URL: where people reach it (the links to print). */
  publicUrl: string;
  startedAt: string;
}

export function serverLockPath(dataDir: string): string {
  return join(dataDir, SERVER_LOCK_FILE);
}

/** The URL a local process uses: the loopback address when the server listens on every interface. */
export function localBaseUrl(host: string, port: number): string {
  const local = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${local.includes(':') ? `[${local}]` : local}:${port}`;
}

/** Written whole (temp file, then rename) so a reader never sees half a lock. */
export function writeServerLock(dataDir: string, lock: ServerLock): void {
  mkdirSync(dataDir, { recursive: true });
  const path = serverLockPath(dataDir);
  const temp = `${path}.${lock.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(lock, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

/** Removes the lock if it is this process's (a second server's start must not remove the first's). */
export function removeServerLock(dataDir: string, pid: number = process.pid): void {
  if (readServerLock(dataDir)?.pid === pid) rmSync(serverLockPath(dataDir), { force: true });
}

export function readServerLock(dataDir: string): ServerLock | null {
  let raw: string;
  try {
    raw = readFileSync(serverLockPath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const lock = JSON.parse(raw) as Partial<ServerLock>;
    if (!Number.isSafeInteger(lock.pid) || !Number.isSafeInteger(lock.port) || typeof lock.baseUrl !== 'string') return null;
    return { pid: lock.pid!, port: lock.port!, baseUrl: lock.baseUrl, publicUrl: typeof lock.publicUrl === 'string' ? lock.publicUrl : lock.baseUrl, startedAt: String(lock.startedAt ?? '') };
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists (signal 0 tests without sending anything; EPERM: it exists, it is someone else's). */
export function processAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock of a server that is running now; null when there is none or it names a dead process (a crash's leftover). */
export function liveServerLock(dataDir: string): ServerLock | null {
  const lock = readServerLock(dataDir);
  return lock && lock.pid !== process.pid && processAlive(lock.pid) ? lock : null;
}
