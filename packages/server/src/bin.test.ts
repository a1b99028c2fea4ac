import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call } from './testing/http-client.js';

const BIN = fileURLToPath(new URL('./bin.ts', import.meta.url));

interface Started {
  child: ChildProcess;
  output: string;
  baseUrl: string;
}

/** Starts `collectkit-server` as a person would (from source), and waits for its banner. */
function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', BIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Health\s+(http:\/\/\S+)\/health/.exec(output);
      if (match && /Storage/.test(output) && /\n\n\s*$|demo-keys\.json[^\n]*\n/.test(output)) {
        clearTimeout(timer);
        resolve({ child, output, baseUrl: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('collectkit-server command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'collectkit-bin-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, seeds the demo association once, prints its keys, and prints them again after a restart', async () => {
    const first = await start({ COLLECTKIT_DATA_DIR: dataDir });
    try {
      assert.match(first.output, /Dansk Autoværksteds Forening \(demo\)/);
      assert.match(first.output, /API docs\s+http:\/\/localhost:\d+\/api/);
      const publishableKey = /Publishable key\s+(pk_\S+)/.exec(first.output)![1]!;
      const secretKey = /Secret key\s+(sk_\S+)/.exec(first.output)![1]!;
      const health = await call(first.baseUrl, 'GET', '/health');
      assert.equal(health.status, 200);
      assert.equal(health.json.database, 'pglite');
      const origin = new URL(first.baseUrl).origin;
      const resetFromPage = await call(first.baseUrl, 'POST', '/v1/password-resets', { bearer: publishableKey, headers: { origin }, body: { email: 'x@example.org' } });
      assert.equal(resetFromPage.status, 202, 'the demo page origin is allowed');
      const keysFile = join(dataDir, 'demo-keys.json');
      assert.deepEqual(JSON.parse(readFileSync(keysFile, 'utf8')).secretKey, secretKey);
      assert.equal(statSync(keysFile).mode & 0o777, 0o600);
      const operator = /Operator login\s+(\S+) \/ (\S+)/.exec(first.output)!;
      const login = await call(first.baseUrl, 'POST', '/v1/sessions', { bearer: secretKey, body: { email: operator[1], password: operator[2] } });
      assert.equal(login.status, 201);
      assert.equal(login.json.role, 'operator');
    } finally {
      await stop(first.child);
    }

    const second = await start({ COLLECTKIT_DATA_DIR: dataDir });
    try {
      assert.doesNotMatch(second.output, /created now/);
      assert.equal(/Secret key\s+(sk_\S+)/.exec(second.output)![1], JSON.parse(readFileSync(join(dataDir, 'demo-keys.json'), 'utf8')).secretKey);
      const me = await call(second.baseUrl, 'GET', '/health');
      assert.equal(me.status, 200, 'the data on disk survived the restart');
    } finally {
      await stop(second.child);
    }
  });

  it('refuses to start with a bad PORT, saying why', async () => {
    await assert.rejects(start({ COLLECTKIT_DATA_DIR: dataDir, PORT: 'eighty' }), /PORT must be a port number/);
  });
});
