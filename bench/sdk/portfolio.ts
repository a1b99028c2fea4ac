import { addDays } from '@collectkit/sdk';

/** Deterministic invoices (a small LCG, so every run quotes the same portfolio). */
export function generatePortfolio(count: number, seed: number) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  return Array.from({ length: count }, (_, i) => {
    const issueDate = addDays('2025-01-01', next() % 400);
    return {
      number: `INV-${i + 1}`,
      issueDate,
      dueDate: addDays(issueDate, 14 + (next() % 30)),
      amount: { amount: 10_000 + (next() % 5_000_000), currency: 'SEK' as const },
    };
  });
}
