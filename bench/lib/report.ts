/**
 * Benchmarks report figures as lines `BENCH {json}` so that `npm run bench` can gather every
 * benchmark's figures into one table. Each figure is compared with a baseline measured in the
 * same run on the same machine, never with a number remembered from elsewhere.
 */
export interface BenchFigure {
  /** What was measured, e.g. "quote, 100,000-invoice portfolio". */
  figure: string;
  value: number;
  unit: string;
  /** The same-run baseline, e.g. a bare loop over the same amounts. */
  baseline?: { label: string; value: number };
  /** value / baseline.value */
  ratio?: number;
  /** The goal in words, e.g. "< 1 s" */
  goal?: string;
  /** Whether the goal is met, when it can be judged. */
  met?: boolean;
}

export function report(figure: BenchFigure): void {
  const ratio = figure.baseline ? figure.value / figure.baseline.value : undefined;
  const line = { ...figure, ratio: figure.ratio ?? ratio };
  console.log(`BENCH ${JSON.stringify(line)}`);
}

/** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns operations per second. */
export function opsPerSecond(fn: () => unknown, ms = 1000): number {
  const warmUntil = performance.now() + Math.min(200, ms / 4);
  while (performance.now() < warmUntil) fn();
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    fn();
    ops++;
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}

/** Median wall time in milliseconds of `runs` runs of `fn`. */
export async function medianMs(fn: () => unknown, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
