/**
 * The load generator: autocannon on loopback, in the benchmark's own process, with the settings
 * every measurement shares. Each run is checked: a run whose answers are not all the expected
 * status is reported as such, never as a throughput.
 */
import autocannon, { type AutocannonOptions, type AutocannonResult } from 'autocannon';
import './bodiless-responses.js';

/** BENCH_SERVER_CONNECTIONS overrides the 20 connections (e.g. 1: a request's own latency, no queue). */
export const LOAD = { connections: Number(process.env.BENCH_SERVER_CONNECTIONS ?? 20), pipelining: 1, durationSeconds: 5, warmUpSeconds: 1 } as const;

export interface Measured {
  /** Mean of autocannon's per-second samples of completed requests. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

export type LoadRequest = Pick<AutocannonOptions, 'url' | 'method' | 'headers' | 'body' | 'requests'>;

function summary(result: AutocannonResult): Measured {
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = Number(count);
  const total = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Runs the load for `durationSeconds`; throws unless every answer has `expectStatus`. */
export async function measure(request: LoadRequest, expectStatus: number, durationSeconds: number = LOAD.durationSeconds): Promise<Measured> {
  const result = summary(
    await autocannon({ ...request, connections: LOAD.connections, pipelining: LOAD.pipelining, duration: durationSeconds, timeout: 10 }),
  );
  const unexpected = Object.entries(result.statuses).filter(([code]) => Number(code) !== expectStatus);
  if (result.total === 0 || unexpected.length > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${request.method ?? 'GET'} ${request.url}: expected only HTTP ${expectStatus}, got ${JSON.stringify(result.statuses)}, ` +
        `${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return result;
}

export function describe(measured: Measured): string {
  return `${Math.round(measured.requestsPerSecond)} req/s, p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms, ${measured.total} answers`;
}
