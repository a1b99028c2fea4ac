#!/usr/bin/env node
// Pushes the overdue invoices of a CSV export to Collectkit as collection cases (one case per debtor),
// then follows their status with a text progress bar until every case is finished or time runs out.
//
//   node push.mjs [invoices.csv] [--as-of YYYY-MM-DD] [--follow 30] [--dry-run]
//
// Credentials (see README.md): COLLECTKIT_SECRET_KEY + COLLECTKIT_CREDITOR_ID, or a member's
// COLLECTKIT_EMAIL + COLLECTKIT_PASSWORD with the association's COLLECTKIT_PUBLISHABLE_KEY (read from the
// demo server's .collectkit/data/demo-keys.json when not set). COLLECTKIT_API_BASE defaults to
// http://localhost:8080.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  CaseSchema,
  assertIsoDate,
  createClient,
  isCollectkitApiError,
  isCollectkitInputError,
  isFinalStage,
  isValidCvr,
  normalizeCvr,
  parseMoney,
  pathOf,
  toDecimalString,
} from '@collectkit/sdk';
import { readCsv } from './csv.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'as-of': { type: 'string' }, follow: { type: 'string', default: '30' }, 'dry-run': { type: 'boolean', default: false } },
});
const file = positionals[0] ?? new URL('invoices.csv', import.meta.url).pathname;
// The one place this script reads the clock: what "overdue" means today. The sdk never does.
const asOf = assertIsoDate(values['as-of'] ?? new Date().toISOString().slice(0, 10), '--as-of');
const followSeconds = Number(values.follow);

// ------------------------------------------------------------------------------- read the invoices

/** One invoice per valid, overdue row; the rest are reported with the line and the field. */
function overdueInvoices(rows) {
  const invoices = [];
  for (const row of rows) {
    try {
      const currency = row.currency;
      const invoice = {
        number: row.invoice_number,
        issueDate: assertIsoDate(row.issue_date, 'issue_date'),
        dueDate: assertIsoDate(row.due_date, 'due_date'),
        // "12.500,00" as Danish accounting exports write it → { amount: 1250000, currency: 'DKK' }.
        amount: parseMoney(row.amount, currency, 'da', 'amount'),
      };
      if (invoice.dueDate >= asOf) continue; // not overdue yet
      const cvr = row.debtor_cvr ? normalizeCvr(row.debtor_cvr) : undefined;
      if (row.debtor_cvr && !isValidCvr(cvr)) throw Object.assign(new Error(`not a valid CVR number: ${row.debtor_cvr}`), { field: 'debtor_cvr' });
      const debtor = {
        type: 'business',
        name: row.debtor_name,
        country: row.country,
        ...(cvr ? { nationalId: cvr } : {}),
        ...(row.debtor_email ? { email: row.debtor_email } : {}),
        address: { lines: [row.street], postalCode: row.postal_code, city: row.city, country: row.country },
      };
      invoices.push({ line: row.line, debtorKey: cvr ?? row.debtor_name, debtor, invoice });
    } catch (error) {
      if (!isCollectkitInputError(error) && !error.field) throw error;
      console.error(`  skipped line ${row.line}: ${error.field}: ${error.message}`);
    }
  }
  return invoices;
}

/** One case per debtor, with all of its overdue invoices. */
function casesByDebtor(invoices) {
  const byDebtor = new Map();
  for (const { debtorKey, debtor, invoice } of invoices) {
    const entry = byDebtor.get(debtorKey) ?? { debtor, invoices: [] };
    entry.invoices.push(invoice);
    byDebtor.set(debtorKey, entry);
  }
  return [...byDebtor.values()];
}

// ---------------------------------------------------------------------------------------- output

