#!/usr/bin/env node
// Runs every benchmark under bench/<name>/index.ts (or the ones named as arguments) and prints one
// table of their figures: figure, value, baseline, ratio, goal. Benchmarks report `BENCH {json}` lines.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const names = readdirSync(join(root, 'bench'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'lib' && !d.name.startsWith('.'))
  .map((d) => d.name)
  .filter((n) => existsSync(join(root, 'bench', n, 'index.ts')))
  .filter((n) => wanted.length === 0 || wanted.includes(n));

const rows = [];
let failed = false;
for (const name of names) {
  console.log(`\n▶ bench/${name}`);
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join('bench', name, 'index.ts')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('BENCH ')) rows.push({ bench: name, ...JSON.parse(line.slice(6)) });
        else console.log(`  ${line}`);
      }
    });
    child.on('close', resolve);
  });
  if (code !== 0) {
    failed = true;
    console.log(`  bench/${name} exited with ${code}`);
  }
}

const fmt = (n) => (typeof n !== 'number' ? '' : Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : n.toPrecision(3));
const table = rows.map((r) => ({
  bench: r.bench,
  figure: r.figure,
  value: `${fmt(r.value)} ${r.unit}`,
  baseline: r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.label})` : '',
  ratio: r.ratio === undefined ? '' : `${fmt(r.ratio)}×`,
  goal: r.goal ?? '',
  met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
}));
const columns = ['bench', 'figure', 'value', 'baseline', 'ratio', 'goal', 'met'];
const widths = columns.map((c) => Math.max(c.length, ...table.map((r) => String(r[c]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(' │ ');
console.log(`\n${line(columns)}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}`);
for (const r of table) console.log(line(columns.map((c) => r[c])));
process.exit(failed ? 1 : 0);
