// Sums vitest JSON reports and prints "N passed, N failed" on a line of its own.
// Failed tests are listed first (file, name, the first lines of the message), so
// the tail of a CI log says what broke without the whole log.
// Exits 1 when any test failed, a report is missing, or nothing ran at all.
import fs from 'node:fs';
import path from 'node:path';

let passed = 0;
let failed = 0;
let missing = 0;
const failures = [];
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.log(`missing report: ${file}`);
    missing++;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const p = r.numPassedTests ?? 0;
  const f = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
  for (const suite of r.testResults ?? []) {
    const where = path.relative(process.cwd(), suite.name ?? '');
    const failedTests = (suite.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failedTests) failures.push({ report: file, where, name: a.fullName, message: (a.failureMessages ?? []).join('\n') });
    if (suite.status === 'failed' && failedTests.length === 0) failures.push({ report: file, where, name: '(suite)', message: suite.message ?? '' });
  }
  console.log(`${file}: ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
}
for (const x of failures) {
  const lines = x.message.split('\n').filter((l) => l.trim() !== '').slice(0, 6).map((l) => `    ${l.slice(0, 300)}`);
  console.log(`FAILED [${path.basename(x.report)}] ${x.where} > ${x.name}\n${lines.join('\n')}`);
}
failed += missing;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
