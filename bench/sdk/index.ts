/**
 * bench/sdk — the domain core's speed and size (issue 2 §7).
 *
 * - quote of a 20-invoice claim, and 3 years of late interest: operations per second;
 * - a 100,000-invoice portfolio quoted from a generated file, as a ratio to a bare loop summing the same
 *   amounts in the same run (goal: under 1 s here);
 * - min+gzip size of the domain code bundled for a browser (quote + law + ledger + identifiers, no HTTP
 *   client), as a ratio to dinero.js bundled alone (goal: ≤ 12 KB).
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { accrueInterest, lawFor, quote, standardPlan, type QuoteRequest } from '@collectkit/sdk';
import { minGzipSize } from '../lib/bundle-size.js';
import { medianMs, opsPerSecond, report } from '../lib/report.js';
import { generatePortfolio } from './portfolio.js';

const AS_OF = '2026-06-15';
// The standard plan prices in SEK (Atradius's published Swedish table), so the claim is Swedish.
const law = (country: Parameters<typeof lawFor>[0]) => lawFor(country, { carryForwardLastRate: true });

function claimOf(count: number, invoices: QuoteRequest['invoices'] = generatePortfolio(count, 42)): QuoteRequest {
  return {
    creditorCountry: 'SE',
    debtor: {
      type: 'business',
      name: 'Bilverkstaden AB',
      country: 'SE',
      nationalId: '556012-5790',
      address: { lines: ['Storgatan 1'], postalCode: '411 38', city: 'Göteborg', country: 'SE' },
    },
    invoices,
  };
}

// 1. A 20-invoice claim.
const claim20 = claimOf(20);
const quotesPerSecond = opsPerSecond(() => quote(claim20, standardPlan, { asOf: AS_OF, law }));
report({ figure: 'quote, 20-invoice claim', value: quotesPerSecond, unit: 'ops/s' });

// 2. Three years of interest (six half-year periods, each its own rate).
const interestPerSecond = opsPerSecond(() =>
  accrueInterest({
    principal: { amount: 1_234_567, currency: 'DKK' }, // DK has rates for every half-year 2023–2025
    from: '2023-01-01',
    to: '2026-01-01',
    country: 'DK',
    debtorType: 'business',
  }),
);
report({ figure: 'late interest over 3 years', value: interestPerSecond, unit: 'ops/s' });

// 3. A 100,000-invoice portfolio from a generated file, against a bare loop over the same amounts.
const dataDir = join(import.meta.dirname, '..', '.data');
const file = join(dataDir, 'portfolio-100000.json');
if (!existsSync(file)) {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(generatePortfolio(100_000, 7)));
}
const portfolio = claimOf(0, JSON.parse(readFileSync(file, 'utf8')) as QuoteRequest['invoices']);
let sink = 0;
const bareMs = await medianMs(() => {
  let total = 0;
  for (const invoice of portfolio.invoices) total += invoice.amount.amount;
  sink += total;
}, 7);
const portfolioMs = await medianMs(() => {
  sink += quote(portfolio, standardPlan, { asOf: AS_OF, law }).debtorOwes.total.amount;
}, 5);
report({
  figure: 'quote, 100,000-invoice portfolio',
  value: portfolioMs,
  unit: 'ms',
  baseline: { label: 'bare loop summing the amounts', value: bareMs },
  goal: '< 1000 ms',
  met: portfolioMs < 1000,
});

// 4. Browser bundle size of the domain code, against dinero.js alone.
const domain = await minGzipSize(
  `export { quote, lawFor, accrueInterest, allocatePayment, payoutStatement, settleClaim, standardPlan,
     associationMemberPlan, isValidCvr, isValidSwedishOrgNumber, isValidSwedishPersonalNumber,
     isValidNorwegianOrgNumber, isValidFinnishBusinessId, isValidIban, createPaymentReference,
     isValidPaymentReference, parseMoney, formatMoney } from '@collectkit/sdk';`,
);
const dinero = await minGzipSize(`export { dinero, add, subtract, allocate, multiply, toSnapshot, transformScale, toDecimal, halfUp } from 'dinero.js';`);
report({
  figure: 'domain bundle (quote + law + ledger + identifiers), min+gzip',
  value: domain.gzip / 1024,
  unit: 'KB',
  baseline: { label: 'dinero.js alone', value: dinero.gzip / 1024 },
  goal: '≤ 12 KB',
  met: domain.gzip <= 12 * 1024,
});

if (sink === 42) console.log('');