function bar(done, total, width = 30) {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

/** Redraws one line in a terminal; prints line by line when piped. */
function progress(text) {
  if (process.stdout.isTTY) process.stdout.write(`\r\x1b[2K${text}`);
  else console.log(text);
}

const total = (invoices) => {
  const sum = invoices.reduce((s, i) => s + i.amount.amount, 0);
  return `${invoices[0].amount.currency} ${toDecimalString({ amount: sum, currency: invoices[0].amount.currency })}`;
};

// ------------------------------------------------------------------------------------ the client

async function connect() {
  const apiBase = process.env.COLLECTKIT_API_BASE ?? 'http://localhost:8080';
  if (process.env.COLLECTKIT_SECRET_KEY) {
    if (!process.env.COLLECTKIT_CREDITOR_ID) throw new Error('With COLLECTKIT_SECRET_KEY, set COLLECTKIT_CREDITOR_ID: the creditor the cases are for.');
    return { client: createClient({ apiBase, secretKey: process.env.COLLECTKIT_SECRET_KEY }), creditorId: process.env.COLLECTKIT_CREDITOR_ID };
  }
  const { COLLECTKIT_EMAIL: email, COLLECTKIT_PASSWORD: password } = process.env;
  if (!email || !password) throw new Error('Set COLLECTKIT_EMAIL and COLLECTKIT_PASSWORD (a member), or COLLECTKIT_SECRET_KEY and COLLECTKIT_CREDITOR_ID.');
  const publishableKey = process.env.COLLECTKIT_PUBLISHABLE_KEY ?? demoKeys()?.publishableKey;
  if (!publishableKey) throw new Error('Set COLLECTKIT_PUBLISHABLE_KEY (npm start prints the demo one).');
  // Sign in with the association's key, then act as the member with the session token.
  const session = await createClient({ apiBase, publishableKey }).sessions.create({ email, password });
  return { client: createClient({ apiBase, token: session.token }), creditorId: undefined };
}

function demoKeys() {
  const path = new URL('../../.collectkit/data/demo-keys.json', import.meta.url);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

/**
 * `client.cases` is being added to the sdk's client (named like the other resources: create, get, list);
 * until it is there, the same calls through the generic `client.request` with the contract's schema.
 */
function casesOf(client) {
  return (
    client.cases ?? {
      create: (body, options) => client.request({ method: 'POST', path: 'v1/cases', json: body, schema: CaseSchema, ...options }),
      get: (id, options) => client.request({ method: 'GET', path: pathOf('v1/cases', id), schema: CaseSchema, conditional: true, ...options }),
    }
  );
}

// ------------------------------------------------------------------------------------------ main

const invoices = overdueInvoices(readCsv(readFileSync(file, 'utf8')));
const planned = casesByDebtor(invoices);
console.log(`${invoices.length} overdue invoices on ${asOf} → ${planned.length} cases`);
for (const c of planned) console.log(`  ${c.debtor.name}: ${c.invoices.map((i) => i.number).join(', ')} (${total(c.invoices)})`);
if (values['dry-run'] || planned.length === 0) process.exit(0);

const { client, creditorId } = await connect();
const cases = casesOf(client);

const created = [];
progress(`pushing   ${bar(0, planned.length)}`);
for (const c of planned) {
  try {
    const body = { debtor: c.debtor, invoices: c.invoices, reference: `export ${c.invoices.map((i) => i.number).join('+')}`, ...(creditorId ? { creditorId } : {}) };
    // The same invoices give the same key: running the script twice does not create the case twice.
    const idempotencyKey = `node-push:${creditorId ?? 'member'}:${c.invoices.map((i) => i.number).join('+')}`;
    created.push(await cases.create(body, { idempotencyKey }));
  } catch (error) {
    if (!isCollectkitApiError(error)) throw error;
    const issues = error.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    console.error(`\n  ${c.debtor.name}: ${error.status} ${error.code}: ${error.message}${issues ? ` (${issues})` : ''}`);
  }
  progress(`pushing   ${bar(created.length, planned.length)}`);
}
console.log('');
for (const c of created) console.log(`  case ${c.number} (${c.id}) ${c.debtor.name}: ${c.stage}, debtor owes ${toDecimalString(c.quote.debtorOwes.total)} ${c.currency}`);

// Follow: a case moves as the agency's scheduler and operators work it (payments arrive, stages change).
const deadline = Date.now() + followSeconds * 1000;
let latest = created;
while (latest.length > 0) {
  const finished = latest.filter((c) => isFinalStage(c.stage)).length;
  const perStage = new Map();
  for (const c of latest) perStage.set(c.stage, (perStage.get(c.stage) ?? 0) + 1);
  const stages = [...perStage].map(([stage, count]) => `${stage} ${count}`).join(', ');
  progress(`finished  ${bar(finished, latest.length)}  ${stages}`);
  if (finished === latest.length || Date.now() >= deadline) break;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  latest = await Promise.all(latest.map((c) => cases.get(c.id)));
}
console.log(latest.length > 0 && latest.every((c) => isFinalStage(c.stage)) ? '\nall cases finished' : `\nstopped following after ${followSeconds} s; run again to push new invoices (already pushed ones are not duplicated)`);
