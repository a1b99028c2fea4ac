import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

  it('refuses a bad --days, saying why', async () => {
    assert.deepEqual(parseSimulateArgs([]), { days: 90 });
    assert.deepEqual(parseSimulateArgs(['--days', '7']), { days: 7 });
    assert.throws(() => parseSimulateArgs(['--days', '-3']), /--days must be a whole number from 1 to 3660, got -3/);
    const failed = await runToEnd(['simulate', '--weeks', '2'], { COLLECTKIT_DATA_DIR: dataDir });
    assert.equal(failed.code, 1);
    assert.match(failed.output, /collectkit-server simulate failed: unknown argument --weeks/);
  });
});
