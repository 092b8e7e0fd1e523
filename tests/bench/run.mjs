// `npm run bench`: performance budgets, each measured beside its baseline in the same run.
// Prints a table and writes .bench/results.json. Exits non-zero when a budget is exceeded.
// Suites live in ./suites, one file each, listed here explicitly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { requireBuild, root } from './lib.mjs';

const ALL_SUITES = ['content-script', 'bundle-size', 'call-probe', 'popup', 'vault'];
// BENCH_SUITES=vault runs one suite; BENCH_PROFILE=1 prints where the vault's bulk work goes.
const SUITES = process.env.BENCH_SUITES ? process.env.BENCH_SUITES.split(',') : ALL_SUITES;

requireBuild();
const results = [];
for (const suite of SUITES) {
  const { run } = await import(`./suites/${suite}.mjs`);
  const started = Date.now();
  const rows = await run();
  for (const row of rows) results.push({ suite, ...row, withinBudget: row.budget === undefined ? null : row.value <= row.budget });
  console.log(`suite ${suite}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const width = Math.max(...results.map((r) => r.name.length));
console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(10)}  budget`);
for (const r of results) {
  const budget = r.budget === undefined ? '' : `${r.withinBudget ? '✓' : '✗'} ≤ ${r.budget} ${r.unit}`;
  console.log(`${r.name.padEnd(width)}  ${r.value.toFixed(2).padStart(7)} ${r.unit.padEnd(2)}  ${budget}`);
}
mkdirSync(`${root}.bench`, { recursive: true });
writeFileSync(`${root}.bench/results.json`, JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
console.log(`\nwrote .bench/results.json`);
process.exit(results.every((r) => r.withinBudget !== false) ? 0 : 1);
