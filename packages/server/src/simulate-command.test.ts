import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '@collectkit/sdk';
import { isoDateIn } from './clock.js';
import { call } from './testing/http-client.js';
import { enrolActiveMember } from './testing/members.js';
import { caseBody, createdCase } from './http/case-test-fixtures.js';
import { parseSimulateArgs } from './simulate-command.js';

const BIN = fileURLToPath(new URL('./bin.ts', import.meta.url));
const node = (args: string[], env: Record<string, string>) =>
  spawn(process.execPath, ['--conditions=source', '--import', 'tsx', BIN, ...args], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** Starts the server and waits for the end of its banner. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; output: string; baseUrl: string }> {
  const child = node([], env);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Health\s+(http:\/\/\S+)\/health/.exec(output);
      if (match && /demo-keys\.json[^\n]*\n/.test(output)) {
        clearTimeout(timer);
        resolve({ child, output, baseUrl: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function runToEnd(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = node(args, env);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('collectkit-server simulate', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'collectkit-simulate-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs a DK case from reminder to collection in 40 simulated days, prints each step with its fee, and the server then stands on the simulated day', async () => {
    const today = isoDateIn(new Date(), 'Europe/Copenhagen');
    // The scheduler is on by default; a long interval keeps it from acting before `simulate` does.
    const first = await startServer({ COLLECTKIT_DATA_DIR: dataDir, DUNNING_INTERVAL_SECONDS: '3600' });
    let caseNumber: string;
    let caseId: string;
    const secretKey = /Secret key\s+(sk_\S+)/.exec(first.output)![1]!;
    try {
      assert.match(first.output, /Dunning\s+scheduler on, every 3600 s \(COLLECTKIT_DUNNING_SCHEDULER=0 turns it off\)/);
      assert.doesNotMatch(first.output, /Simulated day/);
      const member = await enrolActiveMember(first.baseUrl, secretKey);
      // DKK 10,000.00 due 20 days ago: the first reminder (7 days after due, default rules) is already due.
      const created = await createdCase(first.baseUrl, member.token, caseBody({ invoices: [{ number: 'F-1', issueDate: addDays(today, -34), dueDate: addDays(today, -20), amount: { amount: 1_000_000, currency: 'DKK' } }] }));
      caseNumber = created.number;
      caseId = created.id;
    } finally {
      await stopServer(first.child);
    }

    const simulated = await runToEnd(['simulate', '--days', '40'], { COLLECTKIT_DATA_DIR: dataDir });
    assert.equal(simulated.code, 0, simulated.output);
    const out = simulated.output;
    assert.match(out, new RegExp(`Simulated 40 days: ${today} → ${addDays(today, 40)} \\(3 actions`));
    assert.match(out, new RegExp(`${caseNumber}  Hansen Biler A/S`));
    // renteloven § 9 b: DKK 100 per reminder; inkassoloven § 10: ≥ 10 days to pay the notice;
    // BEK 601/2002 Bilag 1 (2016): DKK 1,300 for a claim of 5,001–10,000; renteloven § 9 a: DKK 310 (B2B).
    assert.match(out, new RegExp(`${today}  reminder 1 +fee: reminder fee DKK\\s?100\\.00`));
    assert.match(out, new RegExp(`${addDays(today, 10)}  pre-collection notice, pay by ${addDays(today, 20)}`));
    assert.match(out, new RegExp(`${addDays(today, 21)}  collection started +fee: collection fee DKK\\s?1,300\\.00, compensation DKK\\s?310\\.00`));
    // Default channels letter and e-mail; the debtor has no e-mail address, so one letter per step.
    assert.match(out, /3 notifications wait in the outbox/);

    const again = await startServer({ COLLECTKIT_DATA_DIR: dataDir, COLLECTKIT_DUNNING_SCHEDULER: '0' });
    try {
      assert.match(again.output, /Dunning\s+scheduler off/);
      assert.match(again.output, new RegExp(`Simulated day ${addDays(today, 40)}`), 'the offset survived in the database');
      const view = await call(again.baseUrl, 'GET', `/v1/cases/${caseId}`, { bearer: secretKey });
      assert.equal(view.json.stage, 'collection');
    } finally {
      await stopServer(again.child);
    }

    const more = await runToEnd(['simulate', '--days=5'], { COLLECTKIT_DATA_DIR: dataDir });
    assert.match(more.output, new RegExp(`Simulated 5 days: ${addDays(today, 40)} → ${addDays(today, 45)} \\(0 actions`), 'a second run continues from the stored day');
    assert.match(more.output, /no case had a step due/);
  });

  it('refuses bad arguments with the usage, saying which and why', async () => {
    assert.deepEqual(parseSimulateArgs([]), { days: 90, demoCase: false, debtorPaysOnDay: null });
    assert.deepEqual(parseSimulateArgs(['--days', '7']), { days: 7, demoCase: false, debtorPaysOnDay: null });
    // --demo-case alone only makes the case; with a payment day the default 90 days run.
    assert.deepEqual(parseSimulateArgs(['--demo-case']), { days: 0, demoCase: true, debtorPaysOnDay: null });
    assert.deepEqual(parseSimulateArgs(['--demo-case', '--debtor-pays-on-day=60']), { days: 90, demoCase: true, debtorPaysOnDay: 60 });
    assert.deepEqual(parseSimulateArgs(['--days=30', '--debtor-pays-on-day', '30']), { days: 30, demoCase: false, debtorPaysOnDay: 30 });
    assert.throws(() => parseSimulateArgs(['--days', '-3']), /--days must be a whole number from 1 to 3660, got -3/);
    assert.throws(() => parseSimulateArgs(['--days']), /--days must be a whole number from 1 to 3660, got nothing; usage: collectkit-server simulate/);
    assert.throws(() => parseSimulateArgs(['--debtor-pays-on-day', '0']), /--debtor-pays-on-day must be a whole number from 1 to 3660, got 0/);
    assert.throws(() => parseSimulateArgs(['--debtor-pays-on-day', 'sixty']), /--debtor-pays-on-day must be a whole number from 1 to 3660, got sixty/);
    assert.throws(() => parseSimulateArgs(['--days', '30', '--debtor-pays-on-day', '31']), /--debtor-pays-on-day 31 is after the last simulated day \(--days 30\)/);
    assert.throws(() => parseSimulateArgs(['--demo-case=yes']), /unknown argument --demo-case=yes; usage: collectkit-server simulate \[--days 90\] \[--demo-case\] \[--debtor-pays-on-day N\]/);
    const failed = await runToEnd(['simulate', '--weeks', '2'], { COLLECTKIT_DATA_DIR: dataDir });
    assert.equal(failed.code, 1);
    assert.match(failed.output, /collectkit-server simulate failed: unknown argument --weeks; usage: collectkit-server simulate/);
    const late = await runToEnd(['simulate', '--days', '10', '--debtor-pays-on-day', '20'], { COLLECTKIT_DATA_DIR: dataDir });
    assert.equal(late.code, 1);
    assert.match(late.output, /--debtor-pays-on-day 20 is after the last simulated day \(--days 10\)/);
  });
});

/** The step lines of a run's printout: from the case's heading to the outbox line. */
function stepBlock(output: string): string {
  const start = output.indexOf('  2');
  const end = output.search(/\n(\d+ notifications wait|Letters and e-mails)/);
  assert.ok(start >= 0 && end > start, output);
  return output.slice(start, end);
}

/** Asserts the demo story's lines, in order, with the DK B2B fees; returns the case number. */
function assertDemoStory(output: string, today: string): string {
  const number = /Demo case (\d{4}-\d{6}) \(Hansen Biler A\/S\) created for Jensens Autoværksted ApS/.exec(output)?.[1];
  assert.ok(number, output);
  assert.match(output, /Member login\s+mette\+\w+@jensens-auto\.example \/ demo-\S+/);
  assert.match(output, new RegExp(`Simulated 90 days: ${today} → ${addDays(today, 90)} \\(3 actions`));
  const pay = addDays(today, 60);
  const expected = [
    new RegExp(`  ${number}  Hansen Biler A/S`),
    // renteloven § 9 b: DKK 100 per reminder.
    new RegExp(`${today}  reminder 1 +fee: reminder fee DKK\\s?100\\.00`),
    // inkassoloven § 10: at least 10 days to pay the notice.
    new RegExp(`${addDays(today, 10)}  pre-collection notice, pay by ${addDays(today, 20)}`),
    // BEK 601/2002 Bilag 1: DKK 1,300 for a claim of 5,001–10,000; renteloven § 9 a: DKK 310 per invoice (B2B, two invoices).
    new RegExp(`${addDays(today, 21)}  collection started +fee: collection fee DKK\\s?1,300\\.00, compensation DKK\\s?310\\.00, compensation DKK\\s?310\\.00`),
    new RegExp(`${pay}  interest to ${pay}: DKK\\s?[1-9][\\d,]*\\.\\d\\d`),
    new RegExp(`${pay}  payment DKK\\s?[\\d,.]+ \\(bank transfer, reference \\+71<0*${number.replace('-', '')}\\d\\+\\d{8}<\\): costs DKK\\s?2,020\\.00, interest DKK\\s?[\\d,.]+, principal DKK\\s?10,000\\.00`),
    new RegExp(`${pay}  paid: the claim is settled`),
    new RegExp(`${pay}  paid out: collected DKK\\s?[\\d,.]+, kept by the agency DKK\\s?[\\d,.]+, paid to the member DKK\\s?[\\d,.]+`),
    new RegExp(`Payout statement, case ${number}, ${pay}:`),
    /\n  total +DKK/,
  ];
  let at = 0;
  for (const pattern of expected) {
    const match = pattern.exec(output.slice(at));
    assert.ok(match, `${pattern} not found after position ${at} in:\n${output}`);
    at += match.index + match[0].length;
  }
  // The payment was the whole claim as of that day: costs + interest + principal, all of it collected.
  const interest = /interest to \S+: DKK\s?([\d,]+\.\d\d)/.exec(output)![1]!;
  const paid = /payment DKK\s?([\d,]+\.\d\d)/.exec(output)![1]!;
  const minor = (text: string) => Number(text.replace(/[,.]/g, ''));
  assert.equal(minor(paid), 202_000 + minor(interest) + 1_000_000);
  assert.match(output, new RegExp(`paid out: collected DKK\\s?${paid.replace(/[.]/g, '\\.')}`));
  return number;
}

describe('collectkit-server simulate: the demo story, and a running server', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'collectkit-simulate-story-'));
  const running = mkdtempSync(join(tmpdir(), 'collectkit-simulate-http-'));
  after(() => {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(running, { recursive: true, force: true });
  });
  let directSteps = '';

  it('on a fresh data dir (a stale lock left by a dead server), makes the demo case and prints reminder → notice → collection → payment → paid → payout', async () => {
    const today = isoDateIn(new Date(), 'Europe/Copenhagen');
    const seeded = await startServer({ COLLECTKIT_DATA_DIR: fresh, DUNNING_INTERVAL_SECONDS: '3600' });
    const lock = JSON.parse(readFileSync(join(fresh, 'server.lock.json'), 'utf8'));
    assert.equal(lock.pid, seeded.child.pid, 'the server names itself in its lock');
    assert.equal(lock.baseUrl, seeded.baseUrl.replace('localhost', '127.0.0.1'));
    await stopServer(seeded.child);
    assert.equal(existsSync(join(fresh, 'server.lock.json')), false, 'a server that stops removes its lock');
    // A crashed server's lock: a pid that no longer runs.
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(join(fresh, 'server.lock.json'), JSON.stringify({ ...lock, pid: dead.pid }));

    const story = await runToEnd(['simulate', '--demo-case', '--days', '90', '--debtor-pays-on-day', '60'], { COLLECTKIT_DATA_DIR: fresh });
    assert.equal(story.code, 0, story.output);
    assert.match(story.output, /^Simulating on PGlite in .* \(no server running on it\)\./, 'the stale lock is ignored: direct mode');
    assertDemoStory(story.output, today);
    assert.match(story.output, /\d+ notifications wait in the outbox/);
    directSteps = stepBlock(story.output);

    // Again: the demo case exists, so none is made, and the login is printed again; a paid-out case takes no second payment.
    const again = await runToEnd(['simulate', '--demo-case'], { COLLECTKIT_DATA_DIR: fresh });
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, /Demo case \d{4}-\d{6} \(Hansen Biler A\/S\) already exists for Jensens Autoværksted ApS\.\n  Member login/);
    assert.doesNotMatch(again.output, /Simulated/);
    const later = await runToEnd(['simulate', '--days', '2', '--debtor-pays-on-day', '1'], { COLLECTKIT_DATA_DIR: fresh });
    assert.equal(later.code, 0, later.output);
    assert.match(later.output, /Day 1: the case is already paid_out: the debtor does not pay\./);
  });

  it('with a server running on the data dir, drives it over HTTP, and the server shows the case paid out', async () => {
    const today = isoDateIn(new Date(), 'Europe/Copenhagen');
    const server = await startServer({ COLLECTKIT_DATA_DIR: running, DUNNING_INTERVAL_SECONDS: '3600' });
    try {
      const story = await runToEnd(['simulate', '--demo-case', '--days', '90', '--debtor-pays-on-day', '60'], { COLLECTKIT_DATA_DIR: running });
      assert.equal(story.code, 0, story.output);
      const host = server.baseUrl.replace('localhost', '127.0.0.1').replace(/[.]/g, '\\.');
      assert.match(story.output, new RegExp(`^Simulating over HTTP: the server at ${host} \\(pid ${server.child.pid}\\)`));
      const number = assertDemoStory(story.output, today);
      assert.match(story.output, /Letters and e-mails: see http:\/\/localhost:\d+\/dev\/mailbox/);
      if (directSteps) assert.equal(stepBlock(story.output), directSteps, 'the same step lines in both modes');

      // The server's own view, as its operator.
      const { publishableKey, operator } = JSON.parse(readFileSync(join(running, 'demo-keys.json'), 'utf8'));
      const login = await call(server.baseUrl, 'POST', '/v1/sessions', { bearer: publishableKey, body: operator });
      assert.equal(login.status, 201, JSON.stringify(login.json));
      const { caseId } = JSON.parse(readFileSync(join(running, 'demo-case.json'), 'utf8'));
      const view = await call(server.baseUrl, 'GET', `/v1/cases/${caseId}`, { bearer: login.json.token });
      assert.equal(view.status, 200);
      assert.equal(view.json.number, number);
      assert.equal(view.json.stage, 'paid_out');
      assert.equal(view.json.totals.outstanding.amount, 0);
      const clock = await call(server.baseUrl, 'GET', '/v1/simulation', { bearer: login.json.token });
      assert.equal(clock.json.today, addDays(today, 90), 'the server moved its own clock');
      const imported = await call(server.baseUrl, 'GET', `/v1/cases/${caseId}/payments`, { bearer: login.json.token });
      assert.equal(imported.json.data.length, 1);
      assert.equal(imported.json.data[0].method, 'bank_transfer');
      assert.equal(imported.json.data[0].receivedOn, addDays(today, 60));
    } finally {
      await stopServer(server.child);
    }
  });
});
