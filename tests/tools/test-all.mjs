// `npm test`: every check the project has, in the order a failure is cheapest to read, with one
// plain "N passed, N failed" line at the end that counts all of them. Steps that are not test
// suites (type check, lint, build, web-ext lint) count as one check each.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { howToInstall, missingBrowsers } from './browsers.mjs';

const results = [];
mkdirSync('.test-results', { recursive: true });

function step(name, cmd, args) {
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return { ok: r.status === 0, seconds: (Date.now() - started) / 1000 };
}

function check(name, cmd, args) {
  const { ok, seconds } = step(name, cmd, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
  return ok;
}

function vitestSuite(name, config) {
  const out = `.test-results/${name}.json`;
  rmSync(out, { force: true });
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  if (config) args.push('--config', config);
  const { ok, seconds } = step(name, 'npx', args);
  let passed = 0;
  let failed = 0;
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (report.numTotalTestSuites > 0 && report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0);
  } catch {
    failed = 1;
  }
  if (!ok && failed === 0) failed = 1; // the runner failed without a failing test: count it.
  results.push({ name, passed, failed, seconds });
}

function webExtLint() {
  const name = 'web-ext lint (Firefox build)';
  console.log(`\n━━ ${name}`);
  const started = Date.now();
  const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', `${process.env.ANTEROOM_OUT_DIR ?? '.output'}/firefox-mv3`, '--output', 'json', '--no-input'], { encoding: 'utf8' });
  let ok = false;
  try {
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    for (const kind of ['errors', 'warnings', 'notices']) {
      for (const m of report[kind] ?? []) console.log(`  ${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} — ${m.message}`);
    }
    console.log(`  ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
    ok = report.summary.errors === 0;
  } catch {
    console.log(r.stdout, r.stderr);
  }
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds: (Date.now() - started) / 1000 });
}

check('type check', 'npx', ['tsc', '--noEmit']);
check('lint', 'npx', ['eslint', '.']);
const built = check('build (Chrome and Firefox)', 'npm', ['run', 'build']);
if (built) webExtLint();
vitestSuite('unit');
const missing = missingBrowsers();
if (!built) {
  results.push({ name: 'end-to-end (skipped: the build failed)', passed: 0, failed: 1, seconds: 0 });
} else if (missing.length > 0) {
  console.log(`\nThe end-to-end tests cannot run: browsers are missing.\n${howToInstall(missing)}\nOr run \`npm run setup\`, which installs them.`);
  results.push({ name: 'end-to-end (browsers missing)', passed: 0, failed: 1, seconds: 0 });
} else {
  vitestSuite('e2e', 'tests/e2e/vitest.config.ts');
}

console.log('\n━━ Summary');
for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.name.padEnd(34)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)}s`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
